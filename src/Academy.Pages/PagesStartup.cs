using Academy.Core.Contracts;
using Academy.Core.Modules;
using Academy.Core.Navigation;
using Academy.Pages.Services;
using Academy.Search.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Pages;

/// <summary>
/// The public home page, the site's pages (content items with stereotype "Page", by slug), the accessibility statement,
/// the contact page, /sitemap.xml and /robots.txt.
/// </summary>
public sealed class PagesStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PageReader>();
        services.Configure<RouteOptions>(o => o.ConstraintMap[PageSlugConstraint.Name] = typeof(PageSlugConstraint));
        services.AddPublicMenu<PagesPublicMenu>();
        services.AddSitemapSource<PagesSitemap>();
        services.AddScoped<ISearchDocumentSource, PageSearchSource>();
        services.AddSingleton<IAdminMenuProvider, PagesAdminMenu>();
    }
}

public static class PagesPermissions
{
    /// <summary>Declared by the Users module ("Site-instellingen beheren"); it guards the accessibility statement's editor.</summary>
    public const string ManageSettings = "ManageSettings";
}

public sealed class PagesAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        AdminMenuItem.ForRoute("Toegankelijkheid", "Pages.Admin.Accessibility", PagesPermissions.ManageSettings, 92),
    ];
}
