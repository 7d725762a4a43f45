using System.Security.Claims;
using Academy.Core.Security;
using Academy.Users.Abstractions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Academy.Users.Services;

/// <summary>
/// Identity's factory (user name, e-mail, security stamp, roles and the roles' claims — so the
/// "Permission" claims of the user's roles) plus the display name and organisation. ManageUsers includes
/// ManageMemberAccounts (a role made with only the former still reaches the user admin).
/// </summary>
public sealed class AcademyClaimsPrincipalFactory(
    UserManager<AcademyUser> userManager,
    RoleManager<AcademyRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AcademyUser, AcademyRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AcademyUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrEmpty(user.DisplayName))
        {
            identity.AddClaim(new Claim(AcademyClaimTypes.DisplayName, user.DisplayName));
        }
        if (!string.IsNullOrEmpty(user.OrganisationId))
        {
            identity.AddClaim(new Claim(AcademyClaimTypes.OrganisationId, user.OrganisationId));
        }
        if (identity.HasClaim(PermissionClaim.Type, UsersPermissions.ManageUsers)
            && !identity.HasClaim(PermissionClaim.Type, UsersPermissions.ManageMemberAccounts))
        {
            identity.AddClaim(new Claim(PermissionClaim.Type, UsersPermissions.ManageMemberAccounts));
        }
        return identity;
    }
}
