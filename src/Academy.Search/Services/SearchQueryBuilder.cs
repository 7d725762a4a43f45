using Academy.Search.Abstractions;
using Academy.Search.Models;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Academy.Search.Services;

/// <summary>
/// Turns what a person typed into a Lucene query without ever parsing it as Lucene syntax: the text is cut to
/// <see cref="MaxTextLength"/> characters and split into plain words (so "title:", "*", "~" and quotes are just
/// punctuation), at most <see cref="MaxWords"/> of them. Every word (or synonym phrase) must match, in the title
/// (weighs most), summary, text or, weighing little, a compound's part. Fuzzy matching adds bounded FuzzyQuery
/// alternatives (at most 50 terms each); no query here ever expands a wildcard.
/// </summary>
public sealed class SearchQueryBuilder(Analyzer analyzer, SynonymTable synonyms)
{
    public const int MaxTextLength = 200;
    public const int MaxWords = 10;

    public SynonymTable Synonyms => synonyms;

    private static readonly (string Field, float Boost)[] TextFields =
    [
        (SearchFields.Title, 4f),
        (SearchFields.Summary, 2f),
        (SearchFields.Text, 1f),
    ];

    /// <summary>The plain words of <paramref name="text"/> (lower case, no accents), capped.</summary>
    public IReadOnlyList<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var capped = text.Length > MaxTextLength ? text[..MaxTextLength] : text;
        return DutchAnalysis.PlainWords(analyzer, capped, MaxWords);
    }

    /// <summary>The query for <paramref name="words"/>, or null when nothing searchable is left (only stop words).</summary>
    public Query? Build(IReadOnlyList<string> words, bool fuzzy)
    {
        var query = new BooleanQuery();
        for (var i = 0; i < words.Count;)
        {
            var (length, alternatives) = synonyms.Match(words, i);
            var clause = Clause(alternatives, fuzzy && length == 1 ? words[i] : null);
            if (clause is not null)
            {
                query.Add(clause, Occur.MUST);
            }
            i += length;
        }
        return query.Clauses.Count == 0 ? null : query;
    }

    /// <summary>
    /// The text query restricted to what the viewer may read (and optionally to one source). The access rule is a
    /// filter inside the query (<see cref="SearchAccessFilter"/>), so counts never include documents the viewer may not read.
    /// </summary>
    public static Query Restrict(Query text, SearchViewer viewer, string? source = null)
    {
        Query query = new FilteredQuery(text, new SearchAccessFilter(viewer));
        if (source is not null)
        {
            query = new BooleanQuery
            {
                { query, Occur.MUST },
                { new ConstantScoreQuery(new TermQuery(new Term(SearchFields.Source, source))) { Boost = 0f }, Occur.MUST },
            };
        }
        return query;
    }

    private Query? Clause(IReadOnlyList<string> alternatives, string? fuzzyWord)
    {
        var any = new DisjunctionMaxQuery(0.1f);
        foreach (var alternative in alternatives)
        {
            foreach (var (field, boost) in TextFields)
            {
                if (Phrase(field, alternative) is { } match)
                {
                    match.Boost = boost;
                    any.Add(match);
                }
            }
            var stems = DutchAnalysis.Tokens(analyzer, SearchFields.Text, alternative);
            if (stems.Count == 1)
            {
                any.Add(new TermQuery(new Term(SearchFields.Parts, stems[0].Term)) { Boost = 0.3f });
            }
        }
        if (fuzzyWord is { Length: >= 4 })
        {
            // Typos: one edit for short words, two for long ones; the first letter must be right (keeps it fast).
            var edits = fuzzyWord.Length >= 8 ? 2 : 1;
            foreach (var (term, _) in DutchAnalysis.Tokens(analyzer, SearchFields.Text, fuzzyWord).Take(1))
            {
                any.Add(new FuzzyQuery(new Term(SearchFields.Title, term), edits, 1) { Boost = 1f });
                any.Add(new FuzzyQuery(new Term(SearchFields.Text, term), edits, 1) { Boost = 0.5f });
            }
        }
        return any.Disjuncts.Count == 0 ? null : any;
    }

    private Query? Phrase(string field, string text)
    {
        var tokens = DutchAnalysis.Tokens(analyzer, field, text);
        switch (tokens.Count)
        {
            case 0:
                return null;
            case 1:
                return new TermQuery(new Term(field, tokens[0].Term));
            default:
                var phrase = new PhraseQuery();
                foreach (var (term, position) in tokens)
                {
                    phrase.Add(new Term(field, term), position);
                }
                return phrase;
        }
    }
}

/// <summary>The synonym groups as plain words, for matching the longest group term at each word of a query.</summary>
public sealed class SynonymTable
{
    public static readonly SynonymTable Empty = new([], null!);

    private readonly Dictionary<string, List<(string[] Words, int Group)>> _byFirstWord = new(StringComparer.Ordinal);
    private static long _versions;
    private readonly List<List<string>> _groups;

    public SynonymTable(List<List<string>> groups, Analyzer analyzer)
    {
        Version = Interlocked.Increment(ref _versions);
        _groups = groups;
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var term in groups[g])
            {
                var words = DutchAnalysis.PlainWords(analyzer, term, 20).ToArray();
                if (words.Length == 0)
                {
                    continue;
                }
                if (!_byFirstWord.TryGetValue(words[0], out var list))
                {
                    _byFirstWord[words[0]] = list = [];
                }
                list.Add((words, g));
            }
        }
        foreach (var list in _byFirstWord.Values)
        {
            list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        }
    }

    /// <summary>Tells tables apart (a changed list gives a new table): part of a cached search's key.</summary>
    public long Version { get; }

    public static SynonymTable From(SearchSynonymSettings settings, Analyzer analyzer) =>
        settings.Groups.Count == 0 ? Empty : new SynonymTable(settings.Groups, analyzer);

    /// <summary>How many words at <paramref name="start"/> a group term covers (1 when none), and the terms to search for them.</summary>
    public (int Length, IReadOnlyList<string> Alternatives) Match(IReadOnlyList<string> words, int start)
    {
        if (_byFirstWord.TryGetValue(words[start], out var candidates))
        {
            foreach (var (termWords, group) in candidates)
            {
                if (start + termWords.Length <= words.Count && termWords.Select((w, k) => w == words[start + k]).All(same => same))
                {
                    return (termWords.Length, _groups[group]);
                }
            }
        }
        return (1, [words[start]]);
    }
}
