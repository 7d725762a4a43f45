using System.Text.RegularExpressions;

namespace Academy.Tests.Architecture;

/// <summary>
/// In a view, <c>T["… {0} …", x]</c> is an IViewLocalizer's LocalizedHtmlString: it fills in its arguments only when
/// written to the page, and its <c>.Value</c> is the bare template ("hoogstens {0} tekens" on the page). Text with
/// arguments that is used as a string goes through <c>T.GetString(…, x).Value</c>.
/// </summary>
public sealed class LocalizedTextRulesTests
{
    private static readonly Regex TemplateValueWithArguments = new(@"T\[""[^""]*\{\d+\}[^""]*""\s*,(?:[^\[\]]|\[[^\[\]]*\])*\]\.Value", RegexOptions.Compiled);

    [Fact]
    public void No_view_takes_the_unformatted_value_of_a_localized_text_with_arguments()
    {
        var offenders = Directory.GetFiles(Path.Combine(ViewRulesTests.Root, "src"), "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(ViewRulesTests.Root, "themes"), "*.cshtml", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(ViewRulesTests.Root, f), Line: i + 1, Text: line)))
            .Where(l => TemplateValueWithArguments.IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Use T.GetString(text, args).Value:\n" + string.Join("\n", offenders));
    }

    [Theory]
    [InlineData(@"ViewData[""Title""] = T[""Melding {0}"", m.Reference].Value;", true)]
    [InlineData(@"description=""@T[""Een paar zinnen, hoogstens {0} tekens."", UserProfile.BioMaxLength].Value""", true)]
    [InlineData(@"ViewData[""Title""] = T.GetString(""Melding {0}"", m.Reference).Value;", false)]
    [InlineData(@"@T[""De meeste vragen gingen over ‘{0}’ ({1})."", T[topTopic.Label].Value, topTopic.Shown]", false)]
    [InlineData(@"label=""@T[""Over jezelf""].Value""", false)]
    [InlineData(@"@T[""door {0}"", entry.Actor ?? T[""de site""].Value]", false)]
    [InlineData(@"title=""@T[""Pagina {0}"", pages[i]].Value""", true)]
    public void The_rule_tells_the_unformatted_value_from_the_right_uses(string line, bool offends) =>
        Assert.Equal(offends, TemplateValueWithArguments.IsMatch(line));
}
