using System.Security.Claims;
using Academy.Enrolment.Abstractions;
using Academy.Users.Abstractions;

namespace Academy.Enrolment.Services;

/// <summary>The signed-in user as a participant, from the claims the Users module puts on the principal.</summary>
public static class ParticipantClaims
{
    public static string? UserId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    /// <summary>Null when not signed in or the account has no e-mail address.</summary>
    public static Participant? From(ClaimsPrincipal user)
    {
        var id = UserId(user);
        var email = user.FindFirstValue(ClaimTypes.Email);
        if (id is null || string.IsNullOrWhiteSpace(email))
        {
            return null;
        }
        var name = user.FindFirstValue(AcademyClaimTypes.DisplayName) is { Length: > 0 } display ? display : user.Identity?.Name ?? email;
        return new Participant(id, name, email, null, user.FindFirstValue(AcademyClaimTypes.OrganisationId));
    }
}
