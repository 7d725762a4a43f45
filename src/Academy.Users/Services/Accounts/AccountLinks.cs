using System.Text;
using Academy.Core.Hosting;
using Academy.Email.Abstractions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Academy.Users.Services.Accounts;

/// <summary>
/// The one-time links in account mails. The mail outbox keeps a reference (<see cref="MailLinks"/>) with the account id
/// only; <see cref="AccountLinkResolver"/> makes the working link with a fresh token when the mail is sent.
/// </summary>
public static class AccountLinks
{
    public const string ConfirmRegistration = "registratie-bevestigen";
    public const string ResetPassword = "wachtwoord-herstellen";
    public const string ConfirmNewEmail = "e-mail-bevestigen";

    public static string Reference(string baseUrl, string kind, string userId) => MailLinks.Reference(baseUrl, kind, userId);

    /// <summary>The reference to the link that confirms <paramref name="newEmail"/> as the account's new address.</summary>
    public static string NewEmailReference(string baseUrl, string userId, string newEmail) =>
        MailLinks.Reference(baseUrl, ConfirmNewEmail, userId + "~" + WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(newEmail)));
}

/// <summary>
/// Turns the account link references into links with a token, only in a mail to the address the link is about (the
/// account's own, or the new address being confirmed), and only while the link can still do something.
/// </summary>
public abstract class AccountLinkResolver(UserManager<AcademyUser> users, LinkGenerator links, IOptions<AcademyOptions> site) : IMailLinkResolver
{
    public abstract string Kind { get; }

    protected UserManager<AcademyUser> Users => users;

    public abstract Task<string?> ResolveAsync(string value, string recipient, CancellationToken cancellationToken = default);

    protected static bool SameAddress(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    protected string Link(string routeName, object values) =>
        site.Value.PublicBaseUrl.TrimEnd('/') + links.GetPathByName(routeName, values);
}

public sealed class ConfirmRegistrationLinkResolver(UserManager<AcademyUser> users, LinkGenerator links, IOptions<AcademyOptions> site,
    Academy.Core.Data.AcademyDbContext db) : AccountLinkResolver(users, links, site)
{
    public override string Kind => AccountLinks.ConfirmRegistration;

    public override async Task<string?> ResolveAsync(string value, string recipient, CancellationToken cancellationToken = default)
    {
        var user = await Users.FindByIdAsync(value);
        if (user is null || !SameAddress(user.Email, recipient)
            || !await db.Set<AccountRegistration>().AnyAsync(r => r.UserId == user.Id && r.Status == RegistrationStatus.Unconfirmed, cancellationToken))
        {
            return null;
        }
        return Link(AccountRoutes.ConfirmRegistration, new { id = user.Id, token = await Users.GenerateEmailConfirmationTokenAsync(user) });
    }
}

public sealed class ResetPasswordLinkResolver(UserManager<AcademyUser> users, LinkGenerator links, IOptions<AcademyOptions> site)
    : AccountLinkResolver(users, links, site)
{
    public override string Kind => AccountLinks.ResetPassword;

    public override async Task<string?> ResolveAsync(string value, string recipient, CancellationToken cancellationToken = default)
    {
        var user = await Users.FindByIdAsync(value);
        if (user is null || !SameAddress(user.Email, recipient))
        {
            return null;
        }
        var token = await Users.GenerateUserTokenAsync(user, AccountTokenProvider.Name, AccountTokenProvider.PasswordResetPurpose);
        return Link(AccountRoutes.ResetPassword, new { id = user.Id, token });
    }
}

public sealed class ConfirmNewEmailLinkResolver(UserManager<AcademyUser> users, LinkGenerator links, IOptions<AcademyOptions> site)
    : AccountLinkResolver(users, links, site)
{
    public override string Kind => AccountLinks.ConfirmNewEmail;

    public override async Task<string?> ResolveAsync(string value, string recipient, CancellationToken cancellationToken = default)
    {
        var parts = value.Split('~', 2);
        string newEmail;
        try
        {
            newEmail = parts.Length == 2 ? Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(parts[1])) : "";
        }
        catch (FormatException)
        {
            return null;
        }
        var user = await Users.FindByIdAsync(parts[0]);
        if (user is null || !SameAddress(newEmail, recipient))
        {
            return null;
        }
        var token = await Users.GenerateChangeEmailTokenAsync(user, newEmail);
        return Link(AccountRoutes.ConfirmNewEmail, new { id = user.Id, email = newEmail, token });
    }
}
