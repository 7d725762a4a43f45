using Academy.Core.Navigation;

namespace Academy.Admin;

/// <summary>The Admin module's entries: the way into the back office, and its start page.</summary>
public sealed class AdminPublicMenu : IPublicMenuProvider
{
    public IEnumerable<PublicMenuItem> GetItems() =>
    [
        new("Beheer", "Admin.Dashboard.Index", 900) { Audience = MenuAudience.SignedIn, Permission = AdminPermissions.AccessAdmin, MarkCurrent = false },
        new("Overzicht", "Admin.Dashboard.Index", 0, MenuArea.AdminHome),
    ];
}
