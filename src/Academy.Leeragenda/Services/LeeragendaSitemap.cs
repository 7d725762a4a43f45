using Academy.Core.Data;
using Academy.Core.Navigation;
using Academy.Leeragenda.Indexes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Academy.Leeragenda.Services;

/// <summary>The leeragenda and every published offering (the catalogue index holds published offerings only).</summary>
public sealed class LeeragendaSitemap(AcademyDbContext db, LinkGenerator links) : ISitemapSource
{
    public async Task<IReadOnlyList<SitemapEntry>> GetEntriesAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var offerings = await db.Set<OfferingIndex>().AsNoTracking()
            .Select(o => new { o.Slug, o.PublishedUtc })
            .ToListAsync(cancellationToken);
        var entries = new List<SitemapEntry>();
        if (links.GetPathByName(context, "Leeragenda.Catalogue.Index") is { } catalogue)
        {
            entries.Add(new(catalogue, offerings.Count == 0 ? null : offerings.Max(o => UtcDates.AsUtc(o.PublishedUtc))));
        }
        foreach (var offering in offerings)
        {
            if (links.GetPathByName(context, "Leeragenda.Offering.Detail", new { slug = offering.Slug }) is { } path)
            {
                entries.Add(new SitemapEntry(path, UtcDates.AsUtc(offering.PublishedUtc)));
            }
        }
        return entries;
    }
}
