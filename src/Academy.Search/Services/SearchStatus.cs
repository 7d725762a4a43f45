using Academy.Core.Data;
using Academy.Search.Models;
using Microsoft.EntityFrameworkCore;

namespace Academy.Search.Services;

/// <param name="Lag">Tasks in the log after the node's cursor: changes it has not applied yet.</param>
/// <param name="IsThisNode">The node that serves this page (its figures are live, the others' from their last report).</param>
public sealed record SearchIndexRow(
    string Node,
    bool IsThisNode,
    int DocumentCount,
    long Cursor,
    int Lag,
    DateTime? SeenUtc,
    DateTime? LastRebuildUtc,
    double? LastRebuildSeconds,
    string? RebuildProgress,
    bool RebuildRequested);

/// <summary>What the admin page shows per node's index, and the rebuild request.</summary>
public sealed class SearchStatus(AcademyDbContext db, SearchIndex index, SearchIndexSignal signal, TimeProvider clock)
{
    public async Task<IReadOnlyList<SearchIndexRow>> GetAsync(CancellationToken cancellationToken)
    {
        var nodes = await db.Set<SearchNodeState>().AsNoTracking().OrderBy(n => n.Node).ToListAsync(cancellationToken);
        var rows = new List<SearchIndexRow>();
        var (cursor, count) = index.Peek();
        var here = nodes.SingleOrDefault(n => n.Node == index.NodeName);
        var progress = index.Rebuilding is { } running ? SearchIndexer.Progress(running) : null;
        rows.Add(new SearchIndexRow(
            index.NodeName, true, count, cursor, await LagAsync(cursor, cancellationToken), here?.SeenUtc,
            here?.LastRebuildUtc ?? index.LastRebuildUtc, here?.LastRebuildSeconds ?? index.LastRebuildSeconds, progress,
            Requested(here)));
        foreach (var node in nodes.Where(n => n.Node != index.NodeName))
        {
            rows.Add(new SearchIndexRow(
                node.Node, false, node.DocumentCount, node.Cursor, await LagAsync(node.Cursor, cancellationToken), node.SeenUtc,
                node.LastRebuildUtc, node.LastRebuildSeconds, node.RebuildProgress, Requested(node)));
        }
        return rows;
    }

    /// <summary>Asks every node (this one included) to rebuild its index; each does so in the background within seconds.</summary>
    public async Task RequestRebuildAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.Set<SearchNodeState>().AnyAsync(n => n.Node == index.NodeName, cancellationToken))
        {
            db.Set<SearchNodeState>().Add(new SearchNodeState { Node = index.NodeName, SeenUtc = now, Cursor = index.Peek().Cursor });
            await db.SaveChangesAsync(cancellationToken);
        }
        await db.Set<SearchNodeState>().ExecuteUpdateAsync(s => s.SetProperty(n => n.RebuildRequestedUtc, now), cancellationToken);
        signal.Wake();
    }

    private static bool Requested(SearchNodeState? node) =>
        node?.RebuildRequestedUtc is { } requested && (node.LastRebuildUtc is null || requested > node.LastRebuildUtc);

    private Task<int> LagAsync(long cursor, CancellationToken cancellationToken) =>
        db.Set<SearchIndexTask>().CountAsync(t => t.Id > cursor, cancellationToken);
}
