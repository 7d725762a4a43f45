using Academy.Search.Abstractions;
using Academy.Search.Services;

namespace Academy.Tests.Search;

/// <summary>
/// What the engine keeps between searches (the result cache per reader, the access bit sets and the facet arrays per
/// segment) never shows a stale or a hidden result: a change to the index is found at once, a removed document is gone,
/// and viewers with different access never share results.
/// </summary>
public sealed class SearchCacheTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "academy-search-cache-tests", Guid.NewGuid().ToString("n"));
    private readonly SearchIndex _index;
    private readonly LuceneSearchService _engine;

    public SearchCacheTests()
    {
        _index = SearchEngineHarness.Open(_folder, "cache");
        _index.Apply(SearchEngineHarness.Corpus.Select(d => (d.Id, (SearchDocument?)d)).ToList(), 1);
        _engine = SearchEngineHarness.Engine(_index);
    }

    [Fact]
    public async Task A_document_added_after_a_search_is_found_by_the_same_search()
    {
        var before = await SearchAsync("schulden", SearchViewer.Visitor);
        _index.Apply([("offerings:99", Offering(99, "Schulden en werk voor werkgevers", "Thema"))], 2);

        var after = await SearchAsync("schulden", SearchViewer.Visitor);

        Assert.DoesNotContain("offerings:99", before.Hits.Select(h => h.Id));
        Assert.Contains("offerings:99", after.Hits.Select(h => h.Id));
        Assert.Equal(before.Total + 1, after.Total);
        Assert.Equal(before.Facets["thema"].Sum(v => v.Count) + 1, after.Facets["thema"].Sum(v => v.Count));
    }

    [Fact]
    public async Task A_removed_document_is_gone_from_hits_counts_and_facets()
    {
        var before = await SearchAsync("casuistiek", SearchViewer.Visitor);
        _index.Apply([("offerings:3", null)], 2);

        var after = await SearchAsync("casuistiek", SearchViewer.Visitor);

        Assert.Contains("offerings:3", before.Hits.Select(h => h.Id));
        Assert.DoesNotContain("offerings:3", after.Hits.Select(h => h.Id));
        Assert.Equal(0, after.Total);
        Assert.False(after.KindCounts.ContainsKey(SearchKinds.Offering));
    }

    [Fact]
    public async Task A_document_made_members_only_disappears_for_a_visitor_who_found_it_before()
    {
        var before = await SearchAsync("gedragsmodel", SearchViewer.Visitor);
        var secret = SearchEngineHarness.Corpus.Single(d => d.Id == "pages:20") with { Access = SearchAccess.Restricted(SearchEngineHarness.SecretGroupKey) };
        _index.Apply([(secret.Id, secret)], 2);

        var visitor = await SearchAsync("gedragsmodel", SearchViewer.Visitor);
        var member = await SearchAsync("gedragsmodel", SearchEngineHarness.Member);

        Assert.Equal(1, before.Total);
        Assert.Equal(0, visitor.Total);
        Assert.Equal(["pages:20"], member.Hits.Select(h => h.Id));
    }

    [Fact]
    public async Task Viewers_with_different_access_never_share_a_cached_result()
    {
        // The member asks first, so a shared entry would hand the secret to the visitor and the logged-in person.
        var member = await SearchAsync("zeldzaamwoord", SearchEngineHarness.Member);
        var loggedIn = await SearchAsync("zeldzaamwoord", SearchEngineHarness.LoggedIn);
        var visitor = await SearchAsync("zeldzaamwoord", SearchViewer.Visitor);
        var memberAgain = await SearchAsync("zeldzaamwoord", SearchEngineHarness.Member);

        Assert.Equal(["community:10"], member.Hits.Select(h => h.Id));
        Assert.Equal(0, loggedIn.Total);
        Assert.Equal(0, visitor.Total);
        Assert.Empty(visitor.Facets);
        Assert.Null(visitor.DidYouMean);
        Assert.Same(member, memberAgain);
    }

    [Fact]
    public async Task Without_a_cache_the_results_are_the_same()
    {
        var uncached = SearchEngineHarness.Engine(_index, cacheEntries: 0);
        foreach (var text in new[] { "loonkostensubsidie", "training", "loonkostensubsdie", "werkgeversservicepunt" })
        {
            foreach (var viewer in new[] { SearchViewer.Visitor, SearchEngineHarness.LoggedIn, SearchEngineHarness.Member })
            {
                var cached = await SearchAsync(text, viewer);
                var again = await SearchAsync(text, viewer);
                var fresh = await uncached.SearchAsync(new SearchRequest(text), viewer, CancellationToken.None);

                Assert.Same(cached, again);
                Assert.Equal(fresh.Hits.Select(h => (h.Id, h.SnippetHtml)), cached.Hits.Select(h => (h.Id, h.SnippetHtml)));
                Assert.Equal(fresh.Total, cached.Total);
                Assert.Equal(fresh.KindCounts, cached.KindCounts);
                Assert.Equal(fresh.DidYouMean, cached.DidYouMean);
            }
        }
    }

    private Task<SearchResults> SearchAsync(string text, SearchViewer viewer) =>
        _engine.SearchAsync(new SearchRequest(text), viewer, CancellationToken.None);

    private static SearchDocument Offering(int id, string title, string thema) =>
        new($"offerings:{id}", SearchKinds.Offering, title, title, $"/leeragenda/{id}", SearchAccess.Public,
            Facets: new Dictionary<string, IReadOnlyList<string>> { ["thema"] = [thema] });

    public void Dispose()
    {
        _index.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
