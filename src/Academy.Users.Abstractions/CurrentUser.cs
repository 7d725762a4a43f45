using System.Security.Claims;

namespace Academy.Users.Abstractions;

/// <summary>The claims the Users module puts on a signed-in principal beside Identity's own.</summary>
public static class AcademyClaimTypes
{
    public const string DisplayName = "DisplayName";
    public const string OrganisationId = "OrganisationId";
}

/// <summary>
/// The signed-in account as other modules read it from the principal (no database look-up).
/// </summary>
/// <param name="Email">Trimmed and lower-cased; null when the account has none.</param>
/// <param name="DisplayName">The account's display name, else its user name, else its e-mail address.</param>
public sealed record CurrentUser(string UserId, string? Email, string DisplayName, string? OrganisationId)
{
    /// <summary>Null when nobody is signed in.</summary>
    public static CurrentUser? From(ClaimsPrincipal user)
    {
        var id = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }
        var email = user.FindFirstValue(ClaimTypes.Email);
        var name = user.FindFirstValue(AcademyClaimTypes.DisplayName) is { Length: > 0 } display ? display : user.Identity?.Name ?? email ?? "";
        return new CurrentUser(
            id,
            string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant(),
            name,
            user.FindFirstValue(AcademyClaimTypes.OrganisationId));
    }
}
