using Academy.Community.Abstractions;
using Academy.Community.Models;
using Academy.Community.Services;
using Academy.Core.Content;
using Academy.Core.Content.Display;
using Academy.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Controllers;

/// <summary>
/// The kennisbank: the community's list, a group's list, an article's page, and writing articles (content items of
/// type <see cref="KennisbankTypes.Article"/>, composed from the part editors, saved as a draft or published).
/// Group managers write their group's articles; moderators (Beheerder, Leercoördinator) write everywhere and site-wide.
/// </summary>
[Route("community")]
public sealed class KennisbankController(
    CommunityAccess access,
    KennisbankAccess kennisbank,
    KennisbankReads reads,
    ContentManager content,
    ContentDefinitionManager definitions,
    ContentPartEditors partEditors,
    CommunityFiles files) : CommunityControllerBase(access)
{
    [HttpGet("kennisbank", Name = KennisbankRoutes.Index)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var viewer = Viewer;
        var articles = await reads.ArticlesAsync(viewer, null, KennisbankReads.ListSize, cancellationToken);
        var mayWrite = viewer.Moderates || (await kennisbank.WritableGroupsAsync(viewer, cancellationToken)).Count > 0;
        return View(new KennisbankListModel(null, articles, mayWrite, Notice));
    }

    [HttpGet("{group}/kennisbank", Name = KennisbankRoutes.Group)]
    public async Task<IActionResult> Group(string group, CancellationToken cancellationToken)
    {
        var (context, denied) = await GroupAsync(group, cancellationToken);
        if (context is null)
        {
            return denied!;
        }
        var articles = await reads.ArticlesAsync(context.Viewer, context.Group.Id, KennisbankReads.ListSize, cancellationToken);
        return View("Index", new KennisbankListModel(context.Group, articles, context.Rights.Manages, Notice));
    }

    [HttpGet("kennisbank/{articleId:length(1,64)}", Name = KennisbankRoutes.Article)]
    public async Task<IActionResult> Show(string articleId, CancellationToken cancellationToken)
    {
        var (article, denied) = await VisibleAsync(articleId, cancellationToken);
        if (article is null)
        {
            return denied!;
        }
        var viewer = Viewer;
        var mayWrite = await kennisbank.WritesAsync(viewer, article.GroupId, cancellationToken);
        var version = await content.GetAsync(articleId, mayWrite ? VersionOptions.Latest : VersionOptions.Published);
        if (version is null)
        {
            return NotFound();
        }
        var group = await GroupOfAsync(article, cancellationToken);
        var list = await reads.ArticleFilesAsync(viewer, article, group, mayWrite,
            Url.RouteUrl(KennisbankRoutes.Attachments, new { articleId = article.ContentItemId })!, cancellationToken);
        return View(new ArticlePageModel(article, version, group, list, mayWrite, Notice));
    }

    [RequirePermission(CommunityPermissionNames.TakePartInCommunity)]
    [HttpGet("kennisbank/nieuw", Name = KennisbankRoutes.New)]
    public async Task<IActionResult> New(string? groep, CancellationToken cancellationToken)
    {
        var viewer = Viewer;
        var writable = await kennisbank.WritableGroupsAsync(viewer, cancellationToken);
        if (!viewer.Moderates && writable.Count == 0)
        {
            // Every professional may follow a "Nieuw artikel" link; who may not write here reads who can.
            return View("NoWriter");
        }
        var item = await content.NewAsync(KennisbankTypes.Article);
        var group = writable.FirstOrDefault(g => g.Slug == groep) ?? (viewer.Moderates ? null : writable[0]);
        item.Apply(new KennisbankArticlePart { Group = group?.Slug ?? "", Access = group?.Access ?? AccessLevel.Professionals });
        var editors = partEditors.Edit(item, await TypeAsync(), true, new FormErrors());
        return EditView(item, isNew: true, new FormErrors(), await PrepareAsync(editors));
    }

    [RequirePermission(CommunityPermissionNames.TakePartInCommunity)]
    [HttpPost("kennisbank/nieuw")]
    public async Task<IActionResult> Create(string? actie, CancellationToken cancellationToken)
    {
        var viewer = Viewer;
        if (!viewer.Moderates && (await kennisbank.WritableGroupsAsync(viewer, cancellationToken)).Count == 0)
        {
            return Forbid();
        }
        return await SaveAsync(await content.NewAsync(KennisbankTypes.Article), isNew: true, actie, cancellationToken);
    }

    [RequirePermission(CommunityPermissionNames.TakePartInCommunity)]
    [HttpGet("kennisbank/{articleId:length(1,64)}/bewerken", Name = KennisbankRoutes.Edit)]
    public async Task<IActionResult> Edit(string articleId, CancellationToken cancellationToken)
    {
        var (item, denied) = await WritableAsync(articleId, cancellationToken);
        if (item is null)
        {
            return denied!;
        }
        var editors = partEditors.Edit(item, await TypeAsync(), false, new FormErrors());
        return EditView(item, isNew: false, new FormErrors(), await PrepareAsync(editors));
    }

    [RequirePermission(CommunityPermissionNames.TakePartInCommunity)]
    [HttpPost("kennisbank/{articleId:length(1,64)}/bewerken")]
    public async Task<IActionResult> Edit(string articleId, string? actie, CancellationToken cancellationToken)
    {
        var (item, denied) = await WritableAsync(articleId, cancellationToken);
        return item is null ? denied! : await SaveAsync(item, isNew: false, actie, cancellationToken);
    }

    [RequirePermission(CommunityPermissionNames.TakePartInCommunity)]
    [HttpPost("kennisbank/{articleId:length(1,64)}/verwijderen", Name = KennisbankRoutes.Delete)]
    public async Task<IActionResult> Delete(string articleId, CancellationToken cancellationToken)
    {
        var (item, denied) = await WritableAsync(articleId, cancellationToken);
        if (item is null)
        {
            return denied!;
        }
        var attachments = await kennisbank.Files.AsNoTracking().Where(f => f.ArticleId == articleId).ToListAsync(cancellationToken);
        var slug = item.As<KennisbankArticlePart>().Group;
        await content.RemoveAsync(articleId);
        await files.DeleteStoredAsync(attachments);
        var notice = $"Het artikel '{item.DisplayText}' is verwijderd, met zijn bijlagen.";
        return slug.Length == 0 ? Done(notice, KennisbankRoutes.Index, new { }) : Done(notice, KennisbankRoutes.Group, new { group = slug });
    }

    /// <summary>The article when the viewer may open it; else a login for a visitor (when it exists for professionals) or 404.</summary>
    private async Task<(ArticleIndex?, IActionResult?)> VisibleAsync(string articleId, CancellationToken cancellationToken)
    {
        var viewer = Viewer;
        var article = await kennisbank.VisibleArticles(viewer).AsNoTracking().FirstOrDefaultAsync(a => a.ContentItemId == articleId, cancellationToken);
        if (article is not null)
        {
            return (article, null);
        }
        var forProfessionals = !viewer.SignedIn && await kennisbank.Articles.AnyAsync(a => a.ContentItemId == articleId && a.Published && a.Access == AccessLevel.Professionals, cancellationToken);
        return (null, forProfessionals ? Challenge() : NotFound());
    }

    /// <summary>The latest version when the viewer writes the article; else 404 (cannot see it) or 403.</summary>
    private async Task<(ContentItem?, IActionResult?)> WritableAsync(string articleId, CancellationToken cancellationToken)
    {
        var (article, denied) = await VisibleAsync(articleId, cancellationToken);
        if (article is null)
        {
            return (null, denied);
        }
        if (!await kennisbank.WritesAsync(Viewer, article.GroupId, cancellationToken))
        {
            return (null, Forbid());
        }
        var item = await content.GetAsync(articleId, VersionOptions.Latest);
        return item is null ? (null, NotFound()) : (item, null);
    }

    private async Task<IActionResult> SaveAsync(ContentItem item, bool isNew, string? action, CancellationToken cancellationToken)
    {
        var type = await TypeAsync();
        var errors = new FormErrors();
        var editors = await partEditors.BindAsync(type, (model, modelType) => TryUpdateModelAsync(model, modelType, ""), errors);
        ModelState.Clear();
        await ContentPartEditors.UpdateAsync(editors, item);
        var groupId = await GroupIdAsync(item.As<KennisbankArticlePart>().Group, cancellationToken);
        if (!errors.Any && (groupId is null && item.As<KennisbankArticlePart>().Group.Length > 0 || !await kennisbank.WritesAsync(Viewer, groupId, cancellationToken)))
        {
            // The part editor refuses groups the writer does not manage; this holds even if it did not.
            return Forbid();
        }
        if (!errors.Any)
        {
            try
            {
                var userId = Viewer.UserId!;
                item.Owner ??= userId;
                if (action == "publiceren")
                {
                    await content.SaveAndPublishAsync(item, userId);
                }
                else
                {
                    await content.SaveDraftAsync(item, userId);
                }
                return Done(action == "publiceren" ? "Het artikel is gepubliceerd." : "Het artikel is opgeslagen als concept. Alleen schrijvers van de groep zien het.",
                    KennisbankRoutes.Article, new { articleId = item.ContentItemId });
            }
            catch (ContentValidationException exception)
            {
                foreach (var (key, message) in exception.Result.Errors)
                {
                    errors.Add(ContentPartEditors.FieldFor(editors, key), message);
                }
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return EditView(item, isNew, errors, await PrepareAsync(editors));
    }

    private async Task<IReadOnlyList<PartEditor>> PrepareAsync(IReadOnlyList<PartEditor> editors)
    {
        await ContentPartEditors.PrepareAsync(editors);
        return editors;
    }

    private IActionResult EditView(ContentItem item, bool isNew, FormErrors errors, IReadOnlyList<PartEditor> editors)
    {
        var slug = item.As<KennisbankArticlePart>().Group;
        var cancel = !isNew ? Url.RouteUrl(KennisbankRoutes.Article, new { articleId = item.ContentItemId })
            : slug.Length > 0 ? Url.RouteUrl(KennisbankRoutes.Group, new { group = slug }) : Url.RouteUrl(KennisbankRoutes.Index);
        return View("Edit", new ArticleEditModel
        {
            Item = item, IsNew = isNew, Editors = editors, Errors = errors,
            Summary = ContentPartEditors.ErrorSummary(editors, errors), CancelUrl = cancel!,
        });
    }

    private async Task<ContentTypeDefinition> TypeAsync() =>
        await definitions.GetTypeAsync(KennisbankTypes.Article) ?? KennisbankTypes.Definition();

    private async Task<long?> GroupIdAsync(string slug, CancellationToken cancellationToken) =>
        slug.Length == 0 ? null : await Access.Groups.Where(g => g.Slug == slug).Select(g => (long?)g.Id).FirstOrDefaultAsync(cancellationToken);

    private async Task<CommunityGroup?> GroupOfAsync(ArticleIndex article, CancellationToken cancellationToken) =>
        article.GroupId is { } id ? await Access.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, cancellationToken) : null;
}

/// <summary>Route names of the kennisbank and files.</summary>
public static class KennisbankRoutes
{
    public const string Index = "Community.Kennisbank.Index";
    public const string Group = "Community.Kennisbank.Group";
    public const string Article = "Community.Kennisbank.Show";
    public const string New = "Community.Kennisbank.New";
    public const string Edit = "Community.Kennisbank.Edit";
    public const string Delete = "Community.Kennisbank.Delete";
    public const string Attachments = "Community.Files.Article";
    public const string GroupFiles = "Community.Files.Group";
    public const string Download = "Community.Files.Download";
    public const string DeleteFile = "Community.Files.Delete";
}
