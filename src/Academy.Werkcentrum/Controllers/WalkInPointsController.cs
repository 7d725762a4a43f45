using Academy.Core.Content;
using Academy.Werkcentrum.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Academy.Werkcentrum.Controllers;

/// <summary>The inlooppunten: where, when open ("nu open" in Amsterdam time), and who is there.</summary>
[AllowAnonymous]
public sealed class WalkInPointsController(WerkcentrumContent content) : Controller
{
    // Short cache: "nu open" changes with the clock.
    [HttpGet("/werkcentrum/inlooppunten", Name = "Werkcentrum.WalkInPoints.Index")]
    [OutputCache(Tags = [OutputCacheTags.Content], VaryByQueryKeys = ["*"], Duration = 60)]
    public async Task<IActionResult> Index(string? plaats)
    {
        var (places, place) = await content.PlaceChoiceAsync(plaats);
        return View(new WalkInPointListViewModel(places, place, await content.WalkInPointsAsync(place)));
    }

    [HttpGet("/werkcentrum/inlooppunten/{slug}", Name = "Werkcentrum.WalkInPoints.Detail")]
    [OutputCache(Tags = [OutputCacheTags.Content], Duration = 60)]
    public async Task<IActionResult> Detail(string slug)
    {
        if (await content.WalkInPointAsync(slug) is not { } point)
        {
            return NotFound();
        }
        var today = content.Today;
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var week = Enumerable.Range(0, 7).Select(i => OpeningHours.For(point.Part, monday.AddDays(i))).ToList();
        var url = Url.RouteUrl("Werkcentrum.WalkInPoints.Detail", new { slug }, Request.Scheme, Request.Host.Value)!;
        return View(new WalkInPointDetailViewModel(point, content.Html(point.Item), week,
            OpeningHours.ExceptionsAhead(point.Part, today), PlaceJsonLd.Write(point, url, today)));
    }
}
