namespace Academy.Search.Models;

/// <summary>
/// One change for the index, committed with the change that caused it. Every node reads the log in Id order from its
/// own cursor and asks the source for the document again, so a task says only which document changed.
/// </summary>
public sealed class SearchIndexTask
{
    public long Id { get; set; }

    /// <summary>An <c>ISearchDocumentSource.Source</c>, e.g. "offerings".</summary>
    public string Source { get; set; } = "";

    /// <summary>The id after "{source}:".</summary>
    public string LocalId { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}

/// <summary>
/// What one node reports about its index (for the admin page and for pruning the task log): its cursor, size, last
/// rebuild, and whether a rebuild was asked for. Written by the node's own indexer only.
/// </summary>
public sealed class SearchNodeState
{
    public string Node { get; set; } = "";

    /// <summary>The last task id the node's index has applied (every task at or below it is in the index).</summary>
    public long Cursor { get; set; }

    public int DocumentCount { get; set; }

    /// <summary>When the node's indexer last reported; nodes not seen for the retention period no longer hold back pruning.</summary>
    public DateTime SeenUtc { get; set; }

    public DateTime? LastRebuildUtc { get; set; }

    public double? LastRebuildSeconds { get; set; }

    /// <summary>Set by the admin page; the node rebuilds when this is later than its <see cref="LastRebuildUtc"/>.</summary>
    public DateTime? RebuildRequestedUtc { get; set; }

    /// <summary>"1234 / ~5000" while a rebuild runs, else null.</summary>
    public string? RebuildProgress { get; set; }
}

/// <summary>The synonym list (from the recipe's SearchSynonyms step), kept in the Documents table.</summary>
public sealed class SearchSynonymSettings
{
    public const string DocumentKey = "SearchSynonyms";

    /// <summary>Each group lists terms that mean the same, e.g. ["LKS", "loonkostensubsidie"]; a term may be several words.</summary>
    public List<List<string>> Groups { get; set; } = [];
}

/// <summary>What the task log has lost to pruning: a node whose cursor is below it must rebuild.</summary>
public sealed class SearchTaskLogState
{
    public const string DocumentKey = "SearchTaskLog";

    public long PrunedThroughId { get; set; }
}
