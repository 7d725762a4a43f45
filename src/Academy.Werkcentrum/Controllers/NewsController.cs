using System.Text;
using Academy.Core.Content;
using Academy.Core.Settings;
using Academy.Werkcentrum.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Academy.Werkcentrum.Controllers;

/// <summary>Werkcentrum news: a paged list, one page per item, and RSS 2.0 and Atom feeds with absolute links.</summary>
[AllowAnonymous]
public sealed class NewsController(WerkcentrumContent content, DocumentStore store) : Controller
{
    public const int PageSize = 10;
    public const int FeedSize = 20;

    [HttpGet("/werkcentrum/nieuws", Name = "Werkcentrum.News.Index")]
    [OutputCache(Tags = [OutputCacheTags.Content], VaryByQueryKeys = ["pagina"], Duration = 300)]
    public async Task<IActionResult> Index(string? pagina)
    {
        var all = await content.NewsAsync();
        var pageCount = Math.Max(1, (all.Count + PageSize - 1) / PageSize);
        var page = int.TryParse(pagina, out var p) && p >= 1 ? p : 1;
        if (page > pageCount)
        {
            return NotFound();
        }
        return View(new NewsListViewModel(all.Skip((page - 1) * PageSize).Take(PageSize).ToList(), page, pageCount));
    }

    [HttpGet("/werkcentrum/nieuws/{slug}", Name = "Werkcentrum.News.Detail")]
    [OutputCache(Tags = [OutputCacheTags.Content], Duration = 300)]
    public async Task<IActionResult> Detail(string slug) =>
        await content.NewsItemAsync(slug) is { } item ? View(new NewsDetailViewModel(item, content.Html(item.Item))) : NotFound();

    [HttpGet("/werkcentrum/nieuws/rss.xml", Name = "Werkcentrum.News.Rss")]
    [OutputCache(Tags = [OutputCacheTags.Content], Duration = 300)]
    public async Task<IActionResult> Rss()
    {
        var (title, entries) = await FeedAsync();
        var xml = NewsFeeds.Rss(title, Absolute("Werkcentrum.News.Index"), Absolute("Werkcentrum.News.Rss"),
            "Nieuws van het Werkcentrum", entries);
        return Content(xml, NewsFeeds.RssType + "; charset=utf-8", Encoding.UTF8);
    }

    [HttpGet("/werkcentrum/nieuws/atom.xml", Name = "Werkcentrum.News.Atom")]
    [OutputCache(Tags = [OutputCacheTags.Content], Duration = 300)]
    public async Task<IActionResult> Atom()
    {
        var (title, entries) = await FeedAsync();
        var xml = NewsFeeds.Atom(title, Absolute("Werkcentrum.News.Index"), Absolute("Werkcentrum.News.Atom"), entries);
        return Content(xml, NewsFeeds.AtomType + "; charset=utf-8", Encoding.UTF8);
    }

    private async Task<(string Title, IReadOnlyList<FeedEntry> Entries)> FeedAsync()
    {
        var settings = await store.GetSiteSettingsAsync();
        var title = $"Nieuws Werkcentrum {settings.RegionName}".Trim();
        var entries = (await content.NewsAsync()).Take(FeedSize).Select(n => new FeedEntry(n.Item.ContentItemId, n.Title,
            Absolute("Werkcentrum.News.Detail", new { slug = n.Slug }), n.Date, n.Item.ModifiedUtc, n.Summary)).ToList();
        return (title, entries);
    }

    private string Absolute(string route, object? values = null) =>
        Url.RouteUrl(route, values, Request.Scheme, Request.Host.Value)!;
}
