using Academy.Community.Models;
using Academy.Users.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Services;

/// <summary>An article in a list, with the group it stands in (null: the whole community).</summary>
public sealed record ArticleRow(ArticleIndex Article, CommunityGroup? Group);

/// <summary>A file in a list, with the uploader's name and whether the viewer may delete it.</summary>
public sealed record FileRow(CommunityFile File, string UploaderName, bool MayDelete);

/// <param name="UploadAction">Where the upload form posts; null: the viewer may not upload here.</param>
/// <param name="Refused">Why files cannot be added here at all (a casuïstiek group); shown instead of the form.</param>
public sealed record FileListModel(IReadOnlyList<FileRow> Files, string? UploadAction, AccessLevel DefaultAccess, string? Refused)
{
    public string? Error { get; init; }
}

/// <summary>The lists of the kennisbank pages and the group page, always through <see cref="KennisbankAccess"/>.</summary>
public sealed class KennisbankReads(KennisbankAccess kennisbank, CommunityAccess access, IMemberProfiles profiles)
{
    /// <summary>Articles the viewer may open, newest first: of one group, or (null) of the whole community and every group.</summary>
    public async Task<IReadOnlyList<ArticleRow>> ArticlesAsync(CommunityViewer viewer, long? groupId, int take, CancellationToken cancellationToken)
    {
        var articles = kennisbank.VisibleArticles(viewer).AsNoTracking();
        if (groupId is { } id)
        {
            articles = articles.Where(a => a.GroupId == id);
        }
        var rows = await articles
            .OrderByDescending(a => a.PublishedUtc ?? a.ModifiedUtc).ThenBy(a => a.Title)
            .Take(take)
            .Select(a => new { Article = a, Group = access.Groups.FirstOrDefault(g => g.Id == a.GroupId) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ArticleRow(r.Article, r.Group)).ToList();
    }

    public const int ListSize = 200;

    /// <summary>An article's attachments and, for its writers, the upload form (never in a casuïstiek group).</summary>
    public async Task<FileListModel> ArticleFilesAsync(CommunityViewer viewer, ArticleIndex article, CommunityGroup? group, bool mayWrite, string uploadAction, CancellationToken cancellationToken)
    {
        var rows = await FilesAsync(viewer, article.GroupId, article.ContentItemId, mayWrite, ListSize, cancellationToken);
        return List(rows, group, mayWrite, uploadAction, article.Access);
    }

    /// <summary>A group's own files (when the viewer may read the group's content) and, for members, the upload form.</summary>
    public async Task<FileListModel> GroupFilesAsync(CommunityViewer viewer, CommunityGroup group, GroupRights rights, bool canRead, string uploadAction, int take, CancellationToken cancellationToken)
    {
        var rows = canRead || rights.Manages ? await FilesAsync(viewer, group.Id, null, rights.Manages, take, cancellationToken) : [];
        return List(rows, group, rights.Posts, uploadAction, group.Access);
    }

    private static FileListModel List(IReadOnlyList<FileRow> rows, CommunityGroup? group, bool mayUpload, string uploadAction, AccessLevel access)
    {
        var refused = group?.GuardsPrivacy == true ? CommunityFiles.NotInCasuistiek : null;
        return new FileListModel(rows, mayUpload && refused is null ? uploadAction : null, access, mayUpload ? refused : null);
    }

    /// <summary>A group's own files (<paramref name="articleId"/> null) or an article's attachments, newest first.</summary>
    public async Task<IReadOnlyList<FileRow>> FilesAsync(CommunityViewer viewer, long? groupId, string? articleId, bool manages, int take, CancellationToken cancellationToken)
    {
        var files = kennisbank.ReadableFiles(viewer).AsNoTracking();
        files = articleId is null ? files.Where(f => f.GroupId == groupId && f.ArticleId == null) : files.Where(f => f.ArticleId == articleId);
        var list = await files.OrderByDescending(f => f.CreatedUtc).ThenByDescending(f => f.Id).Take(take).ToListAsync(cancellationToken);
        var names = await profiles.GetManyAsync(list.Select(f => f.UploaderUserId), cancellationToken);
        return list.Select(f => new FileRow(f, names.GetValueOrDefault(f.UploaderUserId)?.DisplayName ?? "Oud-lid",
            manages || (viewer.TakesPart && f.UploaderUserId == viewer.UserId))).ToList();
    }
}
