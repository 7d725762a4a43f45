using Academy.Core.Modules;
using Academy.Core.Navigation;
using Academy.Pages.Services;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Pages;

/// <summary>The public home page and the site's pages (content items with stereotype "Page", by slug).</summary>
public sealed class PagesStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PageReader>();
        services.Configure<RouteOptions>(o => o.ConstraintMap[PageSlugConstraint.Name] = typeof(PageSlugConstraint));
        services.AddPublicMenu<PagesPublicMenu>();
    }
}
