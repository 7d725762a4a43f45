using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Academy.Search.Services;

/// <summary>
/// A segment's kind and facet values as arrays, read once from its doc values: counting them for every match of a
/// query then costs an array read instead of a read from the memory-mapped file. Segments never change, so the arrays
/// are kept per segment core until the segment is merged away (a few bytes per document and facet value).
/// </summary>
public sealed class SegmentColumns
{
    private static readonly ConditionalWeakTable<object, SegmentColumns> ByCore = new();

    private readonly Dictionary<string, FacetColumn> _facets = new(StringComparer.Ordinal);

    private SegmentColumns(AtomicReader reader)
    {
        var bytes = new BytesRef();
        var maxDoc = reader.MaxDoc;
        KindOrds = new int[maxDoc];
        if (reader.GetSortedDocValues(SearchFields.Kind) is { } kinds)
        {
            for (var doc = 0; doc < maxDoc; doc++)
            {
                KindOrds[doc] = kinds.GetOrd(doc);
            }
            KindNames = new string[kinds.ValueCount];
            for (var ord = 0; ord < KindNames.Length; ord++)
            {
                kinds.LookupOrd(ord, bytes);
                KindNames[ord] = bytes.Utf8ToString();
            }
        }
        else
        {
            Array.Fill(KindOrds, -1);
            KindNames = [];
        }
        foreach (var field in reader.FieldInfos)
        {
            if (field.Name.StartsWith(SearchFields.FacetPrefix, StringComparison.Ordinal) && field.HasDocValues
                && reader.GetSortedSetDocValues(field.Name) is { } values)
            {
                _facets[field.Name] = FacetColumn.Read(values, maxDoc, bytes);
            }
        }
    }

    /// <summary>Each document's kind ordinal (-1: none).</summary>
    public int[] KindOrds { get; }

    /// <summary>The kinds by ordinal.</summary>
    public string[] KindNames { get; }

    public static SegmentColumns For(AtomicReader reader) => ByCore.GetValue(reader.CoreCacheKey, _ => new SegmentColumns(reader));

    /// <summary>The facet's values in this segment, or null when no document of the segment has it.</summary>
    public FacetColumn? Facet(string field) => _facets.GetValueOrDefault(field);
}

/// <summary>One facet field of a segment: document d's value ordinals are Ords[Starts[d]..Starts[d + 1]].</summary>
public sealed class FacetColumn(int[] starts, int[] ords, string[] names)
{
    public int[] Starts { get; } = starts;

    public int[] Ords { get; } = ords;

    /// <summary>The values by ordinal.</summary>
    public string[] Names { get; } = names;

    internal static FacetColumn Read(SortedSetDocValues values, int maxDoc, BytesRef bytes)
    {
        var starts = new int[maxDoc + 1];
        var ords = new List<int>(maxDoc);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            starts[doc] = ords.Count;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                ords.Add((int)ord);
            }
        }
        starts[maxDoc] = ords.Count;
        var names = new string[values.ValueCount];
        for (var ord = 0; ord < names.Length; ord++)
        {
            values.LookupOrd(ord, bytes);
            names[ord] = bytes.Utf8ToString();
        }
        return new FacetColumn(starts, [.. ords], names);
    }
}
