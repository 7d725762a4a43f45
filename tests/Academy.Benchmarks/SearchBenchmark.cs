using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Academy.Core.Data;
using Academy.Core.Hosting;
using Academy.Search.Abstractions;
using Academy.Search.Models;
using Academy.Search.Services;
using Academy.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Benchmarks;

/// <summary>
/// `--search`, the in-process half (before <see cref="BenchmarkRun"/> starts the site process and loads /zoeken with
/// wrk): two site hosts on the run's database, each a node with its own index folder: (1) a rebuild from
/// <see cref="SearchDocumentGenerator"/> (offerings, topics, replies, people) — time and folder size; (2) changes queued
/// through node A until node B's index has applied them all; (3) <c>ISearchService</c> at N concurrent callers for a
/// one-word, two-word, fuzzy and faceted query — req/s, p50, p95, p99: the engine without HTTP and without its result
/// cache (the site process, loaded with wrk afterwards, keeps the cache as a real site does). Node A's index folder
/// is then the one the site process serves (<see cref="ServingNode"/>).
/// </summary>
public static class SearchBenchmark
{
    /// <summary>The node whose index (with the generated documents) the site process opens.</summary>
    public const string ServingNode = "node-a";

    /// <summary>The queries of both halves: in-process requests and the /zoeken URLs with the same meaning.</summary>
    public static IEnumerable<(string Name, SearchRequest Request, string PathAndQuery)> Queries() =>
    [
        ("one word `training`", new SearchRequest("training"), "/zoeken?q=training"),
        ("two words `training werkgevers`", new SearchRequest("training werkgevers"), "/zoeken?q=training+werkgevers"),
        ("fuzzy `loonkostensubsdie`", new SearchRequest("loonkostensubsdie"), "/zoeken?q=loonkostensubsdie"),
        ("faceted `training`, aanbod, soort=Workshop", new SearchRequest("training", SearchKinds.Offering,
            new Dictionary<string, IReadOnlyList<string>> { ["soort"] = ["Workshop"] }), "/zoeken?q=training&f-soort=Workshop"),
    ];

    /// <param name="environment">The site process's environment (database, data folder, administrator); its Academy and Logging keys configure the hosts.</param>
    public static async Task RunInProcessAsync(BenchOptions options, IReadOnlyDictionary<string, string> environment)
    {
        Console.WriteLine($"In-process search engine: {options.Documents} generated documents, {options.Changes} changes, " +
                          $"{options.Connections} concurrent callers / {options.DurationSeconds} s per query");
        var settings = environment
            .Where(e => e.Key.StartsWith("Academy__", StringComparison.Ordinal) || e.Key.StartsWith("Logging__", StringComparison.Ordinal))
            .ToDictionary(e => e.Key.Replace("__", ":", StringComparison.Ordinal), e => (string?)e.Value);
        settings["Academy:Search:PollMilliseconds"] = "200";
        settings["Academy:Search:BatchSize"] = "1000";
        // The engine's own cost: every query is searched (the site process keeps its result cache, as a real site does).
        settings["Academy:Search:ResultCacheEntries"] = "0";
        SearchDocumentGenerator.Count = options.Documents;
        // 1. Build: a new node builds its index from every source when it starts (the generated one holds all documents).
        await using var nodeA = await NodeAsync(ServingNode, settings);
        var indexA = nodeA.Services.GetRequiredService<SearchIndex>();
        await BuiltAsync(indexA);
        var size = FolderBytes(indexA.NodeFolder);
        Console.WriteLine($"Build: {indexA.DocumentCount} documents in {indexA.LastRebuildSeconds:0.0} s " +
                          $"({indexA.DocumentCount / indexA.LastRebuildSeconds:0} documents/s), index {size / 1024.0 / 1024.0:0.0} MB");
        await using var nodeB = await NodeAsync("node-b", settings);
        var indexB = nodeB.Services.GetRequiredService<SearchIndex>();
        await BuiltAsync(indexB);

        // 2. Changes through node A reaching node B (its own indexer loop, polling the shared log).
        var propagation = await ChangesAsync(nodeA, indexB, options.Changes);
        Console.WriteLine($"Changes: {options.Changes} queued through node A in {propagation.Queued.TotalSeconds:0.0} s; " +
                          $"all applied by node B {propagation.Reached.TotalSeconds:0.0} s after the first was queued");
        await CaughtUpAsync(indexA, propagation.LastTask);

        // 3. Queries on node A.
        Console.WriteLine();
        Console.WriteLine("| query (in-process ISearchService, result cache off) | req/s | p50 ms | p95 ms | p99 ms | hits |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var (name, request, _) in Queries())
        {
            var result = await MeasureAsync(nodeA.Services, request, options.Connections, TimeSpan.FromSeconds(options.DurationSeconds));
            Console.WriteLine($"| {name} | {result.PerSecond:0} | {result.P50:0.00} | {result.P95:0.00} | {result.P99:0.00} | {result.Hits} |");
        }
        Console.WriteLine();
        Console.WriteLine($"RSS of the in-process hosts: {Environment.WorkingSet / 1024 / 1024} MB; load average {BenchmarkRun.LoadAverage()}");
    }

    private static async Task BuiltAsync(SearchIndex index)
    {
        var clock = Stopwatch.StartNew();
        while (index.LastRebuildUtc is null && clock.Elapsed < TimeSpan.FromMinutes(30))
        {
            await Task.Delay(200);
        }
        if (index.LastRebuildUtc is null)
        {
            throw new BenchmarkException($"The index of {index.NodeName} was not built within 30 minutes.");
        }
    }

    /// <summary>Waits until node A has applied the last change too, so the site process finds nothing of the generator left to apply.</summary>
    private static async Task CaughtUpAsync(SearchIndex index, long lastTask)
    {
        var clock = Stopwatch.StartNew();
        while (index.Cursor < lastTask && clock.Elapsed < TimeSpan.FromMinutes(10))
        {
            await Task.Delay(50);
        }
        if (index.Cursor < lastTask)
        {
            throw new BenchmarkException($"{index.NodeName} did not apply task {lastTask} within 10 minutes (cursor {index.Cursor}).");
        }
    }

    private static async Task<WebApplication> NodeAsync(string node, Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = SiteProcess.SiteDirectory, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Academy:Search:NodeName"] = node,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddAcademy(Academy.Web.SiteModules.All());
        builder.Services.AddScoped<ISearchDocumentSource, SearchDocumentGenerator>();
        var app = builder.Build();
        app.UseAcademy();
        await app.Services.GetRequiredService<SetupService>().InitializeAsync();
        await app.StartAsync();
        return app;
    }

    private static async Task<(TimeSpan Queued, TimeSpan Reached, long LastTask)> ChangesAsync(WebApplication nodeA, SearchIndex indexB, int changes)
    {
        var clock = Stopwatch.StartNew();
        const int PerUnit = 50;
        for (var done = 0; done < changes; done += PerUnit)
        {
            await using var scope = nodeA.Services.CreateAsyncScope();
            var unit = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
            var queue = scope.ServiceProvider.GetRequiredService<ISearchIndexQueue>();
            await unit.RunAsync(() =>
            {
                for (var i = done; i < Math.Min(changes, done + PerUnit); i++)
                {
                    queue.Changed(SearchDocumentGenerator.Name, (i * 7 % SearchDocumentGenerator.Count).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
                return Task.CompletedTask;
            });
        }
        var queued = clock.Elapsed;
        long last;
        await using (var scope = nodeA.Services.CreateAsyncScope())
        {
            last = await scope.ServiceProvider.GetRequiredService<AcademyDbContext>().Set<SearchIndexTask>().MaxAsync(t => t.Id);
        }
        while (indexB.Cursor < last && clock.Elapsed < TimeSpan.FromMinutes(10))
        {
            await Task.Delay(20);
        }
        return (queued, clock.Elapsed, last);
    }

    private sealed record QueryResult(double PerSecond, double P50, double P95, double P99, int Hits);

    private static async Task<QueryResult> MeasureAsync(IServiceProvider services, SearchRequest request, int callers, TimeSpan duration)
    {
        var latencies = new ConcurrentBag<double>();
        var hits = 0;
        for (var i = 0; i < 50; i++)
        {
            hits = (await SearchOnceAsync(services, request)).Total; // warm-up
        }
        var until = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            var mine = new List<double>();
            while (until.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                await SearchOnceAsync(services, request);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            foreach (var value in mine)
            {
                latencies.Add(value);
            }
        })).ToList();
        await Task.WhenAll(workers);
        var sorted = latencies.Order().ToArray();
        double At(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        return new QueryResult(sorted.Length / until.Elapsed.TotalSeconds, At(0.50), At(0.95), At(0.99), hits);
    }

    private static async Task<SearchResults> SearchOnceAsync(IServiceProvider services, SearchRequest request)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISearchService>().SearchAsync(request, SearchViewer.Visitor, CancellationToken.None);
    }

    private static long FolderBytes(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
}

/// <summary>
/// Generated documents (offerings, topics, replies, people) made from the local id alone, so every node reads the same
/// document without storing 100,000 rows: Dutch words of the region's own recipe, a few facets, and some access rules.
/// </summary>
public sealed class SearchDocumentGenerator : ISearchDocumentSource
{
    public const string Name = "bench";
    public static int Count { get; set; } = 100_000;

    private static readonly string[] Words = LoadWords();
    private static readonly string[] Kinds = ["Training", "Workshop", "Kennissessie", "Casuïstiekbespreking", "E-learning", "Intervisie"];
    private static readonly string[] Themes = ["Werkgeversdienstverlening", "Schulden", "Jongeren", "Taal", "Gespreksvoering", "Inclusie", "Statushouders", "Gezondheid"];

    public string Source => Name;

    public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var id = 0; id < Count; id++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Make(id);
        }
        await Task.CompletedTask;
    }

    public Task<SearchDocument?> ReadAsync(string localId, CancellationToken cancellationToken) =>
        Task.FromResult<SearchDocument?>(int.TryParse(localId, out var id) && id >= 0 && id < Count ? Make(id) : null);

    private static SearchDocument Make(int id)
    {
        var random = new Random(id);
        string Sentence(int min, int max) => string.Join(' ', Enumerable.Range(0, random.Next(min, max)).Select(_ => Word(random)));
        var share = id % 10; // 1 in 10 offerings, 3 topics, 5 replies, 1 person
        var (kind, access) = share switch
        {
            0 => (SearchKinds.Offering, SearchAccess.Public),
            <= 3 => (SearchKinds.Discussion, id % 5 == 0 ? SearchAccess.Restricted("community-group:" + id % 40) : SearchAccess.LoggedIn),
            <= 8 => (SearchKinds.Discussion, id % 5 == 0 ? SearchAccess.Restricted("community-group:" + id % 40) : SearchAccess.Public),
            _ => (SearchKinds.Person, SearchAccess.LoggedIn),
        };
        var facets = kind == SearchKinds.Offering
            ? new Dictionary<string, IReadOnlyList<string>>
            {
                ["soort"] = [Kinds[random.Next(Kinds.Length)]],
                ["thema"] = [Themes[random.Next(Themes.Length)]],
                ["maand"] = [$"2026-{random.Next(1, 13):00}"],
            }
            : null;
        return new SearchDocument($"{Name}:{id}", kind, Sentence(3, 8), Sentence(30, 120), $"/bench/{id}", access,
            Summary: Sentence(8, 20), Date: new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(id), Facets: facets);
    }

    /// <summary>Skewed towards the first words of the list (as real text is), which puts "training" and friends up front.</summary>
    private static string Word(Random random) => Words[(int)(Math.Pow(random.NextDouble(), 2.5) * Words.Length)];

    private static string[] LoadWords()
    {
        string[] head = ["training", "werkgevers", "loonkostensubsidie", "werkzoekenden", "gemeente", "begeleiding", "regio", "casuïstiek"];
        var recipe = Path.Combine(SiteProcess.SiteDirectory, "recipes", "midden-gelderland.recipe.json");
        var text = File.Exists(recipe) ? File.ReadAllText(recipe) : "";
        var words = System.Text.RegularExpressions.Regex.Matches(text, @"\p{L}{4,}")
            .Select(m => m.Value.ToLowerInvariant())
            .GroupBy(w => w)
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key)
            .Take(3000);
        return [.. head, .. words.Except(head)];
    }
}
