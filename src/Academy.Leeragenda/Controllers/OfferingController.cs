using Academy.Leeragenda.Abstractions;
using Academy.Enrolment.Abstractions;
using Academy.Core.Content;
using Academy.Core.Content.Display;
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
    /// <summary>Per edition id, what the visitor can do (from the enrolment module); empty when it is not installed.</summary>
    public IReadOnlyDictionary<string, EditionAction> Actions { get; init; } = new Dictionary<string, EditionAction>();
    /// <summary>What the enrol POST did, shown once after its redirect.</summary>
    public string? EnrolmentStatus { get; init; }
    public string? EnrolmentError { get; init; }
    /// <summary>Links other modules add to the page (IOfferingPageLinks).</summary>
    public IReadOnlyList<OfferingPageLink> Links { get; init; } = [];
    /// <summary>What the item's other parts show among its facts (their modules' partials).</summary>
    public IReadOnlyList<PartDisplay> PartDisplays { get; init; } = [];
}

/// <summary>The public page of one published offering.</summary>
[AllowAnonymous]
public sealed class OfferingController(OfferingReader reader, MarkdownRenderer markdown, IEnumerable<IEditionActions> editionActions, IEnumerable<IOfferingPageLinks> pageLinks,
    ContentDefinitionManager definitions, ContentPartEditors parts) : Controller
{
    [HttpGet("leeragenda/{slug}", Name = LeeragendaRouteNames.OfferingDetail)]
    [OutputCache(Tags = [OutputCacheTags.Content, OutputCacheTags.Seats], VaryByQueryKeys = ["*"], Duration = 300)]
    public async Task<IActionResult> Detail(string slug, CancellationToken cancellationToken)
    {
        var offering = await reader.BySlugAsync(slug, cancellationToken);
        if (offering is null)
        {
            return NotFound();
        }
        // Signed-in pages are not output cached (the default policy), so per-user actions and notices are safe here.
        var actions = editionActions.LastOrDefault() is { } provider && offering.Editions.Count > 0
            ? await provider.GetAsync(User, offering.ContentItemId, offering.Editions.Select(e => e.EditionId).ToList(), cancellationToken)
            : new Dictionary<string, EditionAction>();
        // Only signed-in users enrol; touching TempData for others would send a cookie and spoil the output cache.
        var signedIn = User.Identity?.IsAuthenticated == true;
        var links = new List<OfferingPageLink>();
        foreach (var linkProvider in pageLinks)
        {
            links.AddRange(await linkProvider.GetAsync(offering.ContentItemId, cancellationToken));
        }
        return View(new OfferingViewModel
        {
            Actions = actions,
            EnrolmentStatus = signedIn ? TempData[EnrolmentNotice.Status] as string : null,
            EnrolmentError = signedIn ? TempData[EnrolmentNotice.Error] as string : null,
            Links = links,
            PartDisplays = await definitions.GetTypeAsync(offering.ContentType) is { } type
                ? await parts.DisplayAsync(offering.Item, type, "Detail")
                : [],
            Offering = offering,
            BodyHtml = RichText.WithUtrechtClasses(markdown.ToHtml(offering.Markdown)),
            JsonLd = LeeragendaFeeds.JsonLd(offering, FeedController.BaseUrl(Request)),
            NowUtc = reader.UtcNow,
        });
    }
}
