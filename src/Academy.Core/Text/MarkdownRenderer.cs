using Ganss.Xss;
using Markdig;
using Microsoft.Extensions.Caching.Memory;

namespace Academy.Core.Text;

/// <summary>
/// Markdown to HTML, sanitised on output so stored text can never inject script. Sanitising is the
/// expensive part, so results are kept (bounded) by their source text.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MemoryCache _rendered = new(new MemoryCacheOptions { SizeLimit = 4_000_000 });

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        if (_rendered.TryGetValue(markdown, out string? html) && html is not null)
        {
            return html;
        }
        html = _sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline));
        _rendered.Set(markdown, html, new MemoryCacheEntryOptions { Size = markdown.Length + html.Length, SlidingExpiration = TimeSpan.FromHours(1) });
        return html;
    }

    /// <summary>The same sanitising for HTML rendered elsewhere from Markdown (the mail renderer).</summary>
    public string Sanitize(string html) => _sanitizer.Sanitize(html);

    public string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToPlainText(markdown, _pipeline).Trim();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("tel");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        return sanitizer;
    }
}
