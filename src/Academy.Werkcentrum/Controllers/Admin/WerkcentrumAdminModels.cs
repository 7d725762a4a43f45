using Academy.Core.Content;
using Academy.Core.Content.Display;

namespace Academy.Werkcentrum.Controllers.Admin;

public sealed record AdminTypeList(ContentTypeDefinition Type, IReadOnlyList<ContentItem> Items);

public sealed record WerkcentrumAdminIndexModel(IReadOnlyList<AdminTypeList> Types, string? Notice);

public sealed class WerkcentrumEditModel
{
    public required ContentTypeDefinition Type { get; init; }
    public required ContentItem Item { get; init; }
    public required bool IsNew { get; init; }
    public required IReadOnlyList<PartEditor> Editors { get; init; }
    public required FormErrors Errors { get; init; }
    public IReadOnlyList<(string? TargetId, string Message)> Summary { get; init; } = [];
}
