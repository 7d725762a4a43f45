using Academy.Core.Content;
using Academy.Users.Abstractions;
using Academy.Werkcentrum.Models;
using Academy.Werkcentrum.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Academy.Werkcentrum.Controllers;

/// <summary>The Werkcentrum's public start page, the services per audience and the frequently asked questions.</summary>
[AllowAnonymous]
public sealed class WerkcentrumController(WerkcentrumContent content, IOrganisationDirectory organisations) : Controller
{
    /// <summary>How many inlooppunten the start page shows.</summary>
    public const int NearbyCount = 3;

    [HttpGet("/werkcentrum", Name = "Werkcentrum.Home.Index")]
    [OutputCache(Tags = [OutputCacheTags.Content], VaryByQueryKeys = ["*"], Duration = 60)]
    public async Task<IActionResult> Index(string? plaats)
    {
        var (places, place) = await content.PlaceChoiceAsync(plaats);
        // Without a chosen place: the ones open now first, then those open later today.
        var points = (await content.WalkInPointsAsync(place))
            .OrderBy(p => p.Status.State).Take(place is null ? NearbyCount : int.MaxValue).ToList();
        var news = (await content.NewsAsync()).Take(3).ToList();
        var intro = await content.IntroAsync();
        return View(new LandingViewModel(intro?.Title ?? "Werkcentrum", intro?.Html, places, place, points, news));
    }

    [HttpGet("/werkcentrum/{audience:" + WerkcentrumAudiences.RoutePattern + "}", Name = "Werkcentrum.Home.Audience")]
    [OutputCache(Tags = [OutputCacheTags.Content], Duration = 300)]
    public async Task<IActionResult> Audience(string audience)
    {
        var directory = (await organisations.ListAsync()).ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
        var services = (await content.ServicesAsync(audience)).Select(item =>
        {
            var part = item.As<WerkcentrumServicePart>();
            var providers = part.ProviderIds.Select(id => directory.GetValueOrDefault(id)).OfType<string>().ToList();
            return new ServiceView(item, WerkcentrumContent.Title(item), part.Summary, content.Html(item), providers);
        }).ToList();
        return View(new AudienceViewModel(audience, WerkcentrumAudiences.Name(audience), WerkcentrumAudiences.Intro(audience), services));
    }

    [HttpGet("/werkcentrum/veelgestelde-vragen", Name = "Werkcentrum.Home.Faq")]
    [OutputCache(Tags = [OutputCacheTags.Content], Duration = 300)]
    public async Task<IActionResult> Faq()
    {
        var groups = (await content.FaqAsync()).Select((g, index) => new FaqGroup(g.Key, $"groep-{index + 1}",
            g.Select(i => (WerkcentrumContent.Title(i), content.Html(i))).ToList())).ToList();
        return View(groups);
    }
}
