using System.Globalization;
using System.Text;
using Academy.Community.Abstractions;
using Academy.Community.Models;
using Academy.Core.Hosting;
using Academy.Core.Text;
using Academy.Email.Abstractions;
using Academy.Users.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Academy.Community.Services.Notifications;

/// <summary>
/// The community's notification mails: one per notification ("at once") or one digest per person and period. Every mail
/// carries the signed unsubscribe link in its text and in the List-Unsubscribe headers. Values people typed (titles,
/// names) are escaped, so they stay text.
/// </summary>
public sealed class NotificationMails(IMailComposer composer, IMailQueue mails, UnsubscribeLinks unsubscribe, LinkGenerator links, IOptions<AcademyOptions> site)
{
    public const string NotificationsRouteName = "Community.Notifications.Index";

    private string BaseUrl => site.Value.PublicBaseUrl.TrimEnd('/');

    /// <summary>
    /// Queues the drafts in the caller's unit of work, all at once: a fan-out or digest of thousands of mails looks up
    /// which were queued before in a few queries, not one per mail.
    /// </summary>
    public Task QueueAsync(IReadOnlyList<MailDraft> drafts, CancellationToken cancellationToken) =>
        drafts.Count == 0 ? Task.CompletedTask : mails.EnqueueManyAsync(drafts, cancellationToken);

    /// <summary>The mail for one notification.</summary>
    public MailDraft Notification(AccountRecipient to, NotifiedPost post, string actorName)
    {
        var title = MarkdownEscaper.Escape(post.TopicTitle);
        var markdown = $"""
            Hallo {MarkdownEscaper.Escape(to.DisplayName)},

            {Line(post.Reason, MarkdownEscaper.Escape(actorName), title)}

            [Lees het bericht]({PostUrl(post.GroupSlug, post.TopicId, post.ReplyId)})

            {Footer(to.UserId)}
            """;
        return Draft(to, Subject(post.Reason, actorName, post.TopicTitle), markdown, $"community-melding:{post.Key}:{to.UserId}");
    }

    /// <summary>One digest mail with every notification of the period.</summary>
    public MailDraft Digest(AccountRecipient to, NotificationMail frequency, string periodKey,
        IReadOnlyList<(CommunityNotification Notification, string ActorName)> items)
    {
        var list = new StringBuilder();
        foreach (var (n, actor) in items)
        {
            list.Append(CultureInfo.InvariantCulture, $"- [{Line(n.Reason, MarkdownEscaper.Escape(actor), MarkdownEscaper.Escape(n.TopicTitle))}]({PostUrl(n.GroupSlug, n.TopicId, n.ReplyId)})\n");
        }
        var period = frequency == NotificationMail.Weekly ? "deze week" : "vandaag";
        var markdown = $"""
            Hallo {MarkdownEscaper.Escape(to.DisplayName)},

            Dit gebeurde {period} in de community ({items.Count} {(items.Count == 1 ? "melding" : "meldingen")}):

            {list}
            [Bekijk al je meldingen]({BaseUrl}{links.GetPathByName(NotificationsRouteName)})

            {Footer(to.UserId)}
            """;
        var subject = frequency == NotificationMail.Weekly ? "Je weekoverzicht van de community" : "Je dagoverzicht van de community";
        return Draft(to, subject, markdown, $"community-overzicht:{periodKey}:{to.UserId}");
    }

    /// <summary>
    /// While many notifications and mails are added to one unit of work: EF's automatic change detection would scan every
    /// tracked row at each mail queued (quadratic in a fan-out to thousands); only new rows are added, so nothing is missed.
    /// The unit's SaveChanges detects changes as usual once this is disposed.
    /// </summary>
    public static IDisposable Batch(Microsoft.EntityFrameworkCore.DbContext db)
    {
        var tracker = db.ChangeTracker;
        var before = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        return new Restore(() => tracker.AutoDetectChangesEnabled = before);
    }

    private sealed class Restore(Action action) : IDisposable
    {
        public void Dispose() => action();
    }

    public static string Subject(NotificationReason reason, string actorName, string title) => reason switch
    {
        NotificationReason.Mention => $"{actorName} noemde je in: {title}",
        NotificationReason.NewTopic => $"Nieuw onderwerp: {title}",
        _ => $"Nieuwe reactie op: {title}",
    };

    /// <summary>One sentence about the notification; <paramref name="actor"/> and <paramref name="title"/> as they should be printed.</summary>
    public static string Line(NotificationReason reason, string actor, string title) => reason switch
    {
        NotificationReason.Mention => $"{actor} noemde je in \u201c{title}\u201d",
        NotificationReason.NewTopic => $"{actor} begon een nieuw onderwerp: \u201c{title}\u201d",
        _ => $"{actor} reageerde op \u201c{title}\u201d",
    };

    private string PostUrl(string groupSlug, long topicId, long replyId) =>
        BaseUrl + links.GetPathByName(CommunityRouteNames.Topic, new { group = groupSlug, topicId }) + "#bericht-" + replyId.ToString(CultureInfo.InvariantCulture);

    private string Footer(string userId) =>
        $"Je krijgt deze e-mail omdat je meldingen van de community krijgt. Kies bij [Mijn meldingen]({BaseUrl}{links.GetPathByName(NotificationsRouteName)}) hoe vaak, "
        + $"of [meld je af voor e-mail van de community]({unsubscribe.Url(userId)}).";

    private MailDraft Draft(AccountRecipient to, string subject, string markdown, string key)
    {
        var (renderedSubject, html, text) = composer.Render(subject, markdown);
        return new MailDraft(to.Email!, to.DisplayName, renderedSubject, html, text, key)
        {
            Headers = MailHeaders.OneClickUnsubscribe(unsubscribe.OneClickUrl(to.UserId)),
        };
    }
}
