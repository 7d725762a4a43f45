using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Academy.Email.Services;

/// <summary>
/// The plain-text part of a mail from its Markdown: readable text without Markdown syntax. Paragraphs are
/// separated by a blank line, list items start with "- " or their number, and a link reads "text (url)".
/// </summary>
public static class MailPlainText
{
    public static string Render(MarkdownDocument document)
    {
        var text = new StringBuilder();
        Blocks(text, document);
        var lines = text.ToString().Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd());
        // At most one blank line in a row.
        var result = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            blank = line.Length == 0 ? blank + 1 : 0;
            if (blank <= 1)
            {
                result.Append(line).Append('\n');
            }
        }
        return result.ToString().Trim();
    }

    private static void Blocks(StringBuilder text, ContainerBlock container)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case ListBlock list:
                    List(text, list);
                    break;
                case QuoteBlock quote:
                    Prefixed(text, Inner(quote), "> ", "> ");
                    text.Append('\n');
                    break;
                case Table table:
                    foreach (var row in table.OfType<TableRow>())
                    {
                        text.Append(string.Join(" | ", row.OfType<TableCell>().Select(c => Inner(c).Trim()))).Append('\n');
                    }
                    text.Append('\n');
                    break;
                case ThematicBreakBlock:
                    text.Append("----\n\n");
                    break;
                case CodeBlock code:
                    text.Append(code.Lines.ToString()).Append("\n\n");
                    break;
                case ContainerBlock inner:
                    Blocks(text, inner);
                    break;
                case LeafBlock leaf:
                    text.Append(Inlines(leaf.Inline)).Append("\n\n");
                    break;
            }
        }
    }

    private static void List(StringBuilder text, ListBlock list)
    {
        var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var marker = list.IsOrdered ? $"{number++}. " : "- ";
            Prefixed(text, Inner(item), marker, new string(' ', marker.Length));
        }
        text.Append('\n');
    }

    private static string Inner(ContainerBlock block)
    {
        var inner = new StringBuilder();
        Blocks(inner, block);
        return inner.ToString();
    }

    private static void Prefixed(StringBuilder text, string inner, string first, string rest)
    {
        var lines = inner.Trim('\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            text.Append(i == 0 ? first : lines[i].Length == 0 ? "" : rest).Append(lines[i]).Append('\n');
        }
    }

    /// <summary>The text of inlines; a link is "text (url)", or the url alone when the text is the url.</summary>
    public static string Inlines(ContainerInline? container)
    {
        var text = new StringBuilder();
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append('\n');
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.ToString());
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case LinkInline link:
                    var label = Inlines(link);
                    text.Append(link.IsImage || label == link.Url || string.IsNullOrEmpty(link.Url) ? label : $"{label} ({link.Url})");
                    break;
                case ContainerInline inner:
                    text.Append(Inlines(inner));
                    break;
            }
        }
        return text.ToString();
    }
}
