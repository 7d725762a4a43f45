using Academy.Search.Abstractions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;

namespace Academy.Search.Controllers;

/// <summary>
/// What someone asked for at /zoeken or /api/zoeken, read from the query string and made safe: the text capped, the kind
/// one of <see cref="SearchKinds"/>, only the aanbod's facets, a few values each, the page bounded. Nothing here throws on
/// odd input; the engine never parses the text as Lucene syntax.
/// </summary>
public sealed record SearchQuery(string Text, string? Kind, IReadOnlyDictionary<string, IReadOnlyList<string>> Facets, int Page)
{
    public const string TextKey = "q";
    public const string KindKey = "soort";
    public const string PageKey = "pagina";
    /// <summary>Facet values travel as "f-{facet}" (e.g. f-thema=Schulden), so the facet "soort" does not clash with the kind.</summary>
    public const string FacetPrefix = "f-";
    public const int MaxTextLength = 200;
    public const int MaxPage = 100;
    public const int PageSize = 10;

    /// <summary>The aanbod's facets, in the order the page shows them.</summary>
    public static readonly IReadOnlyList<string> FacetNames = ["soort", "thema", "organisator", "vorm", "maand"];

    public static SearchQuery From(IQueryCollection query)
    {
        var text = Clean(query[TextKey].ToString());
        var kind = query[KindKey].ToString().Trim().ToLowerInvariant();
        var facets = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var name in FacetNames)
        {
            var values = query[FacetPrefix + name].Select(v => v?.Trim() ?? "").Where(v => v.Length is > 0 and <= 100).Distinct().Take(20).ToList();
            if (values.Count > 0)
            {
                facets[name] = values;
            }
        }
        var page = int.TryParse(query[PageKey], out var p) ? Math.Clamp(p, 1, MaxPage) : 1;
        // A facet of the aanbod only narrows the aanbod.
        var chosenKind = facets.Count > 0 ? SearchKinds.Offering : SearchKinds.All.Contains(kind) ? kind : null;
        return new SearchQuery(text, chosenKind, facets, page);
    }

    /// <summary>Trimmed, control characters as spaces, at most <see cref="MaxTextLength"/> characters.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var chars = text.Select(c => char.IsControl(c) ? ' ' : c).ToArray();
        var clean = new string(chars).Trim();
        return clean.Length > MaxTextLength ? clean[..MaxTextLength].TrimEnd() : clean;
    }

    public SearchRequest ToRequest() => new(Text, Kind, Facets, Page, PageSize);

    public bool IsChosen(string facet, string value) => Facets.TryGetValue(facet, out var values) && values.Contains(value);

    /// <summary>Route values of this search with another kind (facets dropped when it is not the aanbod) and page 1.</summary>
    public RouteValueDictionary WithKind(string? kind) =>
        Values(kind, kind == SearchKinds.Offering ? Facets : new Dictionary<string, IReadOnlyList<string>>(), 1);

    public RouteValueDictionary WithPage(int page) => Values(Kind, Facets, page);

    public RouteValueDictionary WithText(string text) => new() { [TextKey] = text };

    private RouteValueDictionary Values(string? kind, IReadOnlyDictionary<string, IReadOnlyList<string>> facets, int page)
    {
        var values = new RouteValueDictionary { [TextKey] = Text };
        if (kind is not null && !(kind == SearchKinds.Offering && facets.Count > 0))
        {
            values[KindKey] = kind;
        }
        foreach (var (name, chosen) in facets)
        {
            values[FacetPrefix + name] = chosen.ToArray();
        }
        if (page > 1)
        {
            values[PageKey] = page;
        }
        return values;
    }
}

public sealed record SearchPageModel(SearchQuery Query, SearchResults? Results)
{
    public int PageCount => Results is null || Results.Total == 0 ? 1 : Math.Min(SearchQuery.MaxPage, (Results.Total + SearchQuery.PageSize - 1) / SearchQuery.PageSize);

    /// <summary>Hits over all kinds, for the "Alles" choice.</summary>
    public int AllCount => Results?.KindCounts.Values.Sum() ?? 0;

    public static string KindLabel(string kind) => kind switch
    {
        SearchKinds.Offering => "Aanbod",
        SearchKinds.Discussion => "Discussies",
        SearchKinds.Article => "Kennisbank",
        SearchKinds.Person => "Mensen",
        SearchKinds.Page => "Pagina's",
        _ => kind,
    };

    public static string FacetLabel(string facet) => facet switch
    {
        "soort" => "Soort aanbod",
        "thema" => "Thema",
        "organisator" => "Organisator",
        "vorm" => "Vorm",
        "maand" => "Maand",
        _ => facet,
    };

    /// <summary>A facet value as people read it: a month "2027-03" as "maart 2027".</summary>
    public static string ValueLabel(string facet, string value) =>
        facet == "maand" && DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var month)
            ? month.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))
            : value;

    /// <summary>The facet's values in reading order: months by date, others by count and then name.</summary>
    public static IEnumerable<FacetValue> Ordered(string facet, IReadOnlyList<FacetValue> values) =>
        facet == "maand"
            ? values.OrderBy(v => v.Value, StringComparer.Ordinal)
            : values.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), true));
}

public sealed record SuggestionsModel(string Text, IReadOnlyList<SearchSuggestion> Suggestions);

/// <summary>/zoeken: one search over the aanbod, the community, the kennisbank, people and pages, as the viewer may see them.</summary>
[AllowAnonymous]
public sealed class SearchController(ISearchService search, ISearchViewers viewers) : Controller
{
    public const int SuggestionCount = 8;

    [HttpGet("zoeken", Name = SearchRouteNames.Search)]
    [OutputCache(PolicyName = Services.SearchOutputCache.PolicyName)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var query = SearchQuery.From(Request.Query);
        if (query.Text.Length == 0)
        {
            return View(new SearchPageModel(query, null));
        }
        var viewer = await viewers.ForAsync(User, cancellationToken);
        var results = await search.SearchAsync(query.ToRequest(), viewer, cancellationToken);
        return View(new SearchPageModel(query, results));
    }

    /// <summary>Titles while typing, as a fragment for htmx. Opened without htmx (no JavaScript), it is the search itself.</summary>
    [HttpGet("zoeken/suggesties", Name = SearchRouteNames.Suggestions)]
    public async Task<IActionResult> Suggestions(CancellationToken cancellationToken)
    {
        var text = SearchQuery.Clean(Request.Query[SearchQuery.TextKey].ToString());
        Response.Headers.Vary = "HX-Request";
        if (!string.Equals(Request.Headers["HX-Request"], "true", StringComparison.OrdinalIgnoreCase))
        {
            return RedirectToRoute(SearchRouteNames.Search, text.Length == 0 ? null : new { q = text });
        }
        if (text.Length < 2)
        {
            return PartialView("_Suggestions", new SuggestionsModel(text, []));
        }
        var viewer = await viewers.ForAsync(User, cancellationToken);
        var suggestions = await search.SuggestAsync(text, viewer, SuggestionCount, cancellationToken);
        return PartialView("_Suggestions", new SuggestionsModel(text, suggestions));
    }
}

/// <summary>The search box in the theme's header: where it submits and where it asks for suggestions (the theme names no route).</summary>
public sealed class SearchPublicMenu : Academy.Core.Navigation.IPublicMenuProvider
{
    public IEnumerable<Academy.Core.Navigation.PublicMenuItem> GetItems() =>
    [
        new("Zoeken", SearchRouteNames.Search, 0, Academy.Core.Navigation.MenuArea.SiteSearch),
        new("Suggesties", SearchRouteNames.Suggestions, 0, Academy.Core.Navigation.MenuArea.SiteSearchSuggestions),
    ];
}
