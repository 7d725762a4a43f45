using System.Reflection;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Compound;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Academy.Search.Services;

/// <summary>
/// The Dutch text analysis of the index and of queries. Every field lower-cases and folds accents (casuïstiek =
/// casuistiek). The text fields (title, summary, text) drop stop words and stem with the Dutch Snowball stemmer
/// (trainingen = training). The "plain" fields keep whole words (spelling, fuzzy matching and suggestions).
/// Compound words: the "parts" field also indexes the known parts inside a long word, from a curated list of this
/// domain's word parts (compound-parts.txt). A list rather than the index's own vocabulary keeps the analysis the
/// same on every node and every rebuild, and keeps noise low: a part only counts when it is a real word of the
/// domain, and the parts field weighs far less than the title and text, so "subsidie" finds "loonkostensubsidie"
/// but ranks documents about subsidie itself first. Synonyms are expanded at query time (<see cref="SearchQueryBuilder"/>),
/// so a changed synonym list needs no rebuild.
/// </summary>
public static class DutchAnalysis
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The analyser for every field of the index (and for query text per field).</summary>
    public static Analyzer Create()
    {
        var stemmed = new StemmedAnalyzer();
        var plain = new PlainAnalyzer();
        return new PerFieldAnalyzerWrapper(stemmed, new Dictionary<string, Analyzer>
        {
            [SearchFields.Plain] = plain,
            [SearchFields.TitleWords] = plain,
            [SearchFields.Parts] = new CompoundPartsAnalyzer(CompoundParts.Value),
        });
    }

    /// <summary>The words of a text as the plain fields index them (lower case, no accents, no stemming).</summary>
    public static List<string> PlainWords(Analyzer analyzer, string text, int max)
    {
        var words = new List<string>();
        foreach (var (term, _) in Tokens(analyzer, SearchFields.Plain, text))
        {
            if (words.Count >= max)
            {
                break;
            }
            words.Add(term);
        }
        return words;
    }

    /// <summary>The terms of <paramref name="text"/> as <paramref name="field"/> indexes them, with their positions.</summary>
    public static List<(string Term, int Position)> Tokens(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add((term.ToString(), position));
        }
        stream.End();
        return tokens;
    }

    private static readonly Lazy<CharArraySet> CompoundParts = new(() =>
    {
        using var stream = typeof(DutchAnalysis).Assembly.GetManifestResourceStream("compound-parts.txt")
            ?? throw new InvalidOperationException("compound-parts.txt is not embedded");
        using var reader = new StreamReader(stream);
        var words = reader.ReadToEnd().Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();
        return new CharArraySet(Version, words, true);
    });

    /// <summary>Folded stop words: the Snowball list holds accented forms (één) that the folding before it would miss.</summary>
    private static readonly Lazy<CharArraySet> StopWords = new(() =>
    {
        var folded = new List<string>();
        foreach (object word in (System.Collections.IEnumerable)DutchAnalyzer.DefaultStopSet)
        {
            folded.Add(RemoveAccents(word is char[] chars ? new string(chars) : word.ToString() ?? ""));
        }
        return new CharArraySet(Version, folded, true);
    });

    private static string RemoveAccents(string word) =>
        new(word.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .ToArray());

    private static TokenStream Folded(Tokenizer tokenizer) =>
        new ASCIIFoldingFilter(new LowerCaseFilter(Version, tokenizer));

    private static TokenStream Stemmed(TokenStream stream) =>
        new SnowballFilter(new StopFilter(Version, stream, StopWords.Value), new Lucene.Net.Tartarus.Snowball.Ext.DutchStemmer());

    private sealed class PlainAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            return new TokenStreamComponents(tokenizer, Folded(tokenizer));
        }
    }

    private sealed class StemmedAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            return new TokenStreamComponents(tokenizer, Stemmed(Folded(tokenizer)));
        }
    }

    /// <summary>Splits words of 8 letters or more into the listed parts they contain (each part 4 to 20 letters), then stems.</summary>
    private sealed class CompoundPartsAnalyzer(CharArraySet parts) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            var split = new DictionaryCompoundWordTokenFilter(Version, Folded(tokenizer), parts, 8, 4, 20, false);
            return new TokenStreamComponents(tokenizer, Stemmed(split));
        }
    }
}
