using Academy.Community.Abstractions;
using Academy.Community.Models;
using Academy.Community.Services;
using Academy.Community.Services.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Community.Controllers;

public sealed record NotificationsPageModel(IReadOnlyList<NotificationItem> Items, NotificationMail Mail, string? Notice)
{
    public int Unread => Items.Count(i => i.Unread);

    public string? MailError { get; init; }
}

/// <summary>
/// "Mijn meldingen" of the community (/community/meldingen): the signed-in person's notifications of new topics, replies
/// and mentions, marking them read, and how often they come by mail. (The Werkcentrum's Meldingen module is another thing.)
/// </summary>
[Authorize]
[Route("community/meldingen")]
public sealed class CommunityNotificationsController(NotificationInbox inbox) : Controller
{
    private const string NoticeKey = "community-meldingen";

    private CommunityViewer Viewer => CommunityViewer.From(User);

    [HttpGet("", Name = NotificationMails.NotificationsRouteName)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var viewer = Viewer;
        var items = await inbox.ListAsync(viewer, cancellationToken);
        var mail = await inbox.ChoiceAsync(viewer.UserId!, cancellationToken);
        return View(new NotificationsPageModel(items, mail, TempData[NoticeKey] as string));
    }

    /// <summary>Marks the notification read and goes to its post; a notification that is not yours is 404.</summary>
    [HttpPost("{id:long}/openen", Name = "Community.Notifications.Open")]
    public async Task<IActionResult> Open(long id, CancellationToken cancellationToken)
    {
        var notification = await inbox.OpenAsync(Viewer, id, cancellationToken);
        if (notification is null)
        {
            return NotFound();
        }
        var url = Url.RouteUrl(CommunityRouteNames.Topic, new { group = notification.GroupSlug, topicId = notification.TopicId });
        return Redirect(url + "#bericht-" + notification.ReplyId);
    }

    [HttpPost("gelezen", Name = "Community.Notifications.MarkAllRead")]
    public async Task<IActionResult> MarkAllRead(CancellationToken cancellationToken)
    {
        await inbox.MarkAllReadAsync(Viewer.UserId!, cancellationToken);
        return Done("Alle meldingen zijn gelezen.");
    }

    [HttpPost("e-mail", Name = "Community.Notifications.Mail")]
    public async Task<IActionResult> Mail(string? mail, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<NotificationMail>(mail, ignoreCase: false, out var choice) || !Enum.IsDefined(choice))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            var viewer = Viewer;
            return View("Index", new NotificationsPageModel(await inbox.ListAsync(viewer, cancellationToken),
                await inbox.ChoiceAsync(viewer.UserId!, cancellationToken), null) { MailError = "Kies hoe vaak je e-mail wilt krijgen." });
        }
        await inbox.SetChoiceAsync(Viewer.UserId!, choice, cancellationToken);
        return Done(NotificationTexts.Saved(choice));
    }

    private IActionResult Done(string notice)
    {
        TempData[NoticeKey] = notice;
        return RedirectToRoute(NotificationMails.NotificationsRouteName);
    }
}
