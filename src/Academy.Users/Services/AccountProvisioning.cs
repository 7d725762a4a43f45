using System.Text;
using Academy.Core.Contracts;
using Academy.Core.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Academy.Users.Abstractions;
using Academy.Email.Abstractions;

namespace Academy.Users.Services;

/// <summary>
/// Accounts made on someone's behalf (an employer's contact person): no password until the person
/// chooses one through the link in <see cref="ProvisionedAccount.SetPasswordUrl"/> (a reference that becomes
/// a link with a fresh token when the mail is sent: <see cref="SetPasswordLink"/>).
/// </summary>
public sealed class AccountProvisioning(
    UserManager<AcademyUser> userManager,
    RoleManager<AcademyRole> roleManager,
    IOptions<AcademyOptions> options,
    TimeProvider clock) : IAccountProvisioning
{
    public async Task<ProvisionedAccount> EnsureAccountAsync(string email, string displayName, string role, string? organisationId,
        string? returnUrl = null, CancellationToken cancellationToken = default)
    {
        var (user, created) = await PasswordlessAccounts.FindOrCreateAsync(userManager, email, displayName, organisationId,
            clock.GetUtcNow().UtcDateTime, Failure);
        if (!created && user.OrganisationId is null && organisationId is not null)
        {
            user.OrganisationId = organisationId;
            Check(await userManager.UpdateAsync(user));
        }

        if (await roleManager.FindByNameAsync(role) is null)
        {
            Check(await roleManager.CreateAsync(new AcademyRole(role) { Description = role }));
        }
        if (!await userManager.IsInRoleAsync(user, role))
        {
            Check(await userManager.AddToRoleAsync(user, role));
        }

        var setPasswordUrl = await userManager.HasPasswordAsync(user)
            ? null
            : SetPasswordLink.Reference(options.Value.PublicBaseUrl, user.Id, returnUrl);
        return new ProvisionedAccount(user.Id, created, setPasswordUrl);
    }

    private const string Failure = "Account could not be provisioned";

    private static void Check(IdentityResult result) => PasswordlessAccounts.Check(result, Failure);
}

/// <summary>The link to the page where an account holder chooses a password.</summary>
public static class SetPasswordLink
{
    public const string Path = "/account/wachtwoord-instellen";
    public const string LinkKind = "wachtwoord";

    /// <summary>A reference to the link for a mail (no token): the account id and, base64url, the page to land on.</summary>
    public static string Reference(string baseUrl, string userId, string? returnUrl) =>
        MailLinks.Reference(baseUrl, LinkKind, string.IsNullOrEmpty(returnUrl)
            ? userId
            : $"{userId}~{WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(returnUrl))}");

    public static string Create(string baseUrl, string email, string token, string? returnUrl) =>
        baseUrl.TrimEnd('/') + Path
        + "?email=" + Uri.EscapeDataString(email)
        + "&token=" + Uri.EscapeDataString(token)
        + (string.IsNullOrEmpty(returnUrl) ? "" : "&returnUrl=" + Uri.EscapeDataString(returnUrl));
}

/// <summary>
/// Makes the set-password link of a <see cref="SetPasswordLink.Reference"/> when its mail is sent: a fresh token,
/// only in a mail to the account's own address, and only while the account has no password (otherwise the
/// sign-in page).
/// </summary>
public sealed class SetPasswordLinkResolver(UserManager<AcademyUser> userManager, IOptions<AcademyOptions> options) : IMailLinkResolver
{
    public string Kind => SetPasswordLink.LinkKind;

    public async Task<string?> ResolveAsync(string value, string recipient, CancellationToken cancellationToken = default)
    {
        var parts = value.Split('~', 2);
        var user = await userManager.FindByIdAsync(parts[0]);
        if (user?.Email is not { } email || !string.Equals(email.Trim(), recipient.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        if (await userManager.HasPasswordAsync(user))
        {
            return baseUrl + "/account/inloggen";
        }
        string? returnUrl = null;
        if (parts.Length == 2)
        {
            try
            {
                returnUrl = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(parts[1]));
            }
            catch (FormatException)
            {
            }
        }
        var token = await userManager.GeneratePasswordResetTokenAsync(user);
        return SetPasswordLink.Create(baseUrl, email, token, returnUrl);
    }
}
