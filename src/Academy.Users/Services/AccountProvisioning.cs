using Academy.Core.Contracts;
using Academy.Core.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Academy.Users.Services;

/// <summary>
/// Accounts made on someone's behalf (an employer's contact person): no password until the person
/// chooses one through the link in <see cref="ProvisionedAccount.SetPasswordUrl"/>.
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
        email = email.Trim();
        var user = await userManager.FindByEmailAsync(email);
        var created = user is null;
        if (user is null)
        {
            user = new AcademyUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = displayName.Trim(),
                OrganisationId = organisationId,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            };
            Check(await userManager.CreateAsync(user));
        }
        else if (user.OrganisationId is null && organisationId is not null)
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

        string? setPasswordUrl = null;
        if (!await userManager.HasPasswordAsync(user))
        {
            var token = await userManager.GeneratePasswordResetTokenAsync(user);
            setPasswordUrl = SetPasswordLink.Create(options.Value.PublicBaseUrl, email, token, returnUrl);
        }
        return new ProvisionedAccount(user.Id, created, setPasswordUrl);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Account could not be provisioned: " + string.Join(" ", result.Errors.Select(e => e.Code)));
        }
    }
}

/// <summary>The link to the page where an account holder chooses a password.</summary>
public static class SetPasswordLink
{
    public const string Path = "/account/wachtwoord-instellen";

    public static string Create(string baseUrl, string email, string token, string? returnUrl) =>
        baseUrl.TrimEnd('/') + Path
        + "?email=" + Uri.EscapeDataString(email)
        + "&token=" + Uri.EscapeDataString(token)
        + (string.IsNullOrEmpty(returnUrl) ? "" : "&returnUrl=" + Uri.EscapeDataString(returnUrl));
}
