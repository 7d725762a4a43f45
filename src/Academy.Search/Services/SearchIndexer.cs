using Academy.Core.Data;
using Academy.Core.Settings;
using Academy.Search.Abstractions;
using Academy.Search.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Academy.Search.Services;

/// <summary>
/// Keeps this node's index up to date from the shared task log: reads the tasks after the index's cursor in id order,
/// asks each task's source for the document again, writes the batch and commits it with the new cursor. Builds the
/// index from every source when it was never built (a new node) or when the log was pruned past its cursor (a node
/// away for longer than <see cref="SearchOptions.KeepTaskDays"/>), and when the admin page asked for a rebuild.
/// </summary>
public sealed class SearchIndexer(
    SearchIndex index,
    IServiceScopeFactory scopes,
    IOptions<SearchOptions> options,
    TimeProvider clock,
    ILogger<SearchIndexer> logger) : ISearchIndexMaintenance
{
    public string NodeName => index.NodeName;

    public string NodeFolder => index.NodeFolder;

    public int DocumentCount => index.Peek().DocumentCount;

    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _round = new(1, 1);
    private DateTime _lastReport = DateTime.MinValue;
    private DateTime _lastPrune = DateTime.MinValue;
    private Task? _requestedRebuild;

    /// <summary>One round: catch up (building first when needed), report to the node table, prune. Returns the tasks applied.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!await _round.WaitAsync(0, cancellationToken))
        {
            return 0; // the other loop (host worker or indexer service) is in a round
        }
        try
        {
            index.CheckPointer();
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<AcademyDbContext>();
            var log = await services.GetRequiredService<DocumentStore>().GetAsync<SearchTaskLogState>(SearchTaskLogState.DocumentKey);
            if (index.LastRebuildUtc is null || index.Cursor < log.PrunedThroughId)
            {
                logger.LogInformation("Building search index {Node} from every source", index.NodeName);
                await RebuildAsync(null, cancellationToken);
            }
            var node = await db.Set<SearchNodeState>().AsNoTracking().SingleOrDefaultAsync(n => n.Node == index.NodeName, cancellationToken);
            if (node?.RebuildRequestedUtc is { } requested && (node.LastRebuildUtc is null || requested > node.LastRebuildUtc)
                && _requestedRebuild is not { IsCompleted: false } && index.Rebuilding is null)
            {
                // In the background, so this loop goes on applying changes to the index in use meanwhile.
                _requestedRebuild = Task.Run(() => RebuildInBackgroundAsync(cancellationToken), CancellationToken.None);
            }
            var applied = await ApplyAsync(services, db, cancellationToken);
            await ReportAsync(db, force: applied > 0 || node is null, cancellationToken);
            await PruneAsync(services, db, cancellationToken);
            return applied;
        }
        finally
        {
            _round.Release();
        }
    }

    /// <summary>Builds a fresh index from every source and switches to it (the CLI, the admin page, a new node).</summary>
    public async Task<bool> RebuildAsync(IProgress<RebuildProgress>? progress, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
        var started = clock.GetUtcNow().UtcDateTime;
        // Every task up to here is either older than the gap window (so committed) or at or below the index's cursor;
        // the fresh index reads the documents after that, so it holds those tasks' changes. Later ones are applied after.
        var committedBefore = started.AddSeconds(-options.Value.GapSeconds);
        var oldTasks = await db.Set<SearchIndexTask>().Where(t => t.CreatedUtc <= committedBefore).MaxAsync(t => (long?)t.Id, cancellationToken) ?? 0;
        var cursor = Math.Max(oldTasks, index.Peek().Cursor);
        var sources = scope.ServiceProvider.GetServices<ISearchDocumentSource>().ToList();
        var reporter = new NodeProgress(this, progress);
        if (!await index.RebuildAsync(ReadAllAsync(sources, cancellationToken), cursor, reporter, cancellationToken))
        {
            return false;
        }
        var seconds = (clock.GetUtcNow().UtcDateTime - started).TotalSeconds;
        await SaveNodeAsync(db, n =>
        {
            n.LastRebuildUtc = started;
            n.LastRebuildSeconds = seconds;
            n.RebuildProgress = null;
        }, cancellationToken);
        logger.LogInformation("Search index {Node} rebuilt: {Count} documents in {Seconds:0.0} s", index.NodeName, index.Peek().DocumentCount, seconds);
        return true;
    }

    private async Task RebuildInBackgroundAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RebuildAsync(null, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "Rebuilding search index {Node} failed", index.NodeName);
        }
    }

    private static async IAsyncEnumerable<SearchDocument> ReadAllAsync(IReadOnlyList<ISearchDocumentSource> sources, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var source in sources)
        {
            await foreach (var document in source.ReadAllAsync(cancellationToken))
            {
                yield return document;
            }
        }
    }

    private async Task<int> ApplyAsync(IServiceProvider services, AcademyDbContext db, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var cursor = index.Cursor;
        var appliedAbove = index.AppliedAboveCursor;
        var tasks = await db.Set<SearchIndexTask>().AsNoTracking()
            .Where(t => t.Id > cursor)
            .OrderBy(t => t.Id)
            .Take(Math.Max(1, settings.BatchSize))
            .ToListAsync(cancellationToken);
        var gapClosedBefore = clock.GetUtcNow().UtcDateTime.AddSeconds(-settings.GapSeconds);
        var next = cursor;
        var contiguous = true;
        var toApply = new List<SearchIndexTask>();
        foreach (var task in tasks)
        {
            if (!appliedAbove.Contains(task.Id))
            {
                toApply.Add(task);
            }
            // A missing id may be a transaction that has not committed yet: the cursor waits there (for a while).
            if (contiguous && (task.Id == next + 1 || task.CreatedUtc <= gapClosedBefore))
            {
                next = task.Id;
            }
            else
            {
                contiguous = false;
            }
        }
        if (toApply.Count == 0 && next == cursor)
        {
            return 0;
        }
        var sources = services.GetServices<ISearchDocumentSource>()
            .GroupBy(s => s.Source, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var changes = new List<(string, SearchDocument?)>();
        foreach (var task in toApply.DistinctBy(t => (t.Source, t.LocalId)))
        {
            var id = task.Source + ":" + task.LocalId;
            if (!sources.TryGetValue(task.Source, out var source))
            {
                changes.Add((id, null)); // a source that is gone (module removed): its documents go too
                continue;
            }
            try
            {
                var document = await source.ReadAsync(task.LocalId, cancellationToken);
                changes.Add((id, document is null ? null : document with { Id = id }));
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // One broken document must not stop the index: it keeps its old version until its next change or a rebuild.
                logger.LogError(exception, "Search source {Source} could not read {LocalId}", task.Source, task.LocalId);
            }
        }
        index.Apply(changes, next);
        foreach (var task in toApply.Where(t => t.Id > next))
        {
            appliedAbove.Add(task.Id);
        }
        return toApply.Count;
    }

    private async Task ReportAsync(AcademyDbContext db, bool force, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!force && now - _lastReport < ReportEvery)
        {
            return;
        }
        _lastReport = now;
        var (cursor, count) = index.Peek();
        var progress = index.Rebuilding is { } rebuilding ? Progress(rebuilding) : null;
        await SaveNodeAsync(db, n =>
        {
            n.Cursor = cursor;
            n.DocumentCount = count;
            n.SeenUtc = now;
            n.RebuildProgress = progress;
        }, cancellationToken);
    }

    internal static string Progress(RebuildProgress progress) => $"{progress.Done} / ~{Math.Max(progress.Done, progress.Expected)}";

    /// <summary>Changes this node's row (creating it when missing); only this node writes it, the admin page only asks for rebuilds.</summary>
    private async Task SaveNodeAsync(AcademyDbContext db, Action<SearchNodeState> change, CancellationToken cancellationToken)
    {
        var node = await db.Set<SearchNodeState>().SingleOrDefaultAsync(n => n.Node == index.NodeName, cancellationToken);
        if (node is null)
        {
            node = new SearchNodeState { Node = index.NodeName, SeenUtc = clock.GetUtcNow().UtcDateTime };
            db.Set<SearchNodeState>().Add(node);
        }
        change(node);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Deletes tasks that every node seen within <see cref="SearchOptions.KeepTaskDays"/> has applied and that are older
    /// than that; never the newest task. A node that comes back later than that finds its cursor below the pruned id
    /// and rebuilds.
    /// </summary>
    private async Task PruneAsync(IServiceProvider services, AcademyDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now - _lastPrune < PruneEvery)
        {
            return;
        }
        _lastPrune = now;
        var keepFrom = now.AddDays(-Math.Max(1, options.Value.KeepTaskDays));
        var cursors = await db.Set<SearchNodeState>().Where(n => n.SeenUtc >= keepFrom).Select(n => n.Cursor).ToListAsync(cancellationToken);
        var newest = await db.Set<SearchIndexTask>().MaxAsync(t => (long?)t.Id, cancellationToken);
        if (cursors.Count == 0 || newest is null)
        {
            return;
        }
        var limit = Math.Min(cursors.Min(), newest.Value - 1);
        var prunable = db.Set<SearchIndexTask>().Where(t => t.Id <= limit && t.CreatedUtc < keepFrom);
        var through = await prunable.MaxAsync(t => (long?)t.Id, cancellationToken);
        if (through is null)
        {
            return;
        }
        var store = services.GetRequiredService<DocumentStore>();
        var log = await store.GetAsync<SearchTaskLogState>(SearchTaskLogState.DocumentKey);
        if (through > log.PrunedThroughId)
        {
            await store.SetAsync(SearchTaskLogState.DocumentKey, new SearchTaskLogState { PrunedThroughId = through.Value });
        }
        var deleted = await prunable.ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation("Pruned {Count} search index tasks up to {Id}", deleted, through);
    }

    /// <summary>Puts a running rebuild's progress in the node's row (for the admin page), at most every few seconds.</summary>
    private sealed class NodeProgress(SearchIndexer indexer, IProgress<RebuildProgress>? inner) : IProgress<RebuildProgress>
    {
        private DateTime _last = DateTime.MinValue;

        public void Report(RebuildProgress value)
        {
            inner?.Report(value);
            var now = DateTime.UtcNow;
            if (now - _last < ReportEvery)
            {
                return;
            }
            _last = now;
            _ = indexer.WriteProgressAsync(value);
        }
    }

    private async Task WriteProgressAsync(RebuildProgress value)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
            var text = Progress(value);
            await db.Set<SearchNodeState>().Where(n => n.Node == index.NodeName)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.RebuildProgress, text));
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not report rebuild progress of {Node}", index.NodeName);
        }
    }
}
