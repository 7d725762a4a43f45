using System.Security.Claims;
using Academy.Community.Abstractions;
using Academy.Core.Security;

namespace Academy.Community.Services;

/// <summary>Who looks at the community: a visitor, a professional who takes part, or a moderator.</summary>
public sealed record CommunityViewer(string? UserId, bool TakesPart, bool Moderates)
{
    public static readonly CommunityViewer Visitor = new(null, false, false);

    public bool SignedIn => UserId is not null;

    public static CommunityViewer From(ClaimsPrincipal user)
    {
        var id = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        return string.IsNullOrEmpty(id)
            ? Visitor
            : new CommunityViewer(id,
                user.HasClaim(PermissionClaim.Type, CommunityPermissionNames.TakePartInCommunity),
                user.HasClaim(PermissionClaim.Type, CommunityPermissionNames.ModerateCommunity));
    }
}
