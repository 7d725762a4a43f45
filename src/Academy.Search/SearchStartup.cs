using Academy.Core.Background;
using Academy.Core.Contracts;
using Academy.Core.Modules;
using Academy.Core.Navigation;
using Academy.Search.Abstractions;
using Academy.Search.Controllers;
using Academy.Search.Migrations;
using Academy.Search.Recipes;
using Academy.Search.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Search;

/// <summary>
/// Search: a Lucene.Net index per node (App_Data/search/{node}), kept up to date from the shared task log
/// (SearchIndexTasks) that modules write through <see cref="ISearchIndexQueue"/>; Dutch analysis with the recipe's
/// synonyms; the <see cref="ISearchService"/> behind /zoeken; /admin/zoeken for the index's status and rebuilds.
/// </summary>
public sealed class SearchStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SearchOptions>(configuration.GetSection("Academy:Search"));
        services.AddModelContributor<SearchModel>();
        services.AddDataMigration<SearchMigration>();
        services.AddPermissions<SearchPermissions>();
        services.AddRecipeStep<SearchSynonymsStep>();

        services.AddSingleton<SearchIndex>();
        services.AddSingleton<SearchIndexSignal>();
        services.AddSingleton<SearchIndexer>();
        services.AddSingleton<ISearchIndexMaintenance>(sp => sp.GetRequiredService<SearchIndexer>());
        services.AddSingleton<SearchSynonyms>();
        services.AddSingleton<SearchResultCache>();
        services.Configure<Microsoft.AspNetCore.OutputCaching.OutputCacheOptions>(SearchOutputCache.AddPolicy);
        services.AddHostedService<SearchIndexerService>();
        services.AddBackgroundProcessor<SearchIndexProcessor>();
        services.AddDomainEventHandler<ContentSearchEvents>();

        services.AddScoped<ISearchIndexQueue, SearchIndexQueue>();
        services.AddScoped<ISearchService, LuceneSearchService>();
        services.AddScoped<ISearchSynonymSource, StoredSearchSynonyms>();
        services.AddScoped<ISearchViewers, SearchViewers>();
        services.AddScoped<SearchStatus>();
        services.AddSingleton<IAdminMenuProvider, SearchAdminMenu>();
        services.AddPublicMenu<SearchPublicMenu>();
    }
}
