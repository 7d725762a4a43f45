using System.Text.Encodings.Web;
using Academy.Community.Services;
using Academy.Community.Services.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Localization;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace Academy.Community.Components;

/// <summary>
/// The link to "Mijn meldingen" with the unread count, on the community's pages (server-rendered, no script), counted
/// here. The topic page reads the count with its own data and writes <see cref="NotificationsLinkHtml"/> itself.
/// </summary>
public sealed class CommunityNotificationsLinkViewComponent(NotificationInbox inbox, IHtmlLocalizer<CommunityNotificationsLinkViewComponent> text,
    HtmlEncoder encoder) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var viewer = CommunityViewer.From(HttpContext.User);
        if (!viewer.SignedIn)
        {
            return Content("");
        }
        var unread = await inbox.UnreadCountAsync(viewer, HttpContext.RequestAborted);
        return new HtmlContentViewComponentResult(NotificationsLinkHtml.Of(Url, unread, text, encoder));
    }
}
