using Academy.Core.Contracts;
using Academy.Core.Modules;
using Academy.Core.Navigation;
using Academy.Core.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Admin;

/// <summary>The back-office shell: dashboard and a read-only view of the content model.</summary>
public sealed class AdminStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissions<AdminPermissions>();
        services.AddSingleton<IAdminMenuProvider, AdminMenu>();
        services.AddPublicMenu<AdminPublicMenu>();
    }
}

public sealed class AdminPermissions : IPermissionProvider
{
    public const string AccessAdmin = "AccessAdmin";
    public const string ViewContentTypes = "ViewContentTypes";
    /// <summary>Declared by the Users module ("Site-instellingen beheren"); it also guards the background work page.</summary>
    public const string ManageSettings = "ManageSettings";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(AccessAdmin, "Het beheer openen"),
        new(ViewContentTypes, "Inhoudstypes bekijken"),
    ];
}

public sealed class AdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        AdminMenuItem.ForRoute("Inhoudstypes", "Admin.ContentTypes.Index", AdminPermissions.ViewContentTypes, 90),
        AdminMenuItem.ForRoute("Achtergrondwerk", "Admin.Background.Index", AdminPermissions.ManageSettings, 95),
    ];
}
