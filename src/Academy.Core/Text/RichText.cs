using System.Text.RegularExpressions;

namespace Academy.Core.Text;

/// <summary>
/// Gives the elements of sanitised Markdown HTML the NL Design System (Utrecht) classes, so body text
/// looks like the rest of the page. Elements that already have a class are left alone.
/// </summary>
public static partial class RichText
{
    private static readonly Dictionary<string, string> Classes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["h1"] = "utrecht-heading-1",
        ["h2"] = "utrecht-heading-2",
        ["h3"] = "utrecht-heading-3",
        ["h4"] = "utrecht-heading-4",
        ["h5"] = "utrecht-heading-5",
        ["h6"] = "utrecht-heading-6",
        ["p"] = "utrecht-paragraph",
        ["ul"] = "utrecht-unordered-list",
        ["ol"] = "utrecht-ordered-list",
        ["a"] = "utrecht-link",
        ["blockquote"] = "utrecht-blockquote",
        ["table"] = "utrecht-table",
    };

    public static string WithUtrechtClasses(string html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return html;
        }
        // The page has its own h1: a body that brings one is moved a level down.
        if (html.Contains("<h1", StringComparison.OrdinalIgnoreCase))
        {
            html = Heading().Replace(html, m => $"<{m.Groups[1].Value}h{Math.Min(6, m.Groups[2].Value[0] - '0' + 1)}");
        }
        return OpeningTag().Replace(html, m => $"<{m.Groups[1].Value} class=\"{Classes[m.Groups[1].Value]}\"{m.Groups[2].Value}");
    }

    [GeneratedRegex(@"<(/?)h([1-6])(?=[\s>])", RegexOptions.IgnoreCase)]
    private static partial Regex Heading();

    [GeneratedRegex(@"<(h[1-6]|p|ul|ol|a|blockquote|table)(\s(?![^>]*\bclass=)[^>]*>|>)", RegexOptions.IgnoreCase)]
    private static partial Regex OpeningTag();
}
