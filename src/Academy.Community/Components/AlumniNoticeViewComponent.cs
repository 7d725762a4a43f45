using Academy.Community.Services;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Community.Components;

/// <summary>
/// "Je bent welkom in de groep HARRIE-alumni" with a join button, for alumni who are not a member yet: on the group list
/// (<paramref name="onGroup"/> null) and on the alumni group's own page.
/// </summary>
public sealed class AlumniNoticeViewComponent(AlumniOffer offer) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string? onGroup)
    {
        var group = await offer.OfferAsync(UserClaimsPrincipal, HttpContext.RequestAborted);
        return group is null || (onGroup is not null && onGroup != group.Slug) ? Content("") : View(group);
    }
}
