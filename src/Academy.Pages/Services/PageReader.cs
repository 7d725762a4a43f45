using Academy.Core.Content;
using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Pages.Services;

/// <summary>Finds a published page by its slug through the autoroute index.</summary>
public sealed class PageReader(AcademyDbContext db, ContentManager content, ContentDefinitionManager definitions)
{
    public const string Stereotype = "Page";

    public async Task<ContentItem?> BySlugAsync(string slug, CancellationToken cancellationToken = default)
    {
        var pageTypes = (await definitions.ListTypesByStereotypeAsync(Stereotype)).Select(t => t.Name).ToList();
        if (pageTypes.Count == 0)
        {
            return null;
        }
        var id = await db.Set<AutorouteEntry>().AsNoTracking()
            .Where(e => e.PublishedPath == slug && pageTypes.Contains(e.ContentType))
            .Select(e => e.ContentItemId)
            .FirstOrDefaultAsync(cancellationToken);
        return id is null ? null : await content.GetAsync(id, VersionOptions.Published);
    }
}
