using Academy.Core.Contracts;
using Academy.Core.Hosting;
using Academy.Core.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.Extensions.Options;
using Academy.Email.Abstractions;

namespace Academy.Email.Services;

/// <summary>
/// Markdown for mail: only links to the site itself stay links (a link to any other host becomes its text and
/// address as plain text, so mail sent from the academy's address never carries someone else's link), images
/// are never shown (their description is), and the same document gives the HTML and the plain-text part.
/// </summary>
public sealed class MailMarkdown(MarkdownRenderer sanitizer, IOptions<AcademyOptions> site)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseListExtras()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    public (string Html, string Text) Render(string markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        KeepOwnLinksOnly(document);
        return (sanitizer.Sanitize(document.ToHtml(Pipeline)), MailPlainText.Render(document));
    }

    private void KeepOwnLinksOnly(MarkdownDocument document)
    {
        var baseUrl = site.Value.PublicBaseUrl.TrimEnd('/');
        MergeLiterals(document);
        foreach (var literal in document.Descendants<LiteralInline>().ToList())
        {
            // A one-time link reference in text (someone typed it) must never become a working link.
            var content = literal.Content.ToString();
            if (content.Contains(MailLinks.Segment, StringComparison.Ordinal))
            {
                literal.Content = new Markdig.Helpers.StringSlice(content.Replace(MailLinks.Segment, MailLinks.Segment.Insert(1, "\u2060"), StringComparison.Ordinal));
            }
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (autolink.IsEmail || OwnUrl(autolink.Url, baseUrl) is not { } own)
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
            else
            {
                autolink.Url = own;
            }
        }
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage)
            {
                link.ReplaceBy(new LiteralInline(MailPlainText.Inlines(link)), copyChildren: false);
            }
            else if (OwnUrl(link.Url, baseUrl) is { } own)
            {
                link.Url = own;
            }
            else
            {
                var text = MailPlainText.Inlines(link);
                link.ReplaceBy(new LiteralInline(string.IsNullOrEmpty(link.Url) || text == link.Url ? text : $"{text} ({link.Url})"), copyChildren: false);
            }
        }
    }

    /// <summary>Escaped text is parsed into many small literals; one literal per run lets a reference be found whole.</summary>
    private static void MergeLiterals(MarkdownDocument document)
    {
        foreach (var literal in document.Descendants<LiteralInline>().ToList())
        {
            if (literal.Parent is null)
            {
                continue; // merged into the one before it
            }
            var text = new System.Text.StringBuilder(literal.Content.ToString());
            while (literal.NextSibling is LiteralInline next)
            {
                text.Append(next.Content.ToString());
                next.Remove();
            }
            literal.Content = new Markdig.Helpers.StringSlice(text.ToString());
        }
    }

    /// <summary>The absolute address when <paramref name="url"/> points to the site itself (site-relative counts), else null.</summary>
    private static string? OwnUrl(string? url, string baseUrl)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(baseUrl + "/", UriKind.Absolute, out var site))
        {
            return null;
        }
        if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal))
        {
            return baseUrl + url;
        }
        return Uri.TryCreate(url, UriKind.Absolute, out var absolute)
            && absolute.Scheme is "http" or "https"
            && string.Equals(absolute.Host, site.Host, StringComparison.OrdinalIgnoreCase)
            && absolute.Port == site.Port
            && string.IsNullOrEmpty(absolute.UserInfo)
            ? url
            : null;
    }
}
