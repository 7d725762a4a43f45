using Academy.Community.Abstractions;
using Academy.Core.Navigation;

namespace Academy.Community;

/// <summary>The community in the public navigation; the member directory for professionals who take part.</summary>
public sealed class CommunityPublicMenu : IPublicMenuProvider
{
    public IEnumerable<PublicMenuItem> GetItems() =>
    [
        new("Community", CommunityRouteNames.Groups, 400),
        new("Kennisbank", "Community.Kennisbank.Index", 405),
        new("Leden", CommunityRouteNames.Members, 410) { Permission = CommunityPermissionNames.TakePartInCommunity },
    ];
}
