using Academy.Search.Abstractions;
using Academy.Search.Controllers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Academy.Tests.Search;

/// <summary>How /zoeken and /api/zoeken read their query string: whatever comes in, a bounded, safe request goes out.</summary>
public sealed class SearchQueryTests
{
    private static SearchQuery Parse(params (string Key, string Value)[] values) =>
        SearchQuery.From(new QueryCollection(values.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => new StringValues(g.Select(v => v.Value).ToArray()))));

    [Fact]
    public void Text_is_trimmed_capped_and_freed_of_control_characters()
    {
        Assert.Equal("schulden", Parse(("q", "  schulden \t")).Text);
        Assert.Equal("a b", Parse(("q", "a\u0000b")).Text);
        Assert.Equal(SearchQuery.MaxTextLength, Parse(("q", new string('x', 5_000))).Text.Length);
        Assert.Equal("", Parse().Text);
    }

    [Fact]
    public void Kind_must_be_a_known_kind_and_a_facet_narrows_to_the_aanbod()
    {
        Assert.Equal(SearchKinds.Person, Parse(("q", "x"), ("soort", "MENSEN")).Kind);
        Assert.Null(Parse(("q", "x"), ("soort", "geheim")).Kind);

        var faceted = Parse(("q", "x"), ("soort", "mensen"), ("f-thema", "Schulden"), ("f-thema", "Jongeren"), ("f-onbekend", "y"));
        Assert.Equal(SearchKinds.Offering, faceted.Kind);
        Assert.Equal(new[] { "Schulden", "Jongeren" }, faceted.Facets["thema"]);
        Assert.False(faceted.Facets.ContainsKey("onbekend"));
    }

    [Fact]
    public void Facet_values_are_bounded_in_length_and_number()
    {
        var many = Enumerable.Range(0, 50).Select(i => ("f-maand", $"2027-{i:00}")).Append(("f-maand", new string('x', 500))).ToArray();
        var query = Parse([("q", "x"), .. many]);
        Assert.Equal(20, query.Facets["maand"].Count);
        Assert.DoesNotContain(query.Facets["maand"], v => v.Length > 100);
    }

    [Theory]
    [InlineData("-5", 1)]
    [InlineData("0", 1)]
    [InlineData("3", 3)]
    [InlineData("99999999999", 1)]
    [InlineData("1000", SearchQuery.MaxPage)]
    [InlineData("twee", 1)]
    public void Page_is_bounded(string raw, int expected) => Assert.Equal(expected, Parse(("q", "x"), ("pagina", raw)).Page);

    [Fact]
    public void Links_keep_the_search_and_drop_facets_outside_the_aanbod()
    {
        var query = Parse(("q", "lks"), ("f-vorm", "Online"));
        var other = query.WithKind(SearchKinds.Discussion);
        Assert.Equal("lks", other["q"]);
        Assert.Equal(SearchKinds.Discussion, other["soort"]);
        Assert.False(other.ContainsKey("f-vorm"));

        var next = query.WithPage(2);
        Assert.Equal(new[] { "Online" }, next["f-vorm"]);
        Assert.Equal(2, next["pagina"]);
    }

    [Fact]
    public void Months_read_as_dutch_month_names_in_date_order()
    {
        Assert.Equal("maart 2027", SearchPageModel.ValueLabel("maand", "2027-03"));
        Assert.Equal("Online", SearchPageModel.ValueLabel("vorm", "Online"));
        var ordered = SearchPageModel.Ordered("maand", [new FacetValue("2027-04", 9), new FacetValue("2027-02", 1)]).Select(v => v.Value);
        Assert.Equal(new[] { "2027-02", "2027-04" }, ordered);
    }
}
