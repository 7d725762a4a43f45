using Academy.Core.Content;
using Academy.Core.Content.Display;

namespace Academy.Werkcentrum.Controllers.Admin;

/// <summary>
/// Title, web address and body, edited here as long as Core registers no drivers for TitlePart, AutoroutePart and
/// MarkdownBodyPart; once it does, those drivers take over (see <see cref="WerkcentrumAdminController"/>).
/// </summary>
public sealed class BaseContentInput
{
    public string? Title { get; set; }
    public string? Path { get; set; }
    public string? Markdown { get; set; }
}

public sealed record AdminTypeList(ContentTypeDefinition Type, IReadOnlyList<ContentItem> Items);

public sealed record WerkcentrumAdminIndexModel(IReadOnlyList<AdminTypeList> Types, string? Notice);

public sealed class WerkcentrumEditModel
{
    public required ContentTypeDefinition Type { get; init; }
    public required ContentItem Item { get; init; }
    public required bool IsNew { get; init; }
    /// <summary>Null when Core's own drivers edit title, address and body.</summary>
    public BaseContentInput? Base { get; init; }
    public bool HasPath { get; init; }
    public required IReadOnlyList<PartEditor> Editors { get; init; }
    public required FormErrors Errors { get; init; }
    public IReadOnlyList<(string? TargetId, string Message)> Summary { get; init; } = [];
}
