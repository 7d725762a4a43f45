using Academy.Core.Security;
using Academy.Search.Abstractions;

namespace Academy.Search.Services;

public sealed class SearchPermissions : IPermissionProvider
{
    public IEnumerable<Permission> GetPermissions() =>
    [
        new(SearchPermissionNames.ManageSearch, "De zoekindex bekijken en opnieuw opbouwen"),
    ];
}
