using Academy.Community.Abstractions;
using Academy.Core.Security;

namespace Academy.Community.Services;

public sealed class CommunityPermissions : IPermissionProvider
{
    public IEnumerable<Permission> GetPermissions() =>
    [
        new(CommunityPermissionNames.TakePartInCommunity, "Deelnemen aan de community: groepen, discussies en ledenlijst (professionals)"),
        new(CommunityPermissionNames.ModerateCommunity, "De community modereren: alle groepen zien en beheren, groepen aanmaken"),
    ];
}
