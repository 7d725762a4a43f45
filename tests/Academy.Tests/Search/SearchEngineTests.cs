using Academy.Search.Abstractions;
using Academy.Search.Services;

namespace Academy.Tests.Search;

/// <summary>The engine on a small Dutch corpus: analysis (stemming, accents, synonyms, compounds, typos), ranking basics,
/// snippets, facets, kinds and paging.</summary>
public sealed class SearchEngineTests(SearchEngineHarness engine) : IClassFixture<SearchEngineHarness>
{
    [Theory]
    [InlineData("trainingen", "offerings:2")] // Dutch stemming: plural finds singular
    [InlineData("gesprek", "offerings:2")] // … and the other way round (gesprekken)
    [InlineData("casuistiek", "offerings:3")] // accent folding: casuistiek = casuïstiek
    [InlineData("Casuïstiek", "offerings:3")]
    [InlineData("LKS", "offerings:1")] // synonym: abbreviation finds the full word
    [InlineData("SNDW", "offerings:4")] // synonym of a phrase
    [InlineData("IGM", "pages:20")]
    [InlineData("wsp", "kb:30")]
    [InlineData("integratief gedragsmodel", "pages:20")]
    [InlineData("subsidie", "offerings:1")] // compound part: subsidie finds loonkostensubsidie
    [InlineData("loonkostensubsdie", "offerings:1")] // typo
    [InlineData("gespreksvoring", "offerings:2")] // typo in a long word
    public async Task A_query_finds_the_document_in_the_top_three(string query, string expected)
    {
        var results = await engine.SearchAsync(query);

        Assert.Contains(expected, results.Hits.Take(3).Select(h => h.Id));
    }

    [Fact]
    public async Task The_title_weighs_more_than_the_text()
    {
        var results = await engine.SearchAsync("werkgeversservicepunt", SearchEngineHarness.LoggedIn);

        Assert.Equal("kb:30", results.Hits[0].Id); // in its title; community:11 has it in the title too but kb:30 also in the text
        Assert.Equal(2, results.Total);
    }

    [Fact]
    public async Task A_typo_uses_fuzzy_matching_and_offers_the_right_spelling()
    {
        var results = await engine.SearchAsync("loonkostensubsdie");

        Assert.True(results.UsedFuzzy);
        Assert.Equal("loonkostensubsidie", results.DidYouMean);
        Assert.Equal("offerings:1", results.Hits[0].Id);
    }

    [Fact]
    public async Task An_exact_match_needs_no_fuzzy_matching_or_spelling()
    {
        var results = await engine.SearchAsync("gespreksvoering motiverende training");

        Assert.False(results.UsedFuzzy);
        Assert.Null(results.DidYouMean);
        Assert.Equal("offerings:2", Assert.Single(results.Hits).Id);
    }

    [Fact]
    public async Task Snippets_mark_the_words_found_and_encode_the_rest()
    {
        var results = await engine.SearchAsync("rekenvoorbeelden");

        var snippet = Assert.Single(results.Hits).SnippetHtml;
        Assert.Contains("<mark>rekenvoorbeelden</mark>", snippet);
        // The markup in the text never reaches the page as markup (the engine may drop or encode it).
        Assert.Contains("echte", snippet);
        Assert.DoesNotContain("<b>", snippet);
        Assert.Contains("&amp;", snippet);
    }

    [Fact]
    public async Task Kind_counts_are_for_the_text_alone_and_the_kind_filters_the_hits()
    {
        var all = await engine.SearchAsync("werkgevers", SearchEngineHarness.LoggedIn);
        var articles = await engine.SearchAsync("werkgevers", SearchEngineHarness.LoggedIn, kind: SearchKinds.Article);

        Assert.Equal(all.KindCounts, articles.KindCounts);
        Assert.True(all.KindCounts[SearchKinds.Offering] >= 1);
        Assert.All(articles.Hits, h => Assert.Equal(SearchKinds.Article, h.Kind));
        Assert.Equal(articles.KindCounts[SearchKinds.Article], articles.Total);
    }

    [Fact]
    public async Task Facets_are_counted_from_the_index_and_a_chosen_value_keeps_its_own_facet_choosable()
    {
        var open = await engine.SearchAsync("werk", kind: SearchKinds.Offering);
        var themes = open.Facets["thema"].ToDictionary(f => f.Value, f => f.Count);
        var chosen = await engine.SearchAsync("werk", kind: SearchKinds.Offering,
            facets: new() { ["thema"] = ["Schulden"] });

        Assert.Equal(1, themes["Schulden"]);
        Assert.Equal(1, themes["Jongeren"]);
        Assert.Equal("offerings:3", Assert.Single(chosen.Hits).Id);
        Assert.Equal(1, chosen.Total);
        // The other theme stays visible with its count (values of one facet are OR-ed) …
        Assert.Contains(chosen.Facets["thema"], f => f.Value == "Jongeren" && f.Count == 1);
        // … while the other facets count only the chosen documents.
        Assert.Equal([new FacetValue("Casuïstiekbespreking", 1)], chosen.Facets["soort"]);
    }

    [Fact]
    public async Task Pages_hold_different_hits_of_the_same_total()
    {
        var first = await engine.SearchAsync("werkgevers", SearchEngineHarness.Member, page: 1, pageSize: 1);
        var second = await engine.SearchAsync("werkgevers", SearchEngineHarness.Member, page: 2, pageSize: 1);

        Assert.Equal(first.Total, second.Total);
        Assert.True(first.Total >= 2);
        Assert.NotEqual(Assert.Single(first.Hits).Id, Assert.Single(second.Hits).Id);
    }

    [Fact]
    public async Task Suggestions_complete_title_words()
    {
        var suggestions = await engine.Service.SuggestAsync("integratief gedrags", SearchViewer.Visitor, 5, CancellationToken.None);

        Assert.Equal("Het Integratief Gedragsmodel uitgelegd", Assert.Single(suggestions).Title);
        Assert.Equal("/integratief-gedragsmodel", suggestions[0].Url);
    }

    [Fact]
    public async Task The_leeragenda_filter_gets_the_local_ids_of_one_source()
    {
        var ids = await engine.Service.MatchLocalIdsAsync("offerings", "loonkostensubsidie", SearchEngineHarness.Member, 100, CancellationToken.None);

        Assert.Equal(["1"], ids);
    }

    [Fact]
    public void Edit_distance_counts_swaps_as_one_edit()
    {
        Assert.Equal(1, SearchSpelling.Distance("subsdiie", "subsidie"));
        Assert.Equal(1, SearchSpelling.Distance("loonkostensubsdie", "loonkostensubsidie"));
        Assert.Equal(2, SearchSpelling.Distance("kat", "kast" + "e"));
    }
}
