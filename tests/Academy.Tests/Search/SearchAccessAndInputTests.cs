using Academy.Search.Abstractions;
using Academy.Search.Services;

namespace Academy.Tests.Search;

/// <summary>
/// Access is a filter inside the query: no hit, total, kind count, facet count, suggestion or spelling reveals a
/// document to a viewer who may not read it. And whatever is typed, the query never fails and never expands a wildcard.
/// </summary>
public sealed class SearchAccessAndInputTests(SearchEngineHarness engine) : IClassFixture<SearchEngineHarness>
{
    [Fact]
    public async Task A_visitor_finds_only_public_documents_and_counts_only_those()
    {
        var results = await engine.SearchAsync("loonkostensubsidie");

        Assert.Equal(["offerings:1"], results.Hits.Select(h => h.Id));
        Assert.Equal(1, results.Total);
        Assert.False(results.KindCounts.ContainsKey(SearchKinds.Discussion));
        Assert.DoesNotContain(results.Facets.Values.SelectMany(v => v), f => f.Value == "Geheimesoort");
    }

    [Fact]
    public async Task A_logged_in_person_also_finds_logged_in_documents_but_not_a_groups()
    {
        var results = await engine.SearchAsync("loonkostensubsidie", SearchEngineHarness.LoggedIn);

        Assert.Equal(["community:11", "offerings:1"], results.Hits.Select(h => h.Id).Order());
        Assert.Equal(1, results.KindCounts[SearchKinds.Discussion]);
        Assert.DoesNotContain(results.Facets.Values.SelectMany(v => v), f => f.Value == "Geheimesoort");
    }

    [Fact]
    public async Task A_member_of_the_group_finds_its_documents_with_their_counts_and_facets()
    {
        var results = await engine.SearchAsync("loonkostensubsidie", SearchEngineHarness.Member);

        Assert.Contains("community:10", results.Hits.Select(h => h.Id));
        Assert.Equal(3, results.Total);
        Assert.Equal(2, results.KindCounts[SearchKinds.Discussion]);
        Assert.Contains(results.Facets["soort"], f => f.Value == "Geheimesoort" && f.Count == 1);
    }

    [Fact]
    public async Task A_chosen_facet_value_of_a_hidden_document_finds_nothing_for_a_visitor()
    {
        var results = await engine.SearchAsync("loonkostensubsidie", facets: new() { ["soort"] = ["Geheimesoort"] });

        Assert.Equal(0, results.Total);
        Assert.Empty(results.Hits);
    }

    [Fact]
    public async Task Suggestions_and_spelling_never_come_from_hidden_documents()
    {
        var visitorSuggestions = await engine.Service.SuggestAsync("gehei", SearchViewer.Visitor, 10, CancellationToken.None);
        var memberSuggestions = await engine.Service.SuggestAsync("gehei", SearchEngineHarness.Member, 10, CancellationToken.None);
        var visitorSpelling = await engine.SearchAsync("zeldzaamwoordd");
        var memberSpelling = await engine.SearchAsync("zeldzaamwoordd", SearchEngineHarness.Member);

        Assert.Empty(visitorSuggestions);
        Assert.Equal("Geheime casus over loonkostensubsidie", Assert.Single(memberSuggestions).Title);
        Assert.Null(visitorSpelling.DidYouMean);
        Assert.Empty(visitorSpelling.Hits);
        Assert.Equal("zeldzaamwoord", memberSpelling.DidYouMean);
    }

    [Fact]
    public async Task The_leeragenda_filter_respects_access_too()
    {
        var visitor = await engine.Service.MatchLocalIdsAsync("community", "zeldzaamwoord", SearchViewer.Visitor, 10, CancellationToken.None);
        var member = await engine.Service.MatchLocalIdsAsync("community", "zeldzaamwoord", SearchEngineHarness.Member, 10, CancellationToken.None);

        Assert.Empty(visitor);
        Assert.Equal(["10"], member);
    }

    public static TheoryData<string> LuceneSyntax() => new()
    {
        "title:loonkostensubsidie",
        "access:key*",
        "*",
        "*subsidie",
        "loon*",
        "?",
        "~",
        "loonkostensubsidie~0.1",
        "\"loonkostensubsidie",
        "\"\"\"",
        "((loon",
        "loon)) AND OR NOT",
        "[a TO z]",
        "{* TO *}",
        "\\",
        "/reg.*ex/",
        "&& || ! ^2",
        "<script>alert(1)</script>",
        "",
        "   ",
        new string('a', 5000),
        string.Concat(Enumerable.Repeat("loonkostensubsidie ", 300)),
        string.Concat(Enumerable.Repeat("a* ", 2000)),
    };

    [Theory]
    [MemberData(nameof(LuceneSyntax))]
    public async Task Lucene_syntax_is_plain_text_and_never_fails(string text)
    {
        var results = await engine.SearchAsync(text);
        var suggestions = await engine.Service.SuggestAsync(text, SearchViewer.Visitor, 5, CancellationToken.None);
        var ids = await engine.Service.MatchLocalIdsAsync("offerings", text, SearchViewer.Visitor, 50, CancellationToken.None);

        // Never a hidden document, whatever the syntax tried; a wildcard is just punctuation, so it finds nothing by itself.
        Assert.DoesNotContain(results.Hits, h => h.Id.StartsWith("community:", StringComparison.Ordinal));
        Assert.True(results.Total <= 1);
        Assert.True(suggestions.Count <= 1);
        Assert.True(ids.Count <= 1);
    }

    [Fact]
    public async Task A_field_name_in_the_text_is_searched_as_a_word()
    {
        var results = await engine.SearchAsync("title:loonkostensubsidie");

        // "title" is not in the document, and every word must match: the field syntax did not turn into a field query.
        Assert.Equal(0, results.Total);
        Assert.Equal(1, (await engine.SearchAsync("loonkostensubsidie:")).Total);
    }

    [Fact]
    public async Task A_wildcard_alone_finds_nothing()
    {
        Assert.Equal(0, (await engine.SearchAsync("*")).Total);
        Assert.Equal(0, (await engine.SearchAsync("*", SearchEngineHarness.Member)).Total);
    }

    [Fact]
    public void Long_text_is_cut_to_a_bounded_number_of_words()
    {
        var builder = new SearchQueryBuilder(engine.Index.Analyzer, SynonymTable.Empty);

        Assert.Equal(SearchQueryBuilder.MaxWords, builder.Words(string.Concat(Enumerable.Repeat("woord ", 1000))).Count);
        Assert.Empty(builder.Words(new string(' ', 5000)));
    }
}
