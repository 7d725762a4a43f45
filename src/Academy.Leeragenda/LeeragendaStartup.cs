using Academy.Leeragenda.Abstractions;
using Academy.Core.Content;
using Academy.Core.Content.Display;
using Academy.Core.Contracts;
using Academy.Core.Modules;
using Academy.Core.Navigation;
using Academy.Core.Security;
using Academy.Core.UI;
using Academy.Leeragenda.Indexes;
using Academy.Leeragenda.Migrations;
using Academy.Leeragenda.Models;
using Academy.Leeragenda.Services;
using Academy.Search.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Academy.Leeragenda;

/// <summary>The aanbod: offering parts, the catalogue index, the public leeragenda and its feeds, and admin publishing.</summary>
public sealed class LeeragendaStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddContentPart<OfferingPart>();
        services.AddContentPart<EditionsPart>();
        services.AddModelContributor<LeeragendaModel>();
        services.AddDataMigration<LeeragendaMigration>();
        services.AddContentHandler<OfferingHandler>();
        services.AddContentPartDriver<Editors.OfferingSummaryDriver>();
        services.AddContentPartDriver<Editors.OfferingPartDriver>();
        services.AddContentPartDriver<Editors.EditionsPartDriver>();
        services.AddScoped<TaxonomyService>();
        services.AddScoped<IThemeTaxonomy, ThemeTaxonomy>();
        services.AddScoped<IContentChangeListener, CatalogueCacheEviction>();
        services.AddLeeragendaCatalogue();
        services.TryAddScoped<IEditionSeats, NoEditionSeats>();
        services.AddScoped<IEditionCatalog, EditionCatalog>();
        services.AddCard<UpcomingOffering>(Components.OfferingCardViewComponent.Name);
        services.AddPermissions<LeeragendaPermissions>();
        services.AddSingleton<IAdminMenuProvider, LeeragendaAdminMenu>();
        services.AddPublicMenu<LeeragendaPublicMenu>();
        services.AddSitemapSource<LeeragendaSitemap>();
        services.AddScoped<IAdminDashboardProvider, OfferingDashboard>();
        services.AddScoped<ISearchDocumentSource, OfferingSearchSource>();
    }
}

public sealed class LeeragendaPermissions : IPermissionProvider
{
    public const string ManageOfferings = "ManageOfferings";
    public const string PublishOfferings = "PublishOfferings";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageOfferings, "Aanbod aanmaken en bewerken"),
        new(PublishOfferings, "Aanbod publiceren, depubliceren en verwijderen"),
    ];
}

public sealed class LeeragendaAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        AdminMenuItem.ForRoute("Aanbod", LeeragendaRouteNames.AdminIndex, LeeragendaPermissions.ManageOfferings, 10),
    ];
}
