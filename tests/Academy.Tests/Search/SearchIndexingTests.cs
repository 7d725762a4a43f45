using Academy.Testing;

namespace Academy.Tests.Search;

/// <summary>One site with the test source for the SQLite runs of <see cref="SearchIndexingScenarios"/>.</summary>
public sealed class SearchSqliteSite : IAsyncLifetime
{
    public const string Collection = "search-sqlite";

    public AcademyFactory Factory { get; } = SearchSiteKit.Site();

    public Task InitializeAsync()
    {
        _ = Factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

[CollectionDefinition(SearchSqliteSite.Collection)]
public sealed class SearchSqliteCollection : ICollectionFixture<SearchSqliteSite>
{
}

[Collection(SearchSqliteSite.Collection)]
public sealed class SearchIndexingTests(SearchSqliteSite site)
{
    [Fact]
    public Task A_queued_change_is_searchable_updated_and_removed() =>
        SearchIndexingScenarios.AQueuedChangeIsSearchableUpdatedAndRemovedAsync(site.Factory);

    [Fact]
    public Task The_recipes_synonyms_expand_a_query() =>
        SearchIndexingScenarios.TheRecipesSynonymsExpandAQueryAsync(site.Factory);

    [Fact]
    public Task A_rolled_back_change_queues_nothing_and_a_document_is_queued_once_per_unit() =>
        SearchIndexingScenarios.ARolledBackChangeQueuesNothingAsync(site.Factory);

    [Fact]
    public Task A_content_event_queues_the_source_that_claims_the_type() =>
        SearchIndexingScenarios.AContentEventQueuesTheSourceThatClaimsTheTypeAsync(site.Factory);

    [Fact]
    public Task Rebuilding_twice_gives_the_same_index() =>
        SearchIndexingScenarios.RebuildingTwiceGivesTheSameIndexAsync(site.Factory);
}
