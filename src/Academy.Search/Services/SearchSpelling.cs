using Lucene.Net.Index;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;

namespace Academy.Search.Services;

/// <summary>
/// "Bedoelde je …": for each word the index does not know, the known word (from the plain field's vocabulary) with the
/// fewest edits (at most two, one for short words), the most frequent of those. The terms come from a Levenshtein
/// automaton intersected with the term dictionary, so this reads only the nearby words, never the whole vocabulary.
/// The vocabulary holds every document's words: the caller checks that the suggestion finds something the viewer may
/// read before showing it, so it never reveals a hidden document's words.
/// </summary>
public static class SearchSpelling
{
    public static IReadOnlyList<string>? Correct(IndexReader reader, IReadOnlyList<string> words)
    {
        var terms = MultiFields.GetTerms(reader, SearchFields.Plain);
        if (terms is null)
        {
            return null;
        }
        var corrected = new List<string>(words.Count);
        var changed = false;
        foreach (var word in words)
        {
            if (word.Length < 4 || reader.DocFreq(new Term(SearchFields.Plain, word)) > 0)
            {
                corrected.Add(word);
                continue;
            }
            var better = Closest(terms, word);
            changed |= better is not null;
            corrected.Add(better ?? word);
        }
        return changed ? corrected : null;
    }

    private static string? Closest(Terms terms, string word)
    {
        var maxEdits = word.Length >= 8 ? 2 : 1;
        var automaton = new LevenshteinAutomata(word, true).ToAutomaton(maxEdits);
        var matches = terms.Intersect(new CompiledAutomaton(automaton), null);
        string? best = null;
        var bestEdits = int.MaxValue;
        var bestFrequency = 0;
        var seen = 0;
        while (matches.MoveNext() && seen++ < 200)
        {
            var candidate = matches.Term.Utf8ToString();
            var edits = Distance(word, candidate);
            var frequency = matches.DocFreq;
            if (edits < bestEdits || (edits == bestEdits && frequency > bestFrequency))
            {
                (best, bestEdits, bestFrequency) = (candidate, edits, frequency);
            }
        }
        return best;
    }

    /// <summary>Edits between two words (insert, delete, replace, swap two neighbours).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
