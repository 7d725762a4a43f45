namespace Academy.Search.Services;

/// <summary>The "Academy:Search" configuration section.</summary>
public sealed class SearchOptions
{
    /// <summary>This node's name: its index folder and its row on the admin page. Empty: the machine name.</summary>
    public string NodeName { get; set; } = "";

    /// <summary>The folder that holds the node folders; relative to the content root. Empty: {AppDataPath}/search.</summary>
    public string IndexPath { get; set; } = "";

    /// <summary>How often the indexer looks for new tasks when nothing woke it.</summary>
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>Tasks read per batch (one Lucene commit per batch).</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// How long a gap in the task ids may be an uncommitted transaction. PostgreSQL hands out ids before commit, so a
    /// later id can commit first; the cursor waits at a gap this long (the tasks after it are applied at once).
    /// </summary>
    public int GapSeconds { get; set; } = 120;

    /// <summary>Tasks are kept at least this long, so a node that was away this long catches up from the log.</summary>
    public int KeepTaskDays { get; set; } = 7;

    /// <summary>
    /// Search results kept per index reader (until the next change to the index); 0 turns the cache off.
    /// </summary>
    public int ResultCacheEntries { get; set; } = 1000;
}
