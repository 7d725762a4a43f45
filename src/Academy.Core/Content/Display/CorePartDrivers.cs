using Microsoft.Extensions.Localization;

namespace Academy.Core.Content.Display;

/// <summary>What the title editor posts.</summary>
public sealed class TitlePartInput
{
    public string? Title { get; set; }
}

/// <summary>What the web address (slug) editor posts.</summary>
public sealed class AutoroutePartInput
{
    public string? Slug { get; set; }
}

/// <summary>What the Markdown body editor posts.</summary>
public sealed class MarkdownBodyPartInput
{
    public string? Markdown { get; set; }
}

/// <summary>The editor of <see cref="TitlePart"/>, for every content type that has one. Position 0: a form starts with the title.</summary>
public sealed class TitlePartDriver(IStringLocalizer<TitlePartDriver> T) : ContentPartDriver<TitlePart, TitlePartInput>
{
    public const int MaxTitleLength = 300;

    public override int Position => 0;
    public override string EditorView => "~/Views/TitlePart/Edit.cshtml";

    protected override TitlePartInput Edit(ContentItem item, ContentTypeDefinition type, bool isNew) => new() { Title = item.As<TitlePart>().Title };

    protected override Task UpdateAsync(TitlePartInput input, ContentItem item, FormErrors errors)
    {
        var title = input.Title?.Trim() ?? "";
        if (title.Length > MaxTitleLength)
        {
            errors.Add(nameof(TitlePartInput.Title), T["De titel is te lang (maximaal {0} tekens).", MaxTitleLength]);
        }
        item.Apply(new TitlePart { Title = title });
        return Task.CompletedTask;
    }

    protected override IEnumerable<string> FieldOrder(TitlePartInput input) => [nameof(TitlePartInput.Title)];

    public override string? FieldFor(string validationKey) => validationKey == "TitlePart.Title" ? nameof(TitlePartInput.Title) : null;
}

/// <summary>The editor of <see cref="AutoroutePart"/>: the slug, derived from the title when left empty (<see cref="AutorouteHandler"/>).</summary>
public sealed class AutoroutePartDriver : ContentPartDriver<AutoroutePart, AutoroutePartInput>
{
    public override int Position => 1;
    public override string EditorView => "~/Views/AutoroutePart/Edit.cshtml";

    protected override AutoroutePartInput Edit(ContentItem item, ContentTypeDefinition type, bool isNew) => new() { Slug = item.As<AutoroutePart>().Path };

    protected override Task UpdateAsync(AutoroutePartInput input, ContentItem item, FormErrors errors)
    {
        item.Apply(new AutoroutePart { Path = input.Slug?.Trim() ?? "" });
        return Task.CompletedTask;
    }

    protected override IEnumerable<string> FieldOrder(AutoroutePartInput input) => [nameof(AutoroutePartInput.Slug)];

    public override string? FieldFor(string validationKey) => validationKey == "AutoroutePart.Path" ? nameof(AutoroutePartInput.Slug) : null;
}

/// <summary>
/// The editor of <see cref="MarkdownBodyPart"/>. Position 3, so a module can put a short summary (2) between the
/// address and the body; other modules' parts follow at 4 and up.
/// </summary>
public sealed class MarkdownBodyPartDriver : ContentPartDriver<MarkdownBodyPart, MarkdownBodyPartInput>
{
    public override int Position => 3;
    public override string EditorView => "~/Views/MarkdownBodyPart/Edit.cshtml";

    protected override MarkdownBodyPartInput Edit(ContentItem item, ContentTypeDefinition type, bool isNew) =>
        new() { Markdown = item.As<MarkdownBodyPart>().Markdown };

    protected override Task UpdateAsync(MarkdownBodyPartInput input, ContentItem item, FormErrors errors)
    {
        // Browsers send text areas with CRLF line ends; store LF, as the recipes do. Unchanged text leaves the JSON alone.
        var markdown = input.Markdown?.ReplaceLineEndings("\n") ?? "";
        if (item.As<MarkdownBodyPart>().Markdown != markdown)
        {
            item.Apply(new MarkdownBodyPart { Markdown = markdown });
        }
        return Task.CompletedTask;
    }

    protected override IEnumerable<string> FieldOrder(MarkdownBodyPartInput input) => [nameof(MarkdownBodyPartInput.Markdown)];

    public override string? FieldFor(string validationKey) => validationKey == "MarkdownBodyPart.Markdown" ? nameof(MarkdownBodyPartInput.Markdown) : null;
}
