using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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

    public TimeSpan SessionCheck => TimeSpan.FromSeconds(SessionCheckSeconds);

    internal static void Add(IServiceCollection services, IConfiguration configuration) =>
        services.AddOptions<AccountProtectionOptions>()
            .Bind(configuration.GetSection(Section))
            .Validate(o => o.SessionCheckSeconds >= 0 && o.AccountSlowdownAfter > 0 && o.AccountSlowdownMaxSeconds >= 0,
                "Academy:Users:SessionCheckSeconds en AccountSlowdownMaxSeconds mogen niet negatief zijn, AccountSlowdownAfter moet groter dan 0 zijn.")
            .ValidateOnStart();
}
