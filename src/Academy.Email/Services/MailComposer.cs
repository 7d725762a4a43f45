using System.Net;
using System.Text.Encodings.Web;
using Academy.Core.Contracts;
using Academy.Core.Text;
using Fluid;
using Academy.Email.Abstractions;

namespace Academy.Email.Services;

/// <summary>
/// Renders mail from Liquid templates (as Orchard Core does). The body template produces Markdown in which every
/// output value is escaped (a name or organisation someone typed stays text: no link, image or markup can come
/// from it); <see cref="MailMarkdown"/> makes the plain-text part and the sanitised HTML part (inside a small
/// accessible mail layout) from it.
/// </summary>
public sealed class MailComposer(MailMarkdown mailMarkdown) : IMailComposer
{
    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = CreateOptions();

    public async Task<(string Subject, string Html, string Text)> ComposeAsync(
        string subjectTemplate, string bodyTemplate, IReadOnlyDictionary<string, object?> model) =>
        Render(await RenderAsync(subjectTemplate, model, "onderwerp", NullEncoder.Default),
            await RenderAsync(bodyTemplate, model, "tekst", MarkdownTextEncoder.Instance));

    public (string Subject, string Html, string Text) Render(string subject, string markdown)
    {
        subject = OneLine(subject);
        var (html, text) = mailMarkdown.Render(markdown.Trim());
        return (subject, MailLayout(subject, html), text);
    }

    private static async Task<string> RenderAsync(string source, IReadOnlyDictionary<string, object?> model, string part, TextEncoder encoder)
    {
        if (!Parser.TryParse(source ?? "", out var template, out var error))
        {
            throw new MailTemplateException($"De e-mailsjabloon ({part}) bevat een fout: {error}");
        }
        var context = new TemplateContext(Options);
        foreach (var (name, value) in model)
        {
            context.SetValue(name, value);
        }
        try
        {
            return await template.RenderAsync(context, encoder);
        }
        catch (Exception exception) when (exception is not MailTemplateException)
        {
            throw new MailTemplateException($"De e-mailsjabloon ({part}) kon niet worden gevuld: {exception.Message}", exception);
        }
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions { MemberAccessStrategy = UnsafeMemberAccessStrategy.Instance };
        options.ValueConverters.Add(LiquidValues.Convert);
        options.CultureInfo = DutchFormat.Culture;
        options.TimeZone = Academy.Core.Recipes.AmsterdamTime.Zone; // dates in mails read as Dutch local time
        return options;
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>A minimal HTML mail: Dutch, readable width, real text (no images), the subject as its title.</summary>
    private static string MailLayout(string subject, string bodyHtml) => $"""
        <!DOCTYPE html>
        <html lang="nl">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{WebUtility.HtmlEncode(subject)}</title>
        </head>
        <body style="margin:0;padding:0;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">
        <div role="article" aria-label="{WebUtility.HtmlEncode(subject)}" lang="nl" style="max-width:40em;margin:0 auto;padding:1em">
        {bodyHtml}
        </div>
        </body>
        </html>
        """;
}
