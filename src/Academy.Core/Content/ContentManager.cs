using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Core.Data;
using Academy.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace Academy.Core.Content;

public enum VersionOptions
{
    Published,
    Latest,
}

/// <summary>
/// Creates, versions, publishes and removes content items. Each call validates, lets module handlers
/// write their index rows and adds its domain event, then saves everything in one SaveChanges
/// (inside the caller's transaction when there is one, e.g. a recipe).
/// </summary>
public sealed class ContentManager(
    AcademyDbContext db,
    ContentDefinitionManager definitions,
    EventOutbox outbox,
    UnitOfWork unitOfWork,
    IEnumerable<IContentHandler> handlers,
    IEnumerable<IContentChangeListener> listeners,
    TimeProvider clock)
{
    private readonly List<(string Type, string Id)> _changed = [];

    public async Task<ContentItem> NewAsync(string contentType)
    {
        _ = await definitions.GetTypeAsync(contentType) ?? throw new InvalidOperationException($"Unknown content type '{contentType}'.");
        return new ContentItem { ContentItemId = IdGenerator.NewId(), ContentType = contentType };
    }

    public async Task<ContentItem?> GetAsync(string contentItemId, VersionOptions options = VersionOptions.Published)
    {
        var query = db.ContentItems.AsNoTracking().Where(r => r.ContentItemId == contentItemId);
        query = options == VersionOptions.Published ? query.Where(r => r.Published) : query.Where(r => r.Latest);
        var record = await query.FirstOrDefaultAsync();
        return record is null ? null : ToItem(record);
    }

    public async Task<IReadOnlyList<ContentItem>> ListAsync(IEnumerable<string> contentItemIds, VersionOptions options = VersionOptions.Published)
    {
        var ids = contentItemIds.Distinct().ToList();
        var query = db.ContentItems.AsNoTracking().Where(r => ids.Contains(r.ContentItemId));
        query = options == VersionOptions.Published ? query.Where(r => r.Published) : query.Where(r => r.Latest);
        return (await query.ToListAsync()).Select(ToItem).ToList();
    }

    public async Task<IReadOnlyList<ContentItem>> ListByTypeAsync(string contentType, VersionOptions options = VersionOptions.Published)
    {
        var query = db.ContentItems.AsNoTracking().Where(r => r.ContentType == contentType);
        query = options == VersionOptions.Published ? query.Where(r => r.Published) : query.Where(r => r.Latest);
        return (await query.OrderBy(r => r.DisplayText).ToListAsync()).Select(ToItem).ToList();
    }

    public async Task<ContentValidationResult> ValidateAsync(ContentItem item)
    {
        var result = new ContentValidationResult();
        var type = await definitions.GetTypeAsync(item.ContentType);
        if (type is null)
        {
            result.Fail("ContentType", $"Onbekend inhoudstype '{item.ContentType}'.");
            return result;
        }
        ValidateFields(item, type, result);
        foreach (var handler in handlers)
        {
            await handler.ValidateAsync(item, result);
        }
        return result;
    }

    /// <summary>Saves the item as the latest version: a new draft version when the latest is published, otherwise in place.</summary>
    public async Task SaveDraftAsync(ContentItem item, string? author = null) => await SaveAsync(item, publish: false, author);

    /// <summary>Saves the item and publishes that version.</summary>
    public async Task SaveAndPublishAsync(ContentItem item, string? author = null) => await SaveAsync(item, publish: true, author);

    public async Task PublishAsync(string contentItemId, string? author = null)
    {
        var latest = await GetAsync(contentItemId, VersionOptions.Latest) ?? throw new KeyNotFoundException(contentItemId);
        await SaveAsync(latest, publish: true, author);
    }

    public async Task<bool> UnpublishAsync(string contentItemId)
    {
        var published = await db.ContentItems.Where(r => r.ContentItemId == contentItemId && r.Published).ToListAsync();
        if (published.Count == 0)
        {
            return false;
        }
        foreach (var record in published)
        {
            record.Published = false;
        }
        var item = ToItem(published[0]);
        foreach (var handler in handlers)
        {
            await handler.UnpublishedAsync(item);
        }
        outbox.Add(new ContentUnpublished(item.ContentItemId, item.ContentType));
        await CommitAsync(item);
        return true;
    }

    public async Task<bool> RemoveAsync(string contentItemId)
    {
        var versions = await db.ContentItems.Where(r => r.ContentItemId == contentItemId && (r.Latest || r.Published)).ToListAsync();
        if (versions.Count == 0)
        {
            return false;
        }
        var item = ToItem(versions.First(v => v.Latest || v.Published));
        foreach (var record in versions)
        {
            record.Latest = false;
            record.Published = false;
        }
        foreach (var handler in handlers)
        {
            await handler.RemovedAsync(item);
        }
        outbox.Add(new ContentRemoved(item.ContentItemId, item.ContentType));
        await CommitAsync(item);
        return true;
    }

    private async Task SaveAsync(ContentItem item, bool publish, string? author)
    {
        var validation = await ValidateAsync(item);
        if (!validation.IsValid)
        {
            throw new ContentValidationException(validation);
        }
        // Our own transaction unless the caller (a recipe) has one: on SQLite it takes the write lock first,
        // so concurrent saves of one item run one after the other. Listeners hear of it once it is committed.
        var owned = !unitOfWork.InTransaction;
        try
        {
            await unitOfWork.RunAsync(async () =>
            {
                var saved = await WriteVersionAsync(item, publish, author);
                await db.SaveChangesAsync();
                _changed.Add((saved.ContentType, saved.ContentItemId));
            });
        }
        catch (DbUpdateException ex)
        {
            // A unique index caught what validation could not see (a concurrent save of the same slug or id).
            db.ChangeTracker.Clear();
            var conflict = new ContentValidationResult();
            conflict.Fail("", "Deze wijziging botst met een andere wijziging die tegelijk is opgeslagen (bijvoorbeeld hetzelfde webadres). Controleer de gegevens en sla opnieuw op.");
            throw new ContentValidationException(conflict, ex);
        }
        if (owned)
        {
            await NotifyChangesAsync();
        }
    }

    private async Task<ContentItem> WriteVersionAsync(ContentItem item, bool publish, string? author)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var versions = await db.ContentItems.Where(r => r.ContentItemId == item.ContentItemId && (r.Latest || r.Published)).ToListAsync();
        var latest = versions.FirstOrDefault(v => v.Latest);
        var isNew = latest is null && !await db.ContentItems.AnyAsync(r => r.ContentItemId == item.ContentItemId);
        item.DisplayText = item.As<TitlePart>().Title is { Length: > 0 } title ? title : item.DisplayText;

        ContentItemRecord record;
        if (latest is null || latest.Published)
        {
            // Editing a published version starts a new version, so the public one stays until this one is published.
            // The flag is taken over with a conditional update: if another save got there first, nothing is overwritten.
            if (latest is not null)
            {
                var claimed = await db.ContentItems.Where(r => r.Id == latest.Id && r.Latest)
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.Latest, false));
                if (claimed == 0)
                {
                    var conflict = new ContentValidationResult();
                    conflict.Fail("", "Dit item is zojuist door iemand anders gewijzigd. Laad de pagina opnieuw en probeer het nog eens.");
                    throw new ContentValidationException(conflict);
                }
                var latestEntry = db.Entry(latest).Property(r => r.Latest);
                latestEntry.CurrentValue = false;
                latestEntry.OriginalValue = false;
            }
            record = new ContentItemRecord
            {
                ContentItemId = item.ContentItemId,
                ContentItemVersionId = IdGenerator.NewId(),
                ContentType = item.ContentType,
                CreatedUtc = isNew ? now : versions.Select(v => v.CreatedUtc).DefaultIfEmpty(now).Min(),
                Owner = item.Owner ?? author,
            };
            db.ContentItems.Add(record);
        }
        else
        {
            record = latest;
        }
        record.Latest = true;
        record.DisplayText = item.DisplayText;
        record.ModifiedUtc = now;
        record.Author = author ?? record.Author;
        record.Content = item.Content.ToJsonString(ContentJson.Options);
        if (publish)
        {
            foreach (var other in versions.Where(v => v.Published && v != record))
            {
                other.Published = false;
            }
            record.Published = true;
            record.PublishedUtc = now;
        }

        var saved = ToItem(record);
        item.ContentItemVersionId = saved.ContentItemVersionId;
        item.Latest = true;
        item.Published = record.Published;
        item.ModifiedUtc = now;
        item.CreatedUtc = record.CreatedUtc;
        item.PublishedUtc = record.PublishedUtc;
        foreach (var handler in handlers)
        {
            await handler.SavedAsync(saved);
        }
        outbox.Add(isNew
            ? new ContentCreated(saved.ContentItemId, saved.ContentType, saved.ContentItemVersionId)
            : new ContentUpdated(saved.ContentItemId, saved.ContentType, saved.ContentItemVersionId));
        if (publish)
        {
            foreach (var handler in handlers)
            {
                await handler.PublishedAsync(saved);
            }
            outbox.Add(new ContentPublished(saved.ContentItemId, saved.ContentType, saved.ContentItemVersionId));
        }
        return saved;
    }

    private async Task CommitAsync(ContentItem item)
    {
        await db.SaveChangesAsync();
        _changed.Add((item.ContentType, item.ContentItemId));
        if (db.Database.CurrentTransaction is null)
        {
            await NotifyChangesAsync();
        }
    }

    /// <summary>Tells listeners about changes once they are committed; a caller that owns a transaction calls this after committing it.</summary>
    public async Task NotifyChangesAsync()
    {
        var changed = _changed.Distinct().ToList();
        _changed.Clear();
        foreach (var (type, id) in changed)
        {
            foreach (var listener in listeners)
            {
                await listener.ChangedAsync(type, id);
            }
        }
    }

    public void DiscardPendingNotifications() => _changed.Clear();

    private static void ValidateFields(ContentItem item, ContentTypeDefinition type, ContentValidationResult result)
    {
        foreach (var field in type.Fields)
        {
            var node = item.Content[type.Name]?[field.Name];
            if (node is null)
            {
                if (field.Required)
                {
                    result.Fail($"{type.Name}.{field.Name}", $"{field.DisplayName} is verplicht.");
                }
                continue;
            }
            if (!ContentFieldTypes.All.TryGetValue(field.Type, out var clrType))
            {
                result.Fail($"{type.Name}.{field.Name}", $"Onbekend veldtype '{field.Type}'.");
                continue;
            }
            try
            {
                node.Deserialize(clrType, ContentJson.Options);
            }
            catch (JsonException)
            {
                result.Fail($"{type.Name}.{field.Name}", $"{field.DisplayName} heeft geen geldige waarde.");
            }
        }
    }

    public static ContentItem ToItem(ContentItemRecord record) => new()
    {
        ContentItemId = record.ContentItemId,
        ContentItemVersionId = record.ContentItemVersionId,
        ContentType = record.ContentType,
        DisplayText = record.DisplayText,
        Latest = record.Latest,
        Published = record.Published,
        Owner = record.Owner,
        Author = record.Author,
        CreatedUtc = DateTime.SpecifyKind(record.CreatedUtc, DateTimeKind.Utc),
        ModifiedUtc = DateTime.SpecifyKind(record.ModifiedUtc, DateTimeKind.Utc),
        PublishedUtc = record.PublishedUtc is { } p ? DateTime.SpecifyKind(p, DateTimeKind.Utc) : null,
        Content = JsonNode.Parse(record.Content) as JsonObject ?? [],
    };
}
