using Academy.Community.Models;
using Academy.Community.Services;
using Academy.Core.Content;
using Academy.Core.Content.Display;

namespace Academy.Community.Controllers;

/// <param name="Group">The group whose kennisbank this is; null for the whole community's list.</param>
/// <param name="MayWrite">The viewer may start an article here.</param>
public sealed record KennisbankListModel(CommunityGroup? Group, IReadOnlyList<ArticleRow> Articles, bool MayWrite, string? Notice);

/// <summary>An article's page: the version the viewer reads (writers: the latest, maybe a draft), its files, and the upload form.</summary>
public sealed record ArticlePageModel(ArticleIndex Article, ContentItem Version, CommunityGroup? Group, FileListModel Files, bool MayWrite, string? Notice);

/// <summary>The article editor: the composed part editors, the error summary and where "annuleren" goes.</summary>
public sealed class ArticleEditModel
{
    public required ContentItem Item { get; init; }
    public required bool IsNew { get; init; }
    public required IReadOnlyList<PartEditor> Editors { get; init; }
    public required FormErrors Errors { get; init; }
    public required IReadOnlyList<(string? TargetId, string Message)> Summary { get; init; }
    public required string CancelUrl { get; init; }
}

/// <summary>The files page of a group or an article: the list and the upload form, also after a refused upload.</summary>
public sealed record FilesPageModel(string Heading, string BackUrl, string BackText, FileListModel Files, string? Notice);
