using System.Globalization;
using Academy.Core.Hosting;
using Academy.Search.Abstractions;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Academy.Search.Services;

/// <summary>
/// This node's Lucene index. It lives in {IndexPath}/{node}/{generation}; the file "current" names the generation in
/// use. A rebuild writes a fresh generation and then replaces "current" (a file rename, so atomic), so searches
/// never see a half-built index; a rebuild by another process on this node (the CLI) is picked up by
/// <see cref="Refresh"/>. The cursor (last task applied) is stored in each commit's user data, so the index and
/// its cursor always move together: after a crash the node goes on from the last commit.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private const string PointerFile = "current";
    private const string CursorKey = "cursor";
    private const string RebuiltKey = "rebuiltUtc";
    private const string RebuildSecondsKey = "rebuildSeconds";

    private readonly object _gate = new();
    private Generation? _current;
    private bool _disposed;

    public SearchIndex(IOptions<SearchOptions> options, IOptions<AcademyOptions> academy, IHostEnvironment environment)
    {
        var settings = options.Value;
        NodeName = string.IsNullOrWhiteSpace(settings.NodeName) ? Environment.MachineName : settings.NodeName.Trim();
        var root = string.IsNullOrWhiteSpace(settings.IndexPath)
            ? Path.Combine(academy.Value.AppDataPath, "search")
            : settings.IndexPath;
        NodeFolder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, root, Safe(NodeName)));
    }

    public string NodeName { get; }

    public string NodeFolder { get; }

    public Analyzer Analyzer { get; } = DutchAnalysis.Create();

    /// <summary>Progress of a rebuild on this node, or null when none runs.</summary>
    public RebuildProgress? Rebuilding { get; private set; }

    /// <summary>The last task id the index holds (every task at or below it is applied).</summary>
    public long Cursor => Open().Cursor;

    /// <summary>Task ids above the cursor that are applied already (the cursor waits at a gap, see SearchOptions.GapSeconds).</summary>
    internal HashSet<long> AppliedAboveCursor => Open().AppliedAboveCursor;

    public DateTime? LastRebuildUtc => Open().RebuiltUtc;

    public double? LastRebuildSeconds => Open().RebuildSeconds;

    public int DocumentCount
    {
        get
        {
            using var lease = AcquireSearcher();
            return lease.Searcher.IndexReader.NumDocs;
        }
    }

    /// <summary>Names the reader searches use now (generation and version): it changes with every applied batch and rebuild.</summary>
    public string ReaderKey
    {
        get
        {
            using var lease = AcquireSearcher();
            var reader = (DirectoryReader)lease.Searcher.IndexReader;
            var generation = reader.Directory is FSDirectory folder ? folder.Directory.Name : "";
            return generation + ":" + reader.Version.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>A searcher over the latest applied changes; dispose it when done.</summary>
    public SearcherLease AcquireSearcher()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new SearcherLease(Open().Searchers);
            }
            catch (ObjectDisposedException) when (attempt < 3)
            {
                // A rebuild switched generations between Open and Acquire: take the new one.
            }
        }
    }

    /// <summary>Reopens when another process on this node switched to a new generation (a rebuild from the CLI).</summary>
    public void Refresh() => Open();

    /// <summary>Writes the documents (null: remove) of a batch of tasks and commits them with the new cursor.</summary>
    public void Apply(IReadOnlyCollection<(string Id, SearchDocument? Document)> changes, long cursor)
    {
        lock (_gate)
        {
            var generation = Open();
            foreach (var (id, document) in changes)
            {
                var term = new Term(SearchFields.Id, id);
                if (document is null)
                {
                    generation.Writer.DeleteDocuments(term);
                }
                else
                {
                    generation.Writer.UpdateDocument(term, SearchFields.ToDocument(document));
                }
            }
            if (cursor > generation.Cursor)
            {
                generation.AppliedAboveCursor.RemoveWhere(id => id <= cursor);
                generation.Cursor = cursor;
            }
            generation.Commit();
            generation.Searchers.MaybeRefreshBlocking();
        }
    }

    /// <summary>
    /// Builds a fresh generation from <paramref name="documents"/> and switches to it. Only one rebuild runs at a time
    /// on a node; false when one was running already.
    /// </summary>
    /// <param name="cursor">The task id the fresh index counts as applied: only tasks after it are applied afterwards.</param>
    public async Task<bool> RebuildAsync(IAsyncEnumerable<SearchDocument> documents, long cursor, IProgress<RebuildProgress>? progress, CancellationToken cancellationToken)
    {
        int expected;
        lock (_gate)
        {
            if (Rebuilding is not null)
            {
                return false;
            }
            expected = Peek().DocumentCount;
            Rebuilding = new RebuildProgress(0, expected);
        }
        var name = NewGenerationName();
        var started = DateTime.UtcNow;
        try
        {
            var done = 0;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var config = Config(OpenMode.CREATE);
            config.RAMBufferSizeMB = 64; // fewer, larger segments while building
            using (var directory = FSDirectory.Open(Path.Combine(NodeFolder, name)))
            using (var writer = new IndexWriter(directory, config))
            {
                await foreach (var document in documents.WithCancellation(cancellationToken))
                {
                    if (!seen.Add(document.Id))
                    {
                        continue; // a source that lists a document twice: the first one counts
                    }
                    writer.AddDocument(SearchFields.ToDocument(document));
                    done++;
                    if (done % 100 == 0)
                    {
                        Report(new RebuildProgress(done, Math.Max(expected, done)), progress);
                    }
                }
                var seconds = (DateTime.UtcNow - started).TotalSeconds;
                writer.SetCommitData(new Dictionary<string, string>
                {
                    [CursorKey] = cursor.ToString(CultureInfo.InvariantCulture),
                    [RebuiltKey] = started.ToString("O", CultureInfo.InvariantCulture),
                    [RebuildSecondsKey] = seconds.ToString("0.###", CultureInfo.InvariantCulture),
                });
                writer.Commit();
            }
            Report(new RebuildProgress(done, done), progress);
            Switch(name);
            return true;
        }
        catch
        {
            TryDelete(Path.Combine(NodeFolder, name));
            throw;
        }
        finally
        {
            Rebuilding = null;
        }
    }

    private void Report(RebuildProgress value, IProgress<RebuildProgress>? progress)
    {
        Rebuilding = value;
        progress?.Report(value);
    }

    /// <summary>
    /// The cursor and size of the generation in use, read without opening a writer: the CLI reads them while the
    /// site's process holds the writer.
    /// </summary>
    public (long Cursor, int DocumentCount) Peek()
    {
        if (_current is { Stale: false } open)
        {
            using var lease = new SearcherLease(open.Searchers);
            return (open.Cursor, lease.Searcher.IndexReader.NumDocs);
        }
        var pointer = ReadPointer();
        if (pointer is null || !System.IO.Directory.Exists(Path.Combine(NodeFolder, pointer)))
        {
            return (0, 0);
        }
        using var directory = FSDirectory.Open(Path.Combine(NodeFolder, pointer));
        if (!DirectoryReader.IndexExists(directory))
        {
            return (0, 0);
        }
        using var reader = DirectoryReader.Open(directory);
        var data = reader.IndexCommit.UserData;
        return (data.TryGetValue(CursorKey, out var cursor) ? long.Parse(cursor, CultureInfo.InvariantCulture) : 0, reader.NumDocs);
    }

    /// <summary>Points "current" at the new generation; the next use of the index opens it (here, or in the site's process).</summary>
    private void Switch(string name)
    {
        lock (_gate)
        {
            WritePointer(name);
            if (_current is not null)
            {
                _current.Stale = true;
            }
        }
    }

    /// <summary>The generation named by the pointer file, opened (and an empty one created when there is none).</summary>
    private Generation Open()
    {
        var current = _current;
        if (current is not null && !current.Stale)
        {
            return current;
        }
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var pointer = ReadPointer();
            if (_current is not null && _current.Name == pointer)
            {
                _current.Stale = false;
                return _current;
            }
            var old = _current;
            if (pointer is null || !System.IO.Directory.Exists(Path.Combine(NodeFolder, pointer)))
            {
                pointer = NewGenerationName();
                System.IO.Directory.CreateDirectory(Path.Combine(NodeFolder, pointer));
                WritePointer(pointer);
            }
            try
            {
                _current = new Generation(pointer, FSDirectory.Open(Path.Combine(NodeFolder, pointer)), Config(OpenMode.CREATE_OR_APPEND));
            }
            catch (LockObtainFailedException) when (old is not null)
            {
                // The process that built the new generation still holds its lock (the CLI, about to exit): keep
                // serving the old one and try again on the next use.
                return old;
            }
            old?.Dispose();
            // Generations older than the one in use are done with (a newer one may be a rebuild still being written).
            foreach (var folder in System.IO.Directory.GetDirectories(NodeFolder, "g*"))
            {
                if (string.CompareOrdinal(Path.GetFileName(folder), pointer) < 0)
                {
                    TryDelete(folder);
                }
            }
            return _current;
        }
    }

    /// <summary>Marks the open generation for a pointer check on the next use (called by the indexer every round).</summary>
    internal void CheckPointer()
    {
        var current = _current;
        if (current is not null && ReadPointer() != current.Name)
        {
            current.Stale = true;
        }
    }

    private IndexWriterConfig Config(OpenMode mode) => new(DutchAnalysis.Version, Analyzer) { OpenMode = mode };

    private string? ReadPointer()
    {
        var file = Path.Combine(NodeFolder, PointerFile);
        return File.Exists(file) ? File.ReadAllText(file).Trim() is { Length: > 0 } name ? name : null : null;
    }

    private void WritePointer(string name)
    {
        System.IO.Directory.CreateDirectory(NodeFolder);
        var temporary = Path.Combine(NodeFolder, PointerFile + "." + Guid.NewGuid().ToString("n"));
        File.WriteAllText(temporary, name);
        File.Move(temporary, Path.Combine(NodeFolder, PointerFile), overwrite: true);
    }

    private static string NewGenerationName() =>
        "g" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("n")[..6];

    private static string Safe(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());

    private static void TryDelete(string folder)
    {
        try
        {
            if (System.IO.Directory.Exists(folder))
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Still open somewhere (a searcher on another OS); the next rebuild's clean-up will not mind it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _current?.Dispose();
            _current = null;
        }
    }

    /// <summary>One open index folder: its writer, its near-real-time searchers and its cursor.</summary>
    private sealed class Generation : IDisposable
    {
        public Generation(string name, LuceneDirectory directory, IndexWriterConfig config)
        {
            Name = name;
            Directory = directory;
            Writer = new IndexWriter(directory, config);
            var data = Writer.CommitData;
            Cursor = data.TryGetValue(CursorKey, out var cursor) ? long.Parse(cursor, CultureInfo.InvariantCulture) : 0;
            RebuiltUtc = data.TryGetValue(RebuiltKey, out var rebuilt) ? DateTime.Parse(rebuilt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : null;
            RebuildSeconds = data.TryGetValue(RebuildSecondsKey, out var seconds) ? double.Parse(seconds, CultureInfo.InvariantCulture) : null;
            if (data.Count == 0)
            {
                Commit(); // an empty index that readers can open
            }
            Searchers = new SearcherManager(Writer, true, null);
        }

        public string Name { get; }
        public LuceneDirectory Directory { get; }
        public IndexWriter Writer { get; }
        public SearcherManager Searchers { get; }
        public long Cursor { get; set; }
        public DateTime? RebuiltUtc { get; }
        public double? RebuildSeconds { get; }
        public HashSet<long> AppliedAboveCursor { get; } = [];
        public volatile bool Stale;

        public void Commit()
        {
            var data = new Dictionary<string, string>(Writer.CommitData) { [CursorKey] = Cursor.ToString(CultureInfo.InvariantCulture) };
            Writer.SetCommitData(data);
            Writer.Commit();
        }

        public void Dispose()
        {
            Searchers.Dispose();
            Writer.Dispose();
            Directory.Dispose();
        }
    }
}

/// <summary>A searcher held until disposed (the index may switch meanwhile; the searcher stays valid).</summary>
public sealed class SearcherLease(SearcherManager manager) : IDisposable
{
    public IndexSearcher Searcher { get; } = manager.Acquire();

    public void Dispose() => manager.Release(Searcher);
}
