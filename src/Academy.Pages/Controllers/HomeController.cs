using Academy.Leeragenda.Abstractions;
using Academy.Core.Content;
using Academy.Core.Contracts;
using Academy.Core.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Academy.Pages.Controllers;

public sealed class HomeViewModel
{
    public required SiteSettings Site { get; init; }
    public required IReadOnlyList<UpcomingOffering> Upcoming { get; init; }
}

/// <summary>The start page: who we are, a search box for the leeragenda and the next offerings.</summary>
[AllowAnonymous]
public sealed class HomeController(DocumentStore documents, IEnumerable<IUpcomingOfferings> upcoming) : Controller
{
    public const int UpcomingCount = 6;

    [HttpGet("/", Name = "Pages.Home")]
    [OutputCache(Tags = [OutputCacheTags.Content], VaryByQueryKeys = ["*"], Duration = 300)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var offerings = upcoming.FirstOrDefault() is { } source
            ? await source.NextAsync(UpcomingCount, cancellationToken)
            : [];
        return View(new HomeViewModel { Site = await documents.GetSiteSettingsAsync(), Upcoming = offerings });
    }
}
