using Academy.Core.Content;
using Academy.Core.Data;
using Academy.Core.Navigation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Academy.Pages.Services;

/// <summary>The Pages module's public addresses: the home page, the statement and contact pages, and every published page.</summary>
public sealed class PagesSitemap(AcademyDbContext db, ContentDefinitionManager definitions, LinkGenerator links) : ISitemapSource
{
    public async Task<IReadOnlyList<SitemapEntry>> GetEntriesAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var entries = new List<SitemapEntry>();
        foreach (var route in new[] { "Pages.Home", "Pages.Accessibility", "Pages.Contact" })
        {
            entries.Add(new SitemapEntry(links.GetPathByName(context, route) ?? throw new InvalidOperationException(route)));
        }
        var pageTypes = (await definitions.ListTypesByStereotypeAsync(PageReader.Stereotype)).Select(t => t.Name).ToList();
        var slugs = await db.Set<AutorouteEntry>().AsNoTracking()
            .Where(e => e.PublishedPath != null && pageTypes.Contains(e.ContentType))
            .Select(e => e.PublishedPath!)
            .ToListAsync(cancellationToken);
        foreach (var slug in slugs)
        {
            if (links.GetPathByName(context, "Pages.Page", new { slug }) is { } path)
            {
                entries.Add(new SitemapEntry(path));
            }
        }
        return entries;
    }
}
