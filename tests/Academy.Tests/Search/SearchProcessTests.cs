using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.E2E.Infrastructure;
using Academy.Testing;
using Npgsql;
using static Academy.Tests.Search.SearchSiteKit;

namespace Academy.Tests.Search;

/// <summary>
/// Two real site processes (<c>dotnet Academy.Web.dll</c>, as in production) on one PostgreSQL database, each a search
/// node with its own index folder: a change made through A (a recipe run by A's CLI) is found by B's /api/zoeken within
/// seconds; B stopped during 500 changes catches up from its cursor after a restart; `search rebuild` run twice gives
/// the same index. One pair of processes for all three, so the test stays short.
/// </summary>
public sealed class SearchProcessTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const int Changes = 500;
    private static readonly TimeSpan Seconds = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan CatchUp = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_second_process_finds_a_change_within_seconds_catches_up_after_500_changes_and_rebuilds_the_same_index()
    {
        var database = await postgres.CreateDatabaseAsync("searchprocesses");
        await using (var setup = new AcademyFactory(database))
        {
            _ = setup.Services; // the setup recipe (from the run's snapshot); the processes find the database set up
        }
        var folders = Path.Combine(Path.GetTempPath(), "academy-search-processes", Guid.NewGuid().ToString("n"));
        SiteServer? a = null;
        SiteServer? b = null;
        try
        {
            var started = await Task.WhenAll(SiteServer.StartAsync(Node("node-a", database, folders)), SiteServer.StartAsync(Node("node-b", database, folders)));
            (a, b) = (started[0], started[1]);
            // Each builds its own index from every source when it first starts.
            await WaitForTotalAsync(a, "werkcentrum", n => n > 0, CatchUp, "node A's first build");
            await WaitForTotalAsync(b, "werkcentrum", n => n > 0, CatchUp, "node B's first build");

            // 1. A change through A is found by B within seconds.
            await RunPagesRecipeAsync(a, "search-one", [("zoekproces-een", "Knooppuntpagina", "Een knooppuntwoord voor de tweede server.")]);
            var clock = Stopwatch.StartNew();
            await WaitForTotalAsync(b, "knooppuntwoord", n => n == 1, Seconds, "node B after a change through A");
            Assert.True(clock.Elapsed < Seconds, $"node B found the change after {clock.Elapsed.TotalSeconds:0.0} s");

            // 2. B stops; 500 changes come through A; B restarts and catches up from its cursor (no rebuild).
            var before = await NodeRowAsync(database, "node-b");
            b.Dispose();
            b = null;
            var bulk = Enumerable.Range(1, Changes).Select(i => ($"zoekproces-bulk-{i:000}", $"Bulkpagina {i}", $"Een bulkwoord op pagina {i} van de inhaaltest.")).ToList();
            await RunPagesRecipeAsync(a, "search-bulk", bulk);
            await WaitForTotalAsync(a, "bulkwoord", n => n == Changes, CatchUp, "node A after the 500 changes");
            var lastTask = await LastTaskIdAsync(database);
            b = await SiteServer.StartAsync(Node("node-b", database, folders));
            await WaitForTotalAsync(b, "bulkwoord", n => n == Changes, CatchUp, "node B after its restart");
            var after = await WaitForNodeAsync(database, "node-b", n => n.Cursor >= lastTask, Seconds);
            Assert.True(after.Cursor >= lastTask, $"node B's cursor {after.Cursor} stayed below the last task {lastTask}");
            Assert.Equal(before.LastRebuildUtc, after.LastRebuildUtc); // caught up from its cursor, not rebuilt
            Assert.Equal(1, await TotalAsync(b, "knooppuntwoord"));

            // 3. `search rebuild` twice on node B (its site running) gives the same index.
            var nodeFolder = Path.Combine(folders, "node-b", "node-b");
            var first = await RebuildAsync(b, nodeFolder);
            var second = await RebuildAsync(b, nodeFolder);
            Assert.Equal(first.Ids.Count, second.Ids.Count);
            Assert.Equal(first.Ids, second.Ids);
            Assert.Equal(first.Documents, second.Documents);
            Assert.Equal(first.Terms, second.Terms);
            Assert.Equal(Changes, first.Ids.Count(id => id.Contains("zoekproces-bulk-", StringComparison.Ordinal)));
            await WaitForTotalAsync(b, "bulkwoord", n => n == Changes, Seconds, "node B's site on the rebuilt index");
        }
        finally
        {
            b?.Dispose();
            a?.Dispose();
            NpgsqlConnection.ClearAllPools();
            try
            {
                Directory.Delete(folders, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>The environment of one node: the shared database, its own name and index folder, a short poll.</summary>
    private static Dictionary<string, string?> Node(string name, string database, string folders) => new()
    {
        ["Academy__Database__Provider"] = "Postgres",
        ["Academy__Database__ConnectionString"] = database,
        ["Academy__Search__NodeName"] = name,
        ["Academy__Search__IndexPath"] = Path.Combine(folders, name),
        ["Academy__Search__PollMilliseconds"] = "200",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    /// <summary>Runs a recipe of published pages (the Pages module's search source claims the type) with the site's CLI.</summary>
    private static async Task RunPagesRecipeAsync(SiteServer site, string name, IEnumerable<(string Id, string Title, string Body)> pages)
    {
        var file = Path.Combine(site.AppDataPath, name + ".recipe.json");
        await File.WriteAllTextAsync(file, PagesRecipe(name, pages));
        var (exitCode, output) = await site.RunCommandAsync(["recipe", "run", file], TimeSpan.FromMinutes(4));
        Assert.True(exitCode == 0, $"recipe run {name} exited with {exitCode}:\n{output}");
    }

    private static string PagesRecipe(string name, IEnumerable<(string Id, string Title, string Body)> pages) =>
        new JsonObject
        {
            ["name"] = name,
            ["displayName"] = "Zoektest " + name,
            ["description"] = "Pagina's voor de zoektest met twee processen.",
            ["issetuprecipe"] = false,
            ["steps"] = new JsonArray(new JsonObject
            {
                ["name"] = "Content",
                ["Data"] = new JsonArray(pages.Select(p => (JsonNode)new JsonObject
                {
                    ["ContentItemId"] = p.Id,
                    ["ContentType"] = "Page",
                    ["Published"] = true,
                    ["TitlePart"] = new JsonObject { ["Title"] = p.Title },
                    ["AutoroutePart"] = new JsonObject { ["Path"] = p.Id },
                    ["MarkdownBodyPart"] = new JsonObject { ["Markdown"] = p.Body },
                }).ToArray()),
            }),
        }.ToJsonString();

    private static async Task<IndexSnapshot> RebuildAsync(SiteServer site, string nodeFolder)
    {
        var (exitCode, output) = await site.RunCommandAsync(["search", "rebuild"], TimeSpan.FromMinutes(3));
        Assert.True(exitCode == 0, $"search rebuild exited with {exitCode}:\n{output}");
        Assert.Contains("Klaar:", output);
        return Snapshot(nodeFolder);
    }

    private static async Task<int> TotalAsync(SiteServer site, string word)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var json = await http.GetFromJsonAsync<JsonElement>($"{site.BaseUrl}/api/zoeken?q={Uri.EscapeDataString(word)}");
        return json.GetProperty("total").GetInt32();
    }

    /// <summary>Asks /api/zoeken until the total satisfies <paramref name="done"/>; fails with what was seen and the site's log.</summary>
    private static async Task WaitForTotalAsync(SiteServer site, string word, Func<int, bool> done, TimeSpan limit, string what)
    {
        var clock = Stopwatch.StartNew();
        var total = -1;
        while (clock.Elapsed < limit)
        {
            total = await TotalAsync(site, word);
            if (done(total))
            {
                return;
            }
            await Task.Delay(200);
        }
        Assert.Fail($"{what}: /api/zoeken?q={word} still answered total {total} after {limit.TotalSeconds:0} s.\n--- site log ---\n{Tail(site.Log)}");
    }

    private static string Tail(string log) => log.Length <= 4000 ? log : log[^4000..];

    private sealed record NodeRow(long Cursor, DateTime? LastRebuildUtc);

    private static async Task<NodeRow> NodeRowAsync(string database, string node)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "Cursor", "LastRebuildUtc" FROM "SearchNodes" WHERE "Node" = @node""", connection);
        command.Parameters.AddWithValue("node", node);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"{node} has no row in SearchNodes");
        return new NodeRow(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetDateTime(1));
    }

    private static async Task<NodeRow> WaitForNodeAsync(string database, string node, Func<NodeRow, bool> done, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var row = await NodeRowAsync(database, node);
            if (done(row) || clock.Elapsed > limit)
            {
                return row;
            }
            await Task.Delay(200);
        }
    }

    private static async Task<long> LastTaskIdAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT max("Id") FROM "SearchIndexTasks" """, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
