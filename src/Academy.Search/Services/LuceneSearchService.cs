using System.Runtime.CompilerServices;
using Academy.Core.Settings;
using Academy.Search.Abstractions;
using Academy.Search.Models;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Academy.Search.Services;

/// <summary>
/// The search over this node's index. The viewer's access is a filter inside every query, so totals, kind counts,
/// facet counts, snippets, "bedoelde je" and suggestions only ever come from documents the viewer may read. When
/// the exact words find fewer than <see cref="FewHits"/>, a fuzzy query (typos) runs too and wins if it finds more.
/// Results are kept per index reader (<see cref="SearchResultCache"/>) until the index changes.
/// </summary>
public sealed class LuceneSearchService(SearchIndex index, SearchSynonyms synonyms, ISearchSynonymSource synonymSource, SearchResultCache cache) : ISearchService
{
    public const int FewHits = 3;
    public const int MaxPageSize = 50;
    /// <summary>Deeper than this nobody pages; it bounds the top-hits queue.</summary>
    public const int MaxHits = 1000;
    public const int MaxSuggestions = 20;

    private static readonly ConditionalWeakTable<IndexReader, string[]> FacetFieldsByReader = new();

    private static readonly SearchResults NoResults = new(0, [], new Dictionary<string, int>(), new Dictionary<string, IReadOnlyList<FacetValue>>(), null, false);

    public async Task<SearchResults> SearchAsync(SearchRequest request, SearchViewer viewer, CancellationToken cancellationToken)
    {
        var builder = await BuilderAsync();
        var words = builder.Words(request.Text);
        if (builder.Build(words, fuzzy: false) is not { } exact)
        {
            return NoResults;
        }
        var pageSize = Math.Clamp(request.PageSize, 1, MaxPageSize);
        var page = Math.Clamp(request.Page, 1, MaxHits / pageSize);
        var kind = request.Kind is not null && SearchKinds.All.Contains(request.Kind) ? request.Kind : null;
        using var lease = index.AcquireSearcher();
        var searcher = lease.Searcher;
        var access = new SearchAccessFilter(viewer);
        var key = SearchResultCache.Key(words, builder.Synonyms, access, kind, request.Facets, page, pageSize);
        return cache.GetOrAdd(searcher.IndexReader, key, () => Search(searcher, builder, words, exact, viewer, kind, request.Facets, page, pageSize));
    }

    private SearchResults Search(IndexSearcher searcher, SearchQueryBuilder builder, IReadOnlyList<string> words, Query exact, SearchViewer viewer,
        string? kind, IReadOnlyDictionary<string, IReadOnlyList<string>>? facets, int page, int pageSize)
    {
        var results = Run(searcher, exact, viewer, kind, facets, page, pageSize, fuzzy: false);
        if (results.Total >= FewHits)
        {
            return results;
        }
        var didYouMean = DidYouMean(searcher, builder, words, viewer);
        if (builder.Build(words, fuzzy: true) is { } fuzzyQuery)
        {
            var fuzzy = Run(searcher, fuzzyQuery, viewer, kind, facets, page, pageSize, fuzzy: true);
            if (fuzzy.Total > results.Total)
            {
                results = fuzzy;
            }
        }
        return results with { DidYouMean = didYouMean };
    }

    public async Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string prefix, SearchViewer viewer, int max, CancellationToken cancellationToken)
    {
        var builder = await BuilderAsync();
        var words = builder.Words(prefix);
        if (words.Count == 0 || words[^1].Length < 2)
        {
            return [];
        }
        var query = new BooleanQuery();
        foreach (var word in words.Take(words.Count - 1))
        {
            query.Add(new TermQuery(new Term(SearchFields.TitleWords, word)), Occur.MUST);
        }
        // The last word is being typed: a prefix, rewritten to at most 64 of its most frequent completions.
        query.Add(new PrefixQuery(new Term(SearchFields.TitleWords, words[^1]))
        {
            MultiTermRewriteMethod = new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(64),
        }, Occur.MUST);
        using var lease = index.AcquireSearcher();
        var searcher = lease.Searcher;
        var count = Math.Clamp(max, 1, MaxSuggestions);
        var top = searcher.Search(SearchQueryBuilder.Restrict(query, viewer), count * 2);
        return top.ScoreDocs
            .Select(hit => searcher.Doc(hit.Doc))
            .Select(doc => new SearchSuggestion(doc.Get(SearchFields.Title), doc.Get(SearchFields.Url), doc.Get(SearchFields.Kind)))
            .DistinctBy(s => (s.Title, s.Url))
            .Take(count)
            .ToList();
    }

    public async Task<IReadOnlyList<string>> MatchLocalIdsAsync(string source, string text, SearchViewer viewer, int max, CancellationToken cancellationToken)
    {
        var builder = await BuilderAsync();
        var words = builder.Words(text);
        using var lease = index.AcquireSearcher();
        var searcher = lease.Searcher;
        var count = Math.Clamp(max, 1, 10_000);
        foreach (var fuzzy in new[] { false, true })
        {
            if (builder.Build(words, fuzzy) is not { } query)
            {
                return [];
            }
            var top = searcher.Search(SearchQueryBuilder.Restrict(query, viewer, source), count);
            if (top.TotalHits > 0)
            {
                return top.ScoreDocs.Select(hit => searcher.Doc(hit.Doc).Get(SearchFields.LocalId)).ToList();
            }
        }
        return [];
    }

    private SearchResults Run(IndexSearcher searcher, Query text, SearchViewer viewer, string? kind,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? facets, int page, int pageSize, bool fuzzy)
    {
        var top = TopScoreDocCollector.Create(page * pageSize, true);
        var counter = new SearchCounter(top, kind, FacetFields(searcher.IndexReader), facets);
        searcher.Search(SearchQueryBuilder.Restrict(text, viewer), counter);
        counter.Finish();
        // Typo terms (fuzzy queries) expanded once against the index: otherwise the highlighter expands them again for
        // every hit and field, against an index it builds of that field's text.
        var highlight = fuzzy ? searcher.Rewrite(text) : text;
        var hits = top.GetTopDocs((page - 1) * pageSize, pageSize).ScoreDocs
            .Select(hit =>
            {
                var doc = searcher.Doc(hit.Doc);
                return new SearchHit(
                    doc.Get(SearchFields.Id),
                    doc.Get(SearchFields.Kind),
                    doc.Get(SearchFields.Title),
                    doc.Get(SearchFields.Url),
                    SearchSnippets.For(index.Analyzer, highlight, doc),
                    SearchFields.ReadDate(doc),
                    hit.Score);
            })
            .ToList();
        var facetValues = counter.FacetCounts
            .Where(f => f.Value.Count > 0)
            .ToDictionary(
                f => f.Key,
                f => (IReadOnlyList<FacetValue>)f.Value
                    .OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal)
                    .Take(50)
                    .Select(v => new FacetValue(v.Key, v.Value))
                    .ToList(),
                StringComparer.Ordinal);
        return new SearchResults(counter.Total, hits, counter.KindCounts, facetValues, null, fuzzy);
    }

    /// <summary>A better-spelled query, offered only when it finds something this viewer may read.</summary>
    private static string? DidYouMean(IndexSearcher searcher, SearchQueryBuilder builder, IReadOnlyList<string> words, SearchViewer viewer)
    {
        if (SearchSpelling.Correct(searcher.IndexReader, words) is not { } corrected || builder.Build(corrected, fuzzy: false) is not { } query)
        {
            return null;
        }
        var count = new TotalHitCountCollector();
        searcher.Search(SearchQueryBuilder.Restrict(query, viewer), count);
        return count.TotalHits > 0 ? string.Join(' ', corrected) : null;
    }

    private static string[] FacetFields(IndexReader reader) =>
        FacetFieldsByReader.GetValue(reader, r => MultiFields.GetMergedFieldInfos(r)
            .Where(f => f.Name.StartsWith(SearchFields.FacetPrefix, StringComparison.Ordinal) && f.HasDocValues)
            .Select(f => f.Name)
            .Order(StringComparer.Ordinal)
            .ToArray());

    private async Task<SearchQueryBuilder> BuilderAsync()
    {
        var settings = await synonymSource.GetAsync();
        return new SearchQueryBuilder(index.Analyzer, synonyms.For(settings));
    }
}

/// <summary>Where the synonym list comes from: the recipe's list in the Documents table (tests give their own).</summary>
public interface ISearchSynonymSource
{
    Task<SearchSynonymSettings> GetAsync();
}

public sealed class StoredSearchSynonyms(DocumentStore documents) : ISearchSynonymSource
{
    public Task<SearchSynonymSettings> GetAsync() => documents.GetAsync<SearchSynonymSettings>(SearchSynonymSettings.DocumentKey);
}

/// <summary>The synonym table of the current settings, built once per settings document (the store caches it).</summary>
public sealed class SearchSynonyms(SearchIndex index)
{
    private (SearchSynonymSettings Settings, SynonymTable Table)? _last;

    public SynonymTable For(SearchSynonymSettings settings)
    {
        if (_last is { } last && ReferenceEquals(last.Settings, settings))
        {
            return last.Table;
        }
        var table = SynonymTable.From(settings, index.Analyzer);
        _last = (settings, table);
        return table;
    }
}
