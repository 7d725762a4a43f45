namespace Academy.Search.Abstractions;

/// <param name="Done">Documents written so far.</param>
/// <param name="Expected">About how many there will be (the size of the index before the rebuild).</param>
public sealed record RebuildProgress(int Done, int Expected);

/// <summary>This node's index, for the `search rebuild` command of the site's host.</summary>
public interface ISearchIndexMaintenance
{
    string NodeName { get; }

    string NodeFolder { get; }

    int DocumentCount { get; }

    /// <summary>Builds the index afresh from every source and switches to it; false when a rebuild already runs.</summary>
    Task<bool> RebuildAsync(IProgress<RebuildProgress>? progress, CancellationToken cancellationToken);
}
