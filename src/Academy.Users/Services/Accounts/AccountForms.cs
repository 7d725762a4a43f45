using System.Diagnostics;
using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Academy.Users.Services.Accounts;

/// <summary>Checks the account forms share: e-mail addresses and new passwords, with Dutch messages.</summary>
public sealed class AccountForms(UserManager<AcademyUser> users, IOptions<AccountLinkOptions> options)
{
    public const int MinimumPasswordLength = 12;
    public const int MaxEmailLength = 256;

    /// <summary>The address trimmed, or an error message.</summary>
    public static (string Email, string? Error) CheckEmail(string? email)
    {
        email = email?.Trim() ?? "";
        if (email.Length == 0)
        {
            return (email, "Vul je e-mailadres in.");
        }
        if (email.Length > MaxEmailLength || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email
            || !EmailDomains.DomainOf(email).Contains('.'))
        {
            return (email, "Vul een geldig e-mailadres in, zoals naam@organisatie.nl.");
        }
        return (email, null);
    }

    /// <summary>The messages for a new password: length, the repeat, and Identity's rules (common, personal, too simple).</summary>
    public async Task<IReadOnlyList<string>> CheckNewPasswordAsync(AcademyUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return ["Vul een wachtwoord in."];
        }
        if (password.Length < MinimumPasswordLength)
        {
            return [$"Kies een wachtwoord van minstens {MinimumPasswordLength} tekens."];
        }
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }
        return errors.Distinct().ToList();
    }

    /// <summary>
    /// Runs <paramref name="work"/> and answers no sooner than <see cref="AccountLinkOptions.MinimumAnswerMilliseconds"/>,
    /// so the time does not tell whether an address has an account.
    /// </summary>
    public async Task SteadyAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await work();
        var rest = TimeSpan.FromMilliseconds(options.Value.MinimumAnswerMilliseconds) - watch.Elapsed;
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest, cancellationToken);
        }
    }
}
