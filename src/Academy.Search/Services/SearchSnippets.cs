using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace Academy.Search.Services;

/// <summary>
/// A hit's snippet: the best one or two passages of its text (else its summary) with the query's words in
/// &lt;mark&gt;, by Lucene's Highlighter; everything else HTML-encoded. Without a match, the start of the summary or text.
/// </summary>
public static class SearchSnippets
{
    public const int FragmentLength = 160;
    private const string Separator = " … ";

    public static string For(Analyzer analyzer, Query query, Document doc)
    {
        foreach (var field in new[] { SearchFields.Text, SearchFields.Summary })
        {
            var value = doc.Get(field);
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }
            var scorer = new QueryScorer(query, field);
            var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), scorer)
            {
                TextFragmenter = new SimpleSpanFragmenter(scorer, FragmentLength),
                MaxDocCharsToAnalyze = 10_000,
            };
            try
            {
                using var tokens = analyzer.GetTokenStream(field, value);
                var fragments = highlighter.GetBestFragments(tokens, value, 2, Separator);
                if (!string.IsNullOrWhiteSpace(fragments))
                {
                    return fragments.Trim();
                }
            }
            catch (InvalidTokenOffsetsException)
            {
                // Fall back to the plain start below.
            }
        }
        var plain = doc.Get(SearchFields.Summary) ?? doc.Get(SearchFields.Text) ?? "";
        return SimpleHTMLEncoder.HtmlEncode(Shorten(plain, FragmentLength * 2));
    }

    private static string Shorten(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', max);
        return text[..(cut > max / 2 ? cut : max)] + "…";
    }
}
