using Academy.Community.Services;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Community.Controllers;

public sealed record GroupKennisbankModel(GroupContext Context, IReadOnlyList<ArticleRow> Articles, FileListModel Files);

/// <summary>
/// The kennisbank and files sections of a group page: the newest articles and files the viewer may see, with links to
/// the full lists. A view component, so the group page needs one line and its controller nothing.
/// </summary>
public sealed class GroupKennisbankViewComponent(KennisbankReads reads) : ViewComponent
{
    public const int Shown = 5;

    public async Task<IViewComponentResult> InvokeAsync(GroupContext context)
    {
        var group = context.Group;
        var articles = await reads.ArticlesAsync(context.Viewer, group.Id, Shown, HttpContext.RequestAborted);
        var files = await reads.GroupFilesAsync(context.Viewer, group, context.Rights, context.CanRead,
            Url.RouteUrl(KennisbankRoutes.GroupFiles, new { group = group.Slug })!, Shown, HttpContext.RequestAborted);
        return View(new GroupKennisbankModel(context, articles, files));
    }
}
