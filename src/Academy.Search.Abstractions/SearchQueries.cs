using System.Security.Claims;

namespace Academy.Search.Abstractions;

/// <summary>Who is searching: visitors see public documents, logged-in people also the logged-in ones, and the
/// holders of access keys (<see cref="ISearchAccessKeys"/>) also the restricted documents of those keys.</summary>
public sealed record SearchViewer(bool IsLoggedIn, IReadOnlyCollection<string> AccessKeys)
{
    public static readonly SearchViewer Visitor = new(false, []);
}

/// <summary>Builds the <see cref="SearchViewer"/> of a request's user from every module's access keys.</summary>
public interface ISearchViewers
{
    Task<SearchViewer> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}

/// <param name="Text">What the person typed; never parsed as Lucene syntax.</param>
/// <param name="Kind">One of <see cref="SearchKinds"/>, or null for all kinds.</param>
/// <param name="Facets">Chosen facet values (facet name → values); values of one facet are OR-ed, facets AND-ed.</param>
/// <param name="Page">1-based.</param>
public sealed record SearchRequest(
    string Text,
    string? Kind = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Facets = null,
    int Page = 1,
    int PageSize = 10);

public sealed record SearchHit(string Id, string Kind, string Title, string Url, string SnippetHtml, DateTime? Date, float Score);

public sealed record FacetValue(string Value, int Count);

/// <param name="KindCounts">Hits per <see cref="SearchKinds"/> value for the text alone (before the kind filter).</param>
/// <param name="Facets">Facet name → values with counts, computed from the index over the visible matching documents.</param>
/// <param name="DidYouMean">A better-spelled query when the text found little, else null.</param>
/// <param name="UsedFuzzy">True when fuzzy matching was used because the exact query found little.</param>
public sealed record SearchResults(
    int Total,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, int> KindCounts,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets,
    string? DidYouMean,
    bool UsedFuzzy);

public sealed record SearchSuggestion(string Title, string Url, string Kind);

/// <summary>The search over the local index. <see cref="SearchHit.SnippetHtml"/> is encoded text with &lt;mark&gt; only.</summary>
public interface ISearchService
{
    Task<SearchResults> SearchAsync(SearchRequest request, SearchViewer viewer, CancellationToken cancellationToken);

    /// <summary>Titles that start with <paramref name="prefix"/> (word prefixes), for suggestions while typing.</summary>
    Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string prefix, SearchViewer viewer, int max, CancellationToken cancellationToken);

    /// <summary>
    /// The ids (after "{source}:") of documents of one source matching <paramref name="text"/>, best first: the
    /// leeragenda's text filter, which then applies its own other filters in SQL.
    /// </summary>
    Task<IReadOnlyList<string>> MatchLocalIdsAsync(string source, string text, SearchViewer viewer, int max, CancellationToken cancellationToken);
}

/// <summary>Route names of the Search module that other modules (the theme's header box) may link to.</summary>
public static class SearchRouteNames
{
    /// <summary>GET /zoeken?q=…</summary>
    public const string Search = "Search.Search.Index";

    /// <summary>GET /zoeken/suggesties?q=… (htmx fragment)</summary>
    public const string Suggestions = "Search.Search.Suggestions";

    /// <summary>GET /api/zoeken?q=…</summary>
    public const string Api = "Search.Api.Search";
}

/// <summary>The Search module's permission names.</summary>
public static class SearchPermissionNames
{
    /// <summary>See the index status page in /admin and start a rebuild (Beheerder).</summary>
    public const string ManageSearch = "ManageSearch";
}
