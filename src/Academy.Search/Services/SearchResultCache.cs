using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Academy.Search.Abstractions;
using Lucene.Net.Index;
using Microsoft.Extensions.Options;

namespace Academy.Search.Services;

/// <summary>
/// The results of recent searches per index reader, as Elasticsearch's shard request cache: the same words, kind,
/// facets, page and access set on the same reader give the same results, so they are computed once. A change to the
/// index opens a new reader (the indexer refreshes after each batch), which starts empty, so nothing stale is served;
/// the old reader's entries go with it. The access set is part of the key: viewers share an entry only when they may
/// read exactly the same documents. At most <see cref="SearchOptions.ResultCacheEntries"/> entries per reader
/// (0 turns the cache off); when full it starts over.
/// </summary>
public sealed class SearchResultCache(IOptions<SearchOptions> options)
{
    private readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<string, SearchResults>> _byReader = new();

    public SearchResults GetOrAdd(IndexReader reader, string key, Func<SearchResults> search)
    {
        var limit = options.Value.ResultCacheEntries;
        if (limit <= 0)
        {
            return search();
        }
        var entries = _byReader.GetValue(reader, _ => new ConcurrentDictionary<string, SearchResults>(StringComparer.Ordinal));
        if (entries.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var results = search();
        if (entries.Count >= limit)
        {
            entries.Clear();
        }
        entries[key] = results;
        return results;
    }

    /// <summary>The key of a search: everything its results depend on besides the reader.</summary>
    public static string Key(IReadOnlyList<string> words, SynonymTable synonyms, SearchAccessFilter access, string? kind,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? facets, int page, int pageSize)
    {
        var chosen = facets is null
            ? ""
            : string.Join('\u001e', facets
                .Where(f => f.Value is { Count: > 0 })
                .OrderBy(f => f.Key, StringComparer.Ordinal)
                .Select(f => f.Key + "=" + string.Join('\u001f', f.Value.Where(v => v is not null).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))));
        return string.Join('\u001d', string.Join(' ', words), synonyms.Version, access.Key, kind ?? "", chosen, page, pageSize);
    }
}
