using Academy.Core.Data;
using Academy.Search.Abstractions;
using Academy.Search.Services;
using Academy.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Search.SearchSiteKit;

namespace Academy.Tests.Search;

/// <summary>The task log and the indexer on a whole site, written once and run on SQLite and on PostgreSQL.</summary>
public static class SearchIndexingScenarios
{
    public static async Task AQueuedChangeIsSearchableUpdatedAndRemovedAsync(AcademyFactory site)
    {
        var id = Academy.Tests.Community.CommunityKit.Letters(8);
        await PutAsync(site.Services, id, "Werkgeversontbijt " + id, "We spreken over plaatsingen" + id + " en banen.");
        await site.DrainBackgroundAsync();
        var found = await SearchAsync(site.Services, "plaatsingen" + id);

        await PutAsync(site.Services, id, "Werkgeversontbijt " + id, "Nu over jobcoaching" + id + ".");
        await site.DrainBackgroundAsync();
        var old = await SearchAsync(site.Services, "plaatsingen" + id);
        var changed = await SearchAsync(site.Services, "jobcoaching" + id);

        await RemoveAsync(site.Services, id);
        await site.DrainBackgroundAsync();
        var removed = await SearchAsync(site.Services, "jobcoaching" + id);

        Assert.Equal($"{TestDocumentSource.Name}:{id}", Assert.Single(found.Hits).Id);
        Assert.Equal(0, old.Total);
        Assert.Equal(1, changed.Total);
        Assert.Equal(0, removed.Total);
    }

    public static async Task TheRecipesSynonymsExpandAQueryAsync(AcademyFactory site)
    {
        var id = Academy.Tests.Community.CommunityKit.Letters(8);
        await PutAsync(site.Services, id, "Subsidieregeling " + id, "Uitleg over loonkostensubsidie bij een proefplaatsing" + id + ".");
        await site.DrainBackgroundAsync();

        var results = await SearchAsync(site.Services, "LKS proefplaatsing" + id);

        Assert.Equal($"{TestDocumentSource.Name}:{id}", Assert.Single(results.Hits).Id);
        Assert.Contains("<mark>loonkostensubsidie</mark>", results.Hits[0].SnippetHtml);
    }

    public static async Task ARolledBackChangeQueuesNothingAsync(AcademyFactory site)
    {
        var before = await TaskCountAsync(site.Services);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var provider = scope.ServiceProvider;
            await provider.GetRequiredService<UnitOfWork>().RunAsync(() =>
            {
                provider.GetRequiredService<ISearchIndexQueue>().Changed(TestDocumentSource.Name, "never");
                return Task.FromResult(WorkOutcome<bool>.Discard(false));
            }, onConflict: null);
        }
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var provider = scope.ServiceProvider;
            await provider.GetRequiredService<UnitOfWork>().RunAsync(() =>
            {
                var queue = provider.GetRequiredService<ISearchIndexQueue>();
                queue.Changed(TestDocumentSource.Name, "twice");
                queue.Changed(TestDocumentSource.Name, "twice");
                return Task.CompletedTask;
            });
        }

        Assert.Equal(before + 1, await TaskCountAsync(site.Services));
    }

    public static async Task AContentEventQueuesTheSourceThatClaimsTheTypeAsync(AcademyFactory site)
    {
        var id = "item" + Academy.Tests.Community.CommunityKit.Letters(8);
        await PutAsync(site.Services, id, "Inhoud " + id, "Gepubliceerd via een inhoudsgebeurtenis" + id, queue: false);
        await site.DrainBackgroundAsync();
        var before = await SearchAsync(site.Services, "inhoudsgebeurtenis" + id);

        await PublishContentEventAsync(site.Services, id);
        await site.DrainBackgroundAsync();
        var after = await SearchAsync(site.Services, "inhoudsgebeurtenis" + id);

        Assert.Equal(0, before.Total);
        Assert.Equal($"{TestDocumentSource.Name}:{id}", Assert.Single(after.Hits).Id);
    }

    public static async Task RebuildingTwiceGivesTheSameIndexAsync(AcademyFactory site)
    {
        var id = Academy.Tests.Community.CommunityKit.Letters(8);
        await PutAsync(site.Services, id + "a", "Herbouw " + id, "Eerste document over re-integratie" + id);
        await PutAsync(site.Services, id + "b", "Herbouw twee " + id, "Tweede document, alleen voor leden", access: "loggedin");
        await site.DrainBackgroundAsync();
        var indexer = site.Services.GetRequiredService<SearchIndexer>();
        var index = site.Services.GetRequiredService<SearchIndex>();
        var progress = new List<RebuildProgress>();

        Assert.True(await indexer.RebuildAsync(new Progress(progress), CancellationToken.None));
        var first = Snapshot(index);
        Assert.True(await indexer.RebuildAsync(null, CancellationToken.None));
        var second = Snapshot(index);

        Assert.Contains($"{TestDocumentSource.Name}:{id}a", first.Ids);
        Assert.Contains($"{TestDocumentSource.Name}:{id}b", first.Ids);
        Assert.Equal(first.Ids, second.Ids);
        Assert.Equal(first.Terms, second.Terms);
        Assert.Equal(first.Documents, second.Documents);
        Assert.NotEmpty(progress);
        Assert.Equal(progress[^1].Done, first.Ids.Count);
        Assert.NotNull(index.LastRebuildUtc);
        // The loggedin document is there, and still only for logged-in people.
        Assert.Equal(0, (await SearchAsync(site.Services, "herbouw twee " + id)).Total);
        Assert.Equal(1, (await SearchAsync(site.Services, "herbouw twee " + id, new SearchViewer(true, []))).Total);
    }

    private sealed class Progress(List<RebuildProgress> seen) : IProgress<RebuildProgress>
    {
        public void Report(RebuildProgress value)
        {
            lock (seen)
            {
                seen.Add(value);
            }
        }
    }
}
