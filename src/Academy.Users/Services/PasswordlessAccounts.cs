using Microsoft.AspNetCore.Identity;

namespace Academy.Users.Services;

/// <summary>
/// Accounts made on someone's behalf (an employer's sign-up, an invitation): found by e-mail address, or created
/// without a password and with the address confirmed, since the person who gave it knows its owner. The owner
/// chooses a password through the set-password link.
/// </summary>
internal static class PasswordlessAccounts
{
    public static async Task<(AcademyUser User, bool Created)> FindOrCreateAsync(UserManager<AcademyUser> users, string email,
        string displayName, string? organisationId, DateTime nowUtc, string failure)
    {
        email = email.Trim();
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            return (existing, false);
        }
        var user = new AcademyUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName.Trim(),
            OrganisationId = organisationId,
            CreatedUtc = nowUtc,
        };
        Check(await users.CreateAsync(user), failure);
        return (user, true);
    }

    /// <summary>Throws with <paramref name="failure"/> and Identity's error codes when the operation did not succeed.</summary>
    public static void Check(IdentityResult result, string failure)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(failure + ": " + string.Join(" ", result.Errors.Select(e => e.Code)));
        }
    }
}
