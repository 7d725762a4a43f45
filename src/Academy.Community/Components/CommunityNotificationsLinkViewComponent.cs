using Academy.Community.Services;
using Academy.Community.Services.Notifications;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Community.Components;

/// <summary>
/// The link to "Mijn meldingen" with the unread count, on the community's pages (server-rendered, no script). A page
/// that read the count with its own data passes it (InvokeAsync's unread); other pages have it counted here.
/// </summary>
public sealed class CommunityNotificationsLinkViewComponent(NotificationInbox inbox) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int? unread = null)
    {
        var viewer = CommunityViewer.From(HttpContext.User);
        if (!viewer.SignedIn)
        {
            return Content("");
        }
        return View(unread ?? await inbox.UnreadCountAsync(viewer, HttpContext.RequestAborted));
    }
}
