using Academy.Core.Data;
using Academy.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace Academy.Core.Content;

/// <summary>
/// Index of slugs, so a slug belongs to one item only. A draft may change the slug while the published
/// version keeps its own: public routes use <see cref="PublishedPath"/>, and both are reserved.
/// </summary>
public class AutorouteEntry
{
    public string ContentItemId { get; set; } = "";
    /// <summary>The latest version's slug.</summary>
    public string Path { get; set; } = "";
    /// <summary>The published version's slug; null while nothing is published.</summary>
    public string? PublishedPath { get; set; }
    public string ContentType { get; set; } = "";
}

/// <summary>Requires a title, derives a missing slug from it, and keeps slugs unique.</summary>
public sealed class AutorouteHandler(AcademyDbContext db, ContentDefinitionManager definitions) : IContentHandler
{
    public async Task ValidateAsync(ContentItem item, ContentValidationResult result)
    {
        if (item.Has<TitlePart>() && string.IsNullOrWhiteSpace(item.As<TitlePart>().Title))
        {
            result.Fail("TitlePart.Title", "Vul een titel in.");
        }
        if (!item.Has<AutoroutePart>() && (await definitions.GetTypeAsync(item.ContentType))?.Parts.Contains(nameof(AutoroutePart)) != true)
        {
            return;
        }
        var route = item.As<AutoroutePart>();
        if (string.IsNullOrWhiteSpace(route.Path))
        {
            route.Path = Slug.From(item.As<TitlePart>().Title);
            item.Apply(route);
        }
        if (!Slug.IsValid(route.Path))
        {
            result.Fail("AutoroutePart.Path", "Het webadres mag alleen kleine letters, cijfers en koppeltekens bevatten.");
            return;
        }
        var taken = await db.Set<AutorouteEntry>().AsNoTracking()
            .AnyAsync(e => (e.Path == route.Path || e.PublishedPath == route.Path) && e.ContentItemId != item.ContentItemId);
        if (taken)
        {
            result.Fail("AutoroutePart.Path", $"Het webadres '{route.Path}' is al in gebruik.");
        }
    }

    public async Task SavedAsync(ContentItem latest)
    {
        if (!latest.Has<AutoroutePart>())
        {
            return;
        }
        var entry = await db.Set<AutorouteEntry>().FindAsync(latest.ContentItemId);
        if (entry is null)
        {
            entry = new AutorouteEntry { ContentItemId = latest.ContentItemId, ContentType = latest.ContentType };
            db.Add(entry);
        }
        entry.Path = latest.As<AutoroutePart>().Path;
    }

    public async Task PublishedAsync(ContentItem published)
    {
        if (published.Has<AutoroutePart>() && await db.Set<AutorouteEntry>().FindAsync(published.ContentItemId) is { } entry)
        {
            entry.PublishedPath = published.As<AutoroutePart>().Path;
        }
    }

    public async Task UnpublishedAsync(ContentItem item)
    {
        if (await db.Set<AutorouteEntry>().FindAsync(item.ContentItemId) is { } entry)
        {
            entry.PublishedPath = null;
        }
    }

    public async Task RemovedAsync(ContentItem item)
    {
        if (await db.Set<AutorouteEntry>().FindAsync(item.ContentItemId) is { } entry)
        {
            db.Remove(entry);
        }
    }
}

public sealed class AutorouteModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<AutorouteEntry>(e =>
    {
        e.ToTable("AutorouteEntries");
        e.HasKey(x => x.ContentItemId);
        e.Property(x => x.ContentItemId).HasMaxLength(64);
        e.Property(x => x.Path).HasMaxLength(Slug.MaxLength).IsRequired();
        e.Property(x => x.ContentType).HasMaxLength(64);
        e.Property(x => x.PublishedPath).HasMaxLength(Slug.MaxLength);
        e.HasIndex(x => x.Path).IsUnique();
        e.HasIndex(x => x.PublishedPath).IsUnique();
    });
}
