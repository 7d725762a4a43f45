using System.Text.Json;
using Academy.Core.Content;
using Academy.Core.Data;
using Academy.Core.Events;
using Academy.Search.Abstractions;
using Academy.Search.Models;

namespace Academy.Search.Services;

/// <summary>Wakes this process's indexer when a task was queued here, so a change shows up well before the next poll.</summary>
public sealed class SearchIndexSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Woken already.
            }
        }
    }

    /// <summary>Waits for a wake-up or the time-out; true when woken.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>Adds a task row to the caller's unit of work (committed by its SaveChanges); once per document per unit.</summary>
public sealed class SearchIndexQueue(AcademyDbContext db, TimeProvider clock, SearchIndexSignal signal) : ISearchIndexQueue
{
    private readonly Dictionary<(string, string), SearchIndexTask> _queued = [];
    private bool _wakeOnSave;

    public void Changed(string source, string localId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentNullException.ThrowIfNull(localId);
        var key = (source, localId);
        if (_queued.TryGetValue(key, out var queued) && db.Entry(queued).State == Microsoft.EntityFrameworkCore.EntityState.Added)
        {
            return; // already in this unit of work; the indexer reads the document as it is at commit anyway
        }
        var task = new SearchIndexTask { Source = source, LocalId = localId, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        db.Set<SearchIndexTask>().Add(task);
        _queued[key] = task;
        if (!_wakeOnSave)
        {
            // The row commits with the caller's transaction; a wake-up before that finds nothing and the next poll gets it.
            db.SavedChanges += (_, _) => signal.Wake();
            _wakeOnSave = true;
        }
    }
}

/// <summary>
/// Queues content items for the index when Core's content events say they were published, unpublished or removed, so a
/// module whose documents are content items needs no code for that: its source claims the content types
/// (<see cref="ISearchContentSource"/>) and the item's ContentItemId is the local id.
/// </summary>
public sealed class ContentSearchEvents(IEnumerable<ISearchDocumentSource> sources, ISearchIndexQueue queue) : IDomainEventHandler
{
    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.Type is not (nameof(ContentPublished) or nameof(ContentUnpublished) or nameof(ContentRemoved)))
        {
            return Task.CompletedTask;
        }
        var content = JsonSerializer.Deserialize<ContentReference>(message.Payload, ContentJson.Options);
        if (content is null || string.IsNullOrEmpty(content.ContentItemId))
        {
            return Task.CompletedTask;
        }
        foreach (var source in sources.OfType<ISearchContentSource>())
        {
            if (source.ContentTypes.Contains(content.ContentType, StringComparer.Ordinal))
            {
                queue.Changed(source.Source, content.ContentItemId);
            }
        }
        return Task.CompletedTask;
    }

    private sealed record ContentReference(string ContentItemId, string ContentType);
}
