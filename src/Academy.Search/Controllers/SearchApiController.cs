using Academy.Search.Abstractions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Search.Controllers;

/// <summary>
/// /api/zoeken: the search as JSON, with the same query keys and the same access rules as /zoeken (the viewer is the
/// request's user, by cookie). Snippets are HTML with &lt;mark&gt; only, everything else in them encoded.
/// </summary>
[AllowAnonymous]
public sealed class SearchApiController(ISearchService search, ISearchViewers viewers) : Controller
{
    [HttpGet("api/zoeken", Name = SearchRouteNames.Api)]
    [Produces("application/json")]
    public async Task<IActionResult> Search(CancellationToken cancellationToken)
    {
        var query = SearchQuery.From(Request.Query);
        if (query.Text.Length == 0)
        {
            return BadRequest(new { error = "Geef een zoekterm mee in q, bijvoorbeeld /api/zoeken?q=schulden." });
        }
        var viewer = await viewers.ForAsync(User, cancellationToken);
        var results = await search.SearchAsync(query.ToRequest(), viewer, cancellationToken);
        return Ok(new
        {
            query = query.Text,
            kind = query.Kind,
            page = query.Page,
            pageSize = SearchQuery.PageSize,
            total = results.Total,
            didYouMean = results.DidYouMean,
            usedFuzzy = results.UsedFuzzy,
            kinds = results.KindCounts,
            facets = results.Facets.ToDictionary(f => f.Key, f => f.Value.Select(v => new { value = v.Value, count = v.Count })),
            hits = results.Hits.Select(h => new
            {
                id = h.Id,
                kind = h.Kind,
                title = h.Title,
                url = h.Url,
                snippetHtml = h.SnippetHtml,
                date = h.Date,
                score = h.Score,
            }),
        });
    }
}
