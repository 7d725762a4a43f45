using Academy.Core.Content;
using Academy.Core.Contracts;
using Academy.Core.Text;
using Academy.Leeragenda.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Academy.Leeragenda.Controllers;

public sealed class OfferingViewModel
{
    public required OfferingView Offering { get; init; }
    /// <summary>Sanitised HTML of the Markdown body.</summary>
    public required string BodyHtml { get; init; }
    /// <summary>schema.org JSON-LD, safe to place inside a script element.</summary>
    public required string JsonLd { get; init; }
    public required DateTime NowUtc { get; init; }
    /// <summary>Links other modules add to the page (IOfferingPageLinks).</summary>
    public IReadOnlyList<OfferingPageLink> Links { get; init; } = [];

    public string SessionIcsUrl(string sessionId) =>
        $"{Offering.Path}/bijeenkomsten/{Uri.EscapeDataString(sessionId)}.ics";
}

/// <summary>The public page of one published offering.</summary>
[AllowAnonymous]
public sealed class OfferingController(OfferingReader reader, MarkdownRenderer markdown, IEnumerable<IOfferingPageLinks> pageLinks) : Controller
{
    [HttpGet("leeragenda/{slug}")]
    [OutputCache(Tags = [OutputCacheTags.Content], VaryByQueryKeys = ["*"], Duration = 300)]
    public async Task<IActionResult> Detail(string slug, CancellationToken cancellationToken)
    {
        var offering = await reader.BySlugAsync(slug, cancellationToken);
        if (offering is null)
        {
            return NotFound();
        }
        var links = new List<OfferingPageLink>();
        foreach (var provider in pageLinks)
        {
            links.AddRange(await provider.GetAsync(offering.ContentItemId, cancellationToken));
        }
        return View(new OfferingViewModel
        {
            Links = links,
            Offering = offering,
            BodyHtml = RichText.WithUtrechtClasses(markdown.ToHtml(offering.Markdown)),
            JsonLd = LeeragendaFeeds.JsonLd(offering, FeedController.BaseUrl(Request)),
            NowUtc = reader.UtcNow,
        });
    }
}
