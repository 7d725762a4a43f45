using System.Globalization;
using System.Text.Encodings.Web;
using Academy.Community.Services.Notifications;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Localization;

namespace Academy.Community.Components;

/// <summary>
/// The "Mijn meldingen" link with the unread count, made in one place for <see cref="CommunityNotificationsLinkViewComponent"/>
/// and for the topic page, which reads the count with its own data and writes the link without a view component
/// (the busiest page: a view component costs a view look-up and a buffer of its own).
/// </summary>
public static class NotificationsLinkHtml
{
    /// <param name="encoder">The site's encoder (the one Razor writes with), so the link's text is encoded as the page's.</param>
    public static IHtmlContent Of(IUrlHelper url, int unread, IHtmlLocalizer text, HtmlEncoder encoder)
    {
        var label = text.GetString("Mijn meldingen").Value + (unread <= 0 ? ""
            : " (" + (unread == 1 ? text.GetString("1 nieuw").Value : unread.ToString(CultureInfo.InvariantCulture) + " " + text.GetString("nieuw").Value) + ")");
        return new HtmlString("<p class=\"utrecht-paragraph community-notifications-link\">\n    <a class=\"utrecht-link\" href=\""
            + encoder.Encode(url.RouteUrl(NotificationMails.NotificationsRouteName) ?? "") + "\">" + encoder.Encode(label) + "</a>\n</p>\n");
    }
}
