using System.Diagnostics;
using Academy.Search.Services;
using Academy.Testing;
using Microsoft.Extensions.DependencyInjection;
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

/// <summary>The task log on PostgreSQL, and nodes catching up: a second site on the same database with its own index
/// folder, and a node stopped while changes keep coming.</summary>
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

    [Fact]
    public async Task A_second_node_sees_a_change_within_seconds_and_a_stopped_node_catches_up_after_a_restart()
    {
        var database = await postgres.CreateDatabaseAsync("searchnodes");
        var folderB = Path.Combine(Path.GetTempPath(), "academy-search-tests", Guid.NewGuid().ToString("n"));
        await using var a = Site(database, node: "node-a", background: true);
        _ = a.Server;
        var b = Site(database, node: "node-b", indexPath: folderB, background: true);
        try
        {
            _ = b.Server;
            await WaitForAsync(b.Services, "startwoord", _ => true, TimeSpan.Zero);

            // A change through node A reaches node B's own index within seconds.
            var clock = Stopwatch.StartNew();
            await PutAsync(a.Services, "seen", "Netwerkbijeenkomst", "Een knooppuntwoord voor de tweede server.");
            var seen = await WaitForAsync(b.Services, "knooppuntwoord", r => r.Total == 1, TimeSpan.FromSeconds(15));
            Assert.Equal(1, seen.Total);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");

            // Node B stops while 500 changes come through node A, and catches up from its cursor after a restart.
            const int Changes = 500;
            var builtAt = b.Services.GetRequiredService<SearchIndex>().LastRebuildUtc;
            for (var i = 0; i < Changes; i++)
            {
                if (i == 100)
                {
                    await b.DisposeAsync();
                }
                await PutAsync(a.Services, $"bulk{i:000}", $"Bulkdocument {i}", $"Een bulkwoord in document {i}.");
            }
            var restarted = Site(database, node: "node-b", indexPath: folderB, background: true);
            b = restarted;
            _ = restarted.Server;
            var caughtUp = await WaitForAsync(restarted.Services, "bulkwoord", r => r.Total == Changes, TimeSpan.FromSeconds(60));

            Assert.Equal(Changes, caughtUp.Total);
            Assert.Equal(builtAt, restarted.Services.GetRequiredService<SearchIndex>().LastRebuildUtc); // from its cursor, no rebuild
            Assert.Equal(1, (await SearchAsync(restarted.Services, "knooppuntwoord")).Total);
        }
        finally
        {
            await b.DisposeAsync();
            try
            {
                Directory.Delete(folderB, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
