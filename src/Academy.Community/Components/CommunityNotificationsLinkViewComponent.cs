using Academy.Community.Services;
using Academy.Community.Services.Notifications;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Community.Components;

/// <summary>The link to "Mijn meldingen" with the unread count, on the community's pages (server-rendered, no script).</summary>
public sealed class CommunityNotificationsLinkViewComponent(NotificationInbox inbox) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var viewer = CommunityViewer.From(HttpContext.User);
        if (!viewer.SignedIn)
        {
            return Content("");
        }
        return View(await inbox.UnreadCountAsync(viewer, HttpContext.RequestAborted));
    }
}
