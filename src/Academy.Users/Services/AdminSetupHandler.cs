using System.Security.Claims;
using System.Security.Cryptography;
using Academy.Core.Data;
using Academy.Core.Hosting;
using Academy.Core.Security;
using Microsoft.AspNetCore.Identity;

namespace Academy.Users.Services;

/// <summary>
/// On a site's first start, after the setup recipe: creates the administrator account with the role
/// "Beheerder" (created with every declared permission when the recipe did not define it).
/// Does nothing when the account already exists.
/// </summary>
public sealed class AdminSetupHandler(
    UnitOfWork unitOfWork,
    UserManager<AcademyUser> userManager,
    RoleManager<AcademyRole> roleManager,
    PermissionCatalog permissions,
    TimeProvider clock) : ISetupHandler
{
    public const string AdminRole = "Beheerder";
    private const string PasswordAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task SetupAsync(SetupContext context)
    {
        var email = context.Options.AdminEmail?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            throw new InvalidOperationException("Academy:Setup:AdminEmail is leeg: er kan geen beheerder worden aangemaakt.");
        }
        if (await userManager.FindByEmailAsync(email) is not null || await userManager.FindByNameAsync(email) is not null)
        {
            return;
        }

        var generated = string.IsNullOrEmpty(context.Options.AdminPassword);
        var password = generated ? RandomNumberGenerator.GetString(PasswordAlphabet, 24) : context.Options.AdminPassword!;

        // Identity saves as it goes: the role and the account commit together or not at all.
        await unitOfWork.RunAsync(async () =>
        {
            var role = await roleManager.FindByNameAsync(AdminRole);
            if (role is null)
            {
                role = new AcademyRole(AdminRole) { Description = "Beheert de hele site." };
                Check(await roleManager.CreateAsync(role));
                foreach (var permission in permissions.All.Keys.Order(StringComparer.Ordinal))
                {
                    Check(await roleManager.AddClaimAsync(role, new Claim(PermissionClaim.Type, permission)));
                }
            }

            var user = new AcademyUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = "Beheerder",
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            };
            Check(await userManager.CreateAsync(user, password));
            Check(await userManager.AddToRoleAsync(user, AdminRole));
        });

        if (generated)
        {
            context.Messages.Add($"Beheerder aangemaakt: {email} / wachtwoord: {password} (wordt maar één keer getoond)");
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("De beheerder kon niet worden aangemaakt: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
