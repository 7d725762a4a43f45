using Academy.Testing;
using static Academy.Tests.Search.SearchSiteKit;

namespace Academy.Tests.Search;

/// <summary>One site with the test source on its own PostgreSQL database.</summary>
public sealed class SearchPostgresSite : IAsyncLifetime
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private AcademyFactory? _factory;

    public async Task<AcademyFactory> GetAsync(PostgresFixture postgres)
    {
        await _lock.WaitAsync();
        try
        {
            if (_factory is null)
            {
                _factory = Site(await postgres.CreateDatabaseAsync("search"));
                _ = _factory.Server;
            }
            return _factory;
        }
        finally
        {
            _lock.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}

/// <summary>The task log on PostgreSQL. Nodes catching up (a second site process on the same database with its own index
/// folder, a node stopped while changes keep coming) are tested with real processes in <see cref="SearchProcessTests"/>.</summary>
[Collection("postgres")]
public sealed class SearchPostgresTests(PostgresFixture postgres, SearchPostgresSite site) : IClassFixture<SearchPostgresSite>
{
    [Fact]
    public async Task A_queued_change_is_searchable_updated_and_removed_on_postgres() =>
        await SearchIndexingScenarios.AQueuedChangeIsSearchableUpdatedAndRemovedAsync(await site.GetAsync(postgres));

    [Fact]
    public async Task The_recipes_synonyms_expand_a_query_on_postgres() =>
        await SearchIndexingScenarios.TheRecipesSynonymsExpandAQueryAsync(await site.GetAsync(postgres));

    [Fact]
    public async Task A_rolled_back_change_queues_nothing_on_postgres() =>
        await SearchIndexingScenarios.ARolledBackChangeQueuesNothingAsync(await site.GetAsync(postgres));

    [Fact]
    public async Task A_content_event_queues_the_source_that_claims_the_type_on_postgres() =>
        await SearchIndexingScenarios.AContentEventQueuesTheSourceThatClaimsTheTypeAsync(await site.GetAsync(postgres));

    [Fact]
    public async Task Rebuilding_twice_gives_the_same_index_on_postgres() =>
        await SearchIndexingScenarios.RebuildingTwiceGivesTheSameIndexAsync(await site.GetAsync(postgres));
}
