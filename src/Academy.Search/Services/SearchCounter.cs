using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Academy.Search.Services;

/// <summary>
/// One pass over the documents that match the text and that the viewer may read: counts them per kind (before the
/// kind filter), counts facet values (each facet over the documents that pass the kind and every OTHER facet's
/// choice, so a facet's own values stay choosable), and hands the documents that pass every filter to the
/// collector of the top hits. Counts are kept per segment by ordinal (the segment's values read once into arrays, <see cref="SegmentColumns"/>)
/// and turned into names once per segment.
/// </summary>
public sealed class SearchCounter : ICollector
{
    private readonly ICollector _top;
    private readonly string? _kind;
    private readonly string[] _facetFields;
    private readonly HashSet<string>?[] _chosen;
    private readonly FacetColumn?[] _facets;
    private readonly int[][] _facetCounts;
    private readonly bool[]?[] _chosenOrds;
    private SegmentColumns? _columns;
    private int[] _kindCounts = [];
    private int _kindOrd;

    /// <param name="facetFields">The index's facet fields ("facet:thema").</param>
    /// <param name="chosen">Facet name (without prefix) → chosen values.</param>
    public SearchCounter(ICollector top, string? kind, IReadOnlyList<string> facetFields, IReadOnlyDictionary<string, IReadOnlyList<string>>? chosen)
    {
        _top = top;
        _kind = kind;
        _facetFields = [.. facetFields];
        _chosen = _facetFields
            .Select(f => chosen is not null && chosen.TryGetValue(f[SearchFields.FacetPrefix.Length..], out var values) && values is { Count: > 0 }
                ? values.Where(v => v is not null).ToHashSet(StringComparer.Ordinal)
                : null)
            .ToArray();
        _facets = new FacetColumn?[_facetFields.Length];
        _facetCounts = new int[_facetFields.Length][];
        _chosenOrds = new bool[]?[_facetFields.Length];
        // A chosen facet the index does not have matches nothing.
        MissingChoice = chosen?.Any(c => c.Value is { Count: > 0 } && !_facetFields.Contains(SearchFields.FacetPrefix + c.Key)) ?? false;
    }

    public int Total { get; private set; }

    public Dictionary<string, int> KindCounts { get; } = new(StringComparer.Ordinal);

    /// <summary>Facet name (without prefix) → value → count.</summary>
    public Dictionary<string, Dictionary<string, int>> FacetCounts { get; } = new(StringComparer.Ordinal);

    private bool MissingChoice { get; }

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => _top.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        var columns = SegmentColumns.For(context.AtomicReader);
        _columns = columns;
        _kindCounts = new int[columns.KindNames.Length];
        _kindOrd = _kind is null ? -1 : Array.IndexOf(columns.KindNames, _kind);
        for (var f = 0; f < _facetFields.Length; f++)
        {
            var column = columns.Facet(_facetFields[f]);
            _facets[f] = column;
            _facetCounts[f] = new int[column?.Names.Length ?? 0];
            _chosenOrds[f] = _chosen[f] is { } chosen
                ? column?.Names.Select(chosen.Contains).ToArray() ?? []
                : null;
        }
        _top.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        var kindOrd = _columns!.KindOrds[doc];
        if (kindOrd >= 0)
        {
            _kindCounts[kindOrd]++;
        }
        if (_kind is not null && (kindOrd < 0 || kindOrd != _kindOrd))
        {
            return;
        }
        var failed = MissingChoice ? 2 : 0;
        var failedFacet = -1;
        for (var f = 0; f < _facetFields.Length && failed < 2; f++)
        {
            if (_chosenOrds[f] is { } wanted && !HasAny(f, doc, wanted))
            {
                failed++;
                failedFacet = f;
            }
        }
        if (failed == 0)
        {
            Total++;
            _top.Collect(doc);
        }
        for (var f = 0; f < _facetFields.Length; f++)
        {
            if (failed == 0 || (failed == 1 && failedFacet == f))
            {
                CountValues(f, doc);
            }
        }
    }

    /// <summary>Adds the last segment's counts; call after the search.</summary>
    public void Finish() => Flush();

    private bool HasAny(int facet, int doc, bool[] wanted)
    {
        if (_facets[facet] is not { } column)
        {
            return false;
        }
        for (var i = column.Starts[doc]; i < column.Starts[doc + 1]; i++)
        {
            if (wanted[column.Ords[i]])
            {
                return true;
            }
        }
        return false;
    }

    private void CountValues(int facet, int doc)
    {
        if (_facets[facet] is not { } column)
        {
            return;
        }
        var counts = _facetCounts[facet];
        for (var i = column.Starts[doc]; i < column.Starts[doc + 1]; i++)
        {
            counts[column.Ords[i]]++;
        }
    }

    private void Flush()
    {
        if (_columns is not { } columns)
        {
            return;
        }
        for (var ord = 0; ord < _kindCounts.Length; ord++)
        {
            if (_kindCounts[ord] > 0)
            {
                var name = columns.KindNames[ord];
                KindCounts[name] = KindCounts.GetValueOrDefault(name) + _kindCounts[ord];
            }
        }
        for (var f = 0; f < _facetFields.Length; f++)
        {
            if (_facets[f] is not { } column)
            {
                continue;
            }
            var name = _facetFields[f][SearchFields.FacetPrefix.Length..];
            if (!FacetCounts.TryGetValue(name, out var counts))
            {
                FacetCounts[name] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
            }
            for (var ord = 0; ord < _facetCounts[f].Length; ord++)
            {
                if (_facetCounts[f][ord] > 0)
                {
                    var value = column.Names[ord];
                    counts[value] = counts.GetValueOrDefault(value) + _facetCounts[f][ord];
                }
            }
            _facets[f] = null;
        }
        _columns = null;
    }
}
