using Academy.Core.Navigation;
using Academy.Werkcentrum.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Academy.Werkcentrum.Services;

/// <summary>The Werkcentrum's public pages: start page, audiences, inlooppunten, news and questions (published items only).</summary>
public sealed class WerkcentrumSitemap(WerkcentrumContent content, LinkGenerator links) : ISitemapSource
{
    public async Task<IReadOnlyList<SitemapEntry>> GetEntriesAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var paths = new List<string?>
        {
            links.GetPathByName(context, "Werkcentrum.Home.Index"),
            links.GetPathByName(context, "Werkcentrum.Home.Faq"),
            links.GetPathByName(context, "Werkcentrum.WalkInPoints.Index"),
            links.GetPathByName(context, "Werkcentrum.News.Index"),
        };
        paths.AddRange(WerkcentrumAudiences.All.Select(audience => links.GetPathByName(context, "Werkcentrum.Home.Audience", new { audience })));
        paths.AddRange((await content.WalkInPointsAsync()).Select(point =>
            links.GetPathByName(context, "Werkcentrum.WalkInPoints.Detail", new { slug = point.Slug })));
        var entries = paths.OfType<string>().Select(path => new SitemapEntry(path)).ToList();
        foreach (var news in await content.NewsAsync())
        {
            if (links.GetPathByName(context, "Werkcentrum.News.Detail", new { slug = news.Slug }) is { } path)
            {
                entries.Add(new SitemapEntry(path, news.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)));
            }
        }
        return entries;
    }
}
