using Academy.Core.Contracts;
using Academy.Core.Security;
using Academy.Search.Abstractions;
using Academy.Search.Services;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Search.Controllers;

public sealed record SearchAdminViewModel(IReadOnlyList<SearchIndexRow> Indexes, string? Notice)
{
    /// <summary>While a rebuild is asked for or runs, the page refreshes itself to show the progress.</summary>
    public bool Busy => Indexes.Any(i => i.RebuildRequested || i.RebuildProgress is not null);
}

/// <summary>/admin/zoeken: every node's index (documents, lag, last rebuild) and the rebuild button.</summary>
[RequirePermission(SearchPermissionNames.ManageSearch)]
[Route("admin/zoeken")]
public sealed class SearchAdminController(SearchStatus status) : Controller
{
    public const string IndexRoute = "Search.Admin.Index";
    public const string RebuildRoute = "Search.Admin.Rebuild";
    public const int RefreshSeconds = 3;

    [HttpGet("", Name = IndexRoute)]
    public async Task<IActionResult> Index(string? melding, CancellationToken cancellationToken)
    {
        var model = new SearchAdminViewModel(
            await status.GetAsync(cancellationToken),
            melding == "gestart" ? "Het opnieuw opbouwen is gestart. Zoeken blijft werken met de huidige index tot de nieuwe klaar is." : null);
        if (model.Busy)
        {
            // Works without JavaScript: the browser reloads the page until the rebuild is done.
            Response.Headers["Refresh"] = RefreshSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return View(model);
    }

    [HttpPost("opnieuw-opbouwen", Name = RebuildRoute)]
    public async Task<IActionResult> Rebuild(CancellationToken cancellationToken)
    {
        await status.RequestRebuildAsync(cancellationToken);
        return RedirectToRoute(IndexRoute, new { melding = "gestart" });
    }
}

/// <summary>The status page in the back-office menu.</summary>
public sealed class SearchAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        AdminMenuItem.ForRoute("Zoekindex", SearchAdminController.IndexRoute, SearchPermissionNames.ManageSearch, 90),
    ];
}
