using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Academy.Users.Services.SignIn;

/// <summary>Sessions and the slowing down of password guessing (configuration section Academy:Users).</summary>
public sealed class AccountProtectionOptions
{
    public const string Section = "Academy:Users";

    /// <summary>
    /// How long a web node trusts a session it checked in the database. A logout on the same node counts at once;
    /// on other nodes after at most this long. 0 = ask the database on every request.
    /// </summary>
    public int SessionCheckSeconds { get; set; } = 5;

    /// <summary>Wrong passwords for one account (from any address) within the failure window before every attempt waits.</summary>
    public int AccountSlowdownAfter { get; set; } = 10;

    /// <summary>The longest wait, in seconds, per attempt on an account that is being guessed.</summary>
    public int AccountSlowdownMaxSeconds { get; set; } = 5;

    /// <summary>
    /// PBKDF2 iterations for new password hashes; 0 keeps ASP.NET Core Identity's default. Only the test hosts lower it
    /// (a hash records its own count, so every stored password keeps working whatever this is).
    /// </summary>
    public int PasswordHashIterations { get; set; }

    public TimeSpan SessionCheck => TimeSpan.FromSeconds(SessionCheckSeconds);

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountProtectionOptions>()
            .Bind(configuration.GetSection(Section))
            .Validate(o => o.SessionCheckSeconds >= 0 && o.AccountSlowdownAfter > 0 && o.AccountSlowdownMaxSeconds >= 0
                    && o.PasswordHashIterations >= 0,
                "Academy:Users:SessionCheckSeconds, AccountSlowdownMaxSeconds en PasswordHashIterations mogen niet negatief zijn, AccountSlowdownAfter moet groter dan 0 zijn.")
            .ValidateOnStart();
        services.AddOptions<PasswordHasherOptions>().Configure<IOptions<AccountProtectionOptions>>((hasher, protection) =>
        {
            if (protection.Value.PasswordHashIterations > 0) hasher.IterationCount = protection.Value.PasswordHashIterations;
        });
    }
}
