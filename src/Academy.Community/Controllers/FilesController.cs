using Academy.Community.Abstractions;
using Academy.Community.Models;
using Academy.Community.Services;
using Academy.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Academy.Community.Controllers;

/// <summary>What the upload form posts.</summary>
public sealed class UploadForm
{
    public IFormFile? Bestand { get; set; }
    public AccessLevel? Toegang { get; set; }
}

/// <summary>
/// Files of groups and articles: the group's files page, uploading (members to a group, writers to an article; never
/// in a casuïstiek group), downloading through <see cref="KennisbankAccess.ReadableFiles"/> (anything else is 404,
/// also for a guessed id), and deleting (the uploader, group managers, moderators).
/// </summary>
[Route("community")]
public sealed class FilesController(CommunityAccess access, KennisbankAccess kennisbank, KennisbankReads reads, CommunityFiles files) : CommunityControllerBase(access)
{
    [HttpGet("{group}/bestanden", Name = KennisbankRoutes.GroupFiles)]
    public async Task<IActionResult> Group(string group, CancellationToken cancellationToken)
    {
        var (context, denied) = await GroupAsync(group, cancellationToken);
        return context is null ? denied! : View("Index", await GroupPageAsync(context, null, cancellationToken));
    }

    [RequirePermission(CommunityPermissionNames.TakePartInCommunity)]
    [HttpPost("{group}/bestanden")]
    [RequestSizeLimit(CommunityFiles.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = CommunityFiles.MaxRequestBytes)]
    public async Task<IActionResult> UploadToGroup(string group, UploadForm form, CancellationToken cancellationToken)
    {
        var (context, denied) = await GroupAsync(group, cancellationToken);
        if (context is null || !context.Rights.Posts)
        {
            return context is null ? denied! : Forbid();
        }
        var (file, error) = await files.StoreAsync(new FileTarget(context.Group, null), form.Bestand, form.Toegang ?? context.Group.Access, Viewer.UserId!, cancellationToken);
        if (file is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await GroupPageAsync(context, error, cancellationToken));
        }
        return Done($"'{file.FileName}' staat bij de bestanden van de groep.", KennisbankRoutes.GroupFiles, new { group });
    }

    [HttpGet("kennisbank/{articleId:length(1,64)}/bijlagen", Name = KennisbankRoutes.Attachments)]
    public async Task<IActionResult> Article(string articleId, CancellationToken cancellationToken)
    {
        var article = await kennisbank.VisibleArticles(Viewer).AsNoTracking().FirstOrDefaultAsync(a => a.ContentItemId == articleId, cancellationToken);
        return article is null ? NotFound() : View("Index", await ArticlePageAsync(article, null, cancellationToken));
    }

    [RequirePermission(CommunityPermissionNames.TakePartInCommunity)]
    [HttpPost("kennisbank/{articleId:length(1,64)}/bijlagen")]
    [RequestSizeLimit(CommunityFiles.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = CommunityFiles.MaxRequestBytes)]
    public async Task<IActionResult> UploadToArticle(string articleId, UploadForm form, CancellationToken cancellationToken)
    {
        var viewer = Viewer;
        var article = await kennisbank.VisibleArticles(viewer).AsNoTracking().FirstOrDefaultAsync(a => a.ContentItemId == articleId, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }
        if (!await kennisbank.WritesAsync(viewer, article.GroupId, cancellationToken))
        {
            return Forbid();
        }
        var group = await GroupOfAsync(article.GroupId, cancellationToken);
        var (file, error) = await files.StoreAsync(new FileTarget(group, article), form.Bestand, form.Toegang ?? article.Access, viewer.UserId!, cancellationToken);
        if (file is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await ArticlePageAsync(article, error, cancellationToken));
        }
        return Done($"'{file.FileName}' is als bijlage toegevoegd.", KennisbankRoutes.Article, new { articleId });
    }

    /// <summary>
    /// A file the viewer may read. Images (WebP made by the site, no script possible) show inline; everything else is
    /// a download (<c>Content-Disposition: attachment</c>), so no uploaded document ever renders as a page of this site.
    /// </summary>
    [HttpGet("bestanden/{fileId:long}", Name = KennisbankRoutes.Download)]
    public async Task<IActionResult> Download(long fileId, string? formaat, CancellationToken cancellationToken)
    {
        var file = await kennisbank.ReadableFiles(Viewer).AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, cancellationToken);
        var stream = file is null ? null : await files.OpenAsync(file, formaat == "klein", cancellationToken);
        if (file is null || stream is null)
        {
            return NotFound();
        }
        var image = file.Kind == FileKind.Image;
        var disposition = new ContentDispositionHeaderValue(image ? "inline" : "attachment");
        disposition.SetHttpFileName(file.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.XContentTypeOptions = "nosniff";
        // Access can change; a shared cache must never keep a members-only file.
        Response.Headers.CacheControl = "private, no-cache";
        return File(stream, image ? "image/webp" : file.MediaType);
    }

    [RequirePermission(CommunityPermissionNames.TakePartInCommunity)]
    [HttpPost("bestanden/{fileId:long}/verwijderen", Name = KennisbankRoutes.DeleteFile)]
    public async Task<IActionResult> Delete(long fileId, CancellationToken cancellationToken)
    {
        var viewer = Viewer;
        var file = await kennisbank.ReadableFiles(viewer).AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, cancellationToken);
        if (file is null)
        {
            return NotFound();
        }
        var group = await GroupOfAsync(file.GroupId, cancellationToken);
        var manages = group is not null ? (await Access.RightsAsync(group, viewer, cancellationToken)).Manages : viewer.Moderates;
        if (!manages && file.UploaderUserId != viewer.UserId)
        {
            return Forbid();
        }
        await files.DeleteAsync(file.Id, cancellationToken);
        var notice = $"'{file.FileName}' is verwijderd.";
        return file.ArticleId is { } articleId
            ? Done(notice, KennisbankRoutes.Article, new { articleId })
            : Done(notice, KennisbankRoutes.GroupFiles, new { group = group!.Slug });
    }

    private async Task<FilesPageModel> GroupPageAsync(GroupContext context, string? error, CancellationToken cancellationToken)
    {
        var group = context.Group;
        var list = await reads.GroupFilesAsync(context.Viewer, group, context.Rights, context.CanRead,
            Url.RouteUrl(KennisbankRoutes.GroupFiles, new { group = group.Slug })!, KennisbankReads.ListSize, cancellationToken);
        return new FilesPageModel($"Bestanden van {group.Name}", Url.RouteUrl(CommunityRouteNames.Group, new { group = group.Slug })!,
            $"Terug naar {group.Name}", list with { Error = error }, Notice);
    }

    private async Task<FilesPageModel> ArticlePageAsync(ArticleIndex article, string? error, CancellationToken cancellationToken)
    {
        var viewer = Viewer;
        var mayWrite = await kennisbank.WritesAsync(viewer, article.GroupId, cancellationToken);
        var list = await reads.ArticleFilesAsync(viewer, article, await GroupOfAsync(article.GroupId, cancellationToken), mayWrite,
            Url.RouteUrl(KennisbankRoutes.Attachments, new { articleId = article.ContentItemId })!, cancellationToken);
        var back = Url.RouteUrl(KennisbankRoutes.Article, new { articleId = article.ContentItemId })!;
        return new FilesPageModel($"Bijlagen van {article.Title}", back, $"Terug naar {article.Title}", list with { Error = error }, Notice);
    }

    private async Task<CommunityGroup?> GroupOfAsync(long? groupId, CancellationToken cancellationToken) =>
        groupId is { } id ? await Access.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, cancellationToken) : null;
}
