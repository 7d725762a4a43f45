using Academy.Leeragenda.Abstractions;
using Academy.Core.Content;
using System.Text;
using System.Text.Json;
using Academy.Leeragenda.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace Academy.Leeragenda.Controllers;

/// <summary>The leeragenda for machines: an iCalendar subscription, one .ics per session and open data as JSON.</summary>
[AllowAnonymous]
public sealed class FeedController(OfferingReader reader, IStringLocalizer<FeedController> T) : Controller
{
    [HttpGet("leeragenda.ics", Name = "Leeragenda.Feed.Calendar")]
    [OutputCache(Tags = [OutputCacheTags.Content], VaryByQueryKeys = ["*"], Duration = 300)]
    public async Task<IActionResult> Calendar(CancellationToken cancellationToken)
    {
        var offerings = await reader.UpcomingAsync(cancellationToken);
        var ics = IcsCalendar.Write(
            T["Leeragenda"],
            LeeragendaFeeds.Events(offerings, BaseUrl(Request), reader.UtcNow, T["Online"]));
        return Calendar(ics, "leeragenda.ics");
    }

    [HttpGet("leeragenda/{slug}/bijeenkomsten/{sessionId}.ics", Name = LeeragendaRouteNames.SessionCalendar)]
    [OutputCache(Tags = [OutputCacheTags.Content], VaryByQueryKeys = ["*"], Duration = 300)]
    public async Task<IActionResult> Session(string slug, string sessionId, CancellationToken cancellationToken)
    {
        if (await reader.SessionAsync(slug, sessionId, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        var ics = IcsCalendar.Write(
            found.Offering.Title,
            [LeeragendaFeeds.Event(found.Offering, found.Edition, found.Session, BaseUrl(Request), T["Online"])]);
        return Calendar(ics, $"{found.Session.SessionId}.ics");
    }

    [HttpGet("api/leeragenda", Name = "Leeragenda.Feed.Api")]
    [OutputCache(Tags = [OutputCacheTags.Content, OutputCacheTags.Seats], VaryByQueryKeys = ["*"], Duration = 300)]
    public async Task<IActionResult> Api(CancellationToken cancellationToken)
    {
        var offerings = await reader.UpcomingAsync(cancellationToken);
        var feed = LeeragendaFeeds.Api(offerings, BaseUrl(Request), reader.UtcNow);
        // Open data: any site may read it.
        Response.Headers.AccessControlAllowOrigin = "*";
        return Content(JsonSerializer.Serialize(feed, LeeragendaFeeds.Json), "application/json; charset=utf-8", Encoding.UTF8);
    }

    private FileContentResult Calendar(string ics, string fileName) =>
        File(Encoding.UTF8.GetBytes(ics), IcsCalendar.ContentType, fileName);

    /// <summary>scheme://host[/pathbase] of the current request, for absolute links in feeds.</summary>
    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
