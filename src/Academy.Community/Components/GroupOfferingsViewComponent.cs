using Academy.Community.Services;
using Academy.Leeragenda.Abstractions;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Community.Components;

/// <summary>The group page's "Uit de leeragenda": upcoming offerings of the group's themes, with the leeragenda's own card.</summary>
public sealed class GroupOfferingsViewComponent(GroupThemes themes, IEnumerable<IThemeOfferings> offerings) : ViewComponent
{
    public const int Count = 4;

    public async Task<IViewComponentResult> InvokeAsync(long groupId)
    {
        var themeIds = await themes.GetAsync(groupId, HttpContext.RequestAborted);
        if (themeIds.Count == 0 || offerings.FirstOrDefault() is not { } source)
        {
            return Content("");
        }
        return View(await source.ForThemesAsync(themeIds, Count, HttpContext.RequestAborted));
    }
}
