using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Academy.Search.Abstractions;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Academy.Search.Services;

/// <summary>
/// The documents a viewer may read, as a bit set per segment: the union of the postings of the access values the
/// viewer holds ("public", "loggedin", "key:…"). The text query checks a document's bit instead of advancing the access
/// terms' postings next to its own for every match (the conjunction that cost most of a search). A segment's postings
/// never change, so the bit set is kept per segment core and access set until the segment is merged away; deletions
/// are applied on top through the live documents.
/// </summary>
public sealed class SearchAccessFilter : Filter
{
    /// <summary>Bit sets kept per segment; beyond this many different access sets a segment's sets are dropped and made again.</summary>
    public const int MaxSetsPerSegment = 64;

    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, FixedBitSet>> BySegment = new();

    private readonly string[] _values;
    private readonly string _key;

    public SearchAccessFilter(SearchViewer viewer)
    {
        var values = new List<string> { SearchFields.PublicAccess };
        if (viewer.IsLoggedIn)
        {
            values.Add(SearchFields.LoggedInAccess);
            values.AddRange(viewer.AccessKeys.Where(k => !string.IsNullOrEmpty(k)).Select(SearchFields.KeyAccess));
        }
        _values = values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        _key = string.Join('\n', _values);
    }

    /// <summary>The viewer's access set as one string: equal for viewers who may read the same documents.</summary>
    public string Key => _key;

    public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
    {
        var reader = context.AtomicReader;
        var sets = BySegment.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<string, FixedBitSet>(StringComparer.Ordinal));
        if (!sets.TryGetValue(_key, out var bits))
        {
            bits = Read(reader);
            if (sets.Count >= MaxSetsPerSegment)
            {
                sets.Clear();
            }
            sets[_key] = bits;
        }
        return BitsFilteredDocIdSet.Wrap(bits, acceptDocs);
    }

    /// <summary>Every document of the segment with one of the values, deleted ones included (the live documents are applied per reader).</summary>
    private FixedBitSet Read(AtomicReader reader)
    {
        var bits = new FixedBitSet(reader.MaxDoc);
        if (reader.GetTerms(SearchFields.Access) is not { } terms)
        {
            return bits;
        }
        var termsEnum = terms.GetEnumerator();
        DocsEnum? docs = null;
        foreach (var value in _values)
        {
            if (!termsEnum.SeekExact(new BytesRef(value)))
            {
                continue;
            }
            docs = termsEnum.Docs(null, docs, DocsFlags.NONE);
            int doc;
            while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                bits.Set(doc);
            }
        }
        return bits;
    }

    public override bool Equals(object? obj) => obj is SearchAccessFilter other && other._key == _key;

    public override int GetHashCode() => _key.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => "access(" + _key.Replace('\n', ' ') + ")";
}
