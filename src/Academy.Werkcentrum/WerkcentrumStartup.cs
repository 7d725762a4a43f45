using Academy.Core.Content.Display;
using Academy.Core.Contracts;
using Academy.Core.Modules;
using Academy.Core.Navigation;
using Academy.Core.Security;
using Academy.Search.Abstractions;
using Academy.Werkcentrum.Editors;
using Academy.Werkcentrum.Migrations;
using Academy.Werkcentrum.Models;
using Academy.Werkcentrum.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Werkcentrum;

/// <summary>The public Werkcentrum: inlooppunten with opening hours, services per audience, news with feeds, questions.</summary>
public sealed class WerkcentrumStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddContentPart<WalkInPointPart>();
        services.AddContentPart<WerkcentrumServicePart>();
        services.AddContentPart<NewsItemPart>();
        services.AddContentPart<FaqItemPart>();
        services.AddContentPartDriver<WalkInPointPartDriver>();
        services.AddContentPartDriver<WerkcentrumServicePartDriver>();
        services.AddContentPartDriver<NewsItemPartDriver>();
        services.AddContentPartDriver<FaqItemPartDriver>();
        services.AddContentHandler<WerkcentrumContentHandler>();
        services.AddDataMigration<WerkcentrumMigration>();
        services.AddScoped<WerkcentrumContent>();
        services.AddSitemapSource<WerkcentrumSitemap>();
        services.AddScoped<ISearchDocumentSource, WerkcentrumSearchSource>();
        services.AddPermissions<WerkcentrumPermissions>();
        services.AddSingleton<IAdminMenuProvider, WerkcentrumAdminMenu>();
        services.AddPublicMenu<WerkcentrumPublicMenu>();
    }
}

public sealed class WerkcentrumPermissions : IPermissionProvider
{
    public const string ManageWerkcentrum = "ManageWerkcentrum";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageWerkcentrum, "Werkcentrum beheren: inlooppunten, dienstverlening, nieuws en veelgestelde vragen"),
    ];
}

public sealed class WerkcentrumAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        AdminMenuItem.ForRoute("Werkcentrum", "Werkcentrum.Admin.Index", WerkcentrumPermissions.ManageWerkcentrum, 40),
    ];
}

/// <summary>The Werkcentrum in the public navigation, and its news feeds in every page's head.</summary>
public sealed class WerkcentrumPublicMenu : IPublicMenuProvider
{
    public IEnumerable<PublicMenuItem> GetItems() =>
    [
        new("Werkcentrum", "Werkcentrum.Home.Index", 200),
        new("Nieuws Werkcentrum (RSS)", "Werkcentrum.News.Rss", 200, MenuArea.Feed) { MediaType = NewsFeeds.RssType },
        new("Nieuws Werkcentrum (Atom)", "Werkcentrum.News.Atom", 210, MenuArea.Feed) { MediaType = NewsFeeds.AtomType },
    ];
}
