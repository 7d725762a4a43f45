using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Users.Services.Accounts;

/// <summary>How long the mailed account links stay valid, and how long every account answer takes at least (section Academy:Users).</summary>
public sealed class AccountLinkOptions
{
    /// <summary>The link that confirms a registration or a new e-mail address.</summary>
    public int ConfirmationLinkHours { get; set; } = 48;

    /// <summary>The "wachtwoord vergeten" link.</summary>
    public int PasswordResetLinkMinutes { get; set; } = 60;

    /// <summary>
    /// Registering, "wachtwoord vergeten" and e-mail changes answer no sooner than this, so whether an address has an
    /// account does not show in the time the answer takes.
    /// </summary>
    public int MinimumAnswerMilliseconds { get; set; } = 400;

    public TimeSpan ConfirmationLifespan => TimeSpan.FromHours(ConfirmationLinkHours);
    public TimeSpan PasswordResetLifespan => TimeSpan.FromMinutes(PasswordResetLinkMinutes);

    internal static void Add(IServiceCollection services, IConfiguration configuration) =>
        services.AddOptions<AccountLinkOptions>()
            .Bind(configuration.GetSection(SignIn.AccountProtectionOptions.Section))
            .Validate(o => o.ConfirmationLinkHours > 0 && o.PasswordResetLinkMinutes > 0 && o.MinimumAnswerMilliseconds >= 0,
                "Academy:Users:ConfirmationLinkHours en PasswordResetLinkMinutes moeten groter dan 0 zijn, MinimumAnswerMilliseconds mag niet negatief zijn.")
            .ValidateOnStart();
}
