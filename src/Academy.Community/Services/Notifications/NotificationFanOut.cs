using System.Text.Json;
using Academy.Community.Abstractions;
using Academy.Community.Models;
using Academy.Core.Content;
using Academy.Core.Data;
using Academy.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Services.Notifications;

/// <summary>
/// Turns the community's events into notifications, in the outbox dispatcher's transaction (so posting never waits, and a
/// failed fan-out is retried as a whole): a new topic tells the group's followers, a reply the topic's followers and its
/// author, a mention the person named. Never the author, never someone who cannot read the post, and at most one per
/// person per post (a mention in a reply the person also follows becomes one notification, marked as a mention). People
/// who want mail at once get it through the mail outbox in the same transaction.
/// </summary>
public sealed class NotificationFanOut(AcademyDbContext db, NotificationAudience audience, NotificationMails mails, NotificationDigests digests,
    Users.Abstractions.IMemberProfiles profiles, TimeProvider clock) : IDomainEventHandler
{
    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (Read(message) is not { } post)
        {
            return;
        }
        var candidates = (await CandidatesAsync(post, message, cancellationToken))
            .Where(id => id != post.ActorUserId && id != CommunityPersonalData.ErasedAuthor)
            .ToHashSet(StringComparer.Ordinal);
        var readers = await audience.ReadersAsync(post.TopicId, candidates, cancellationToken);
        if (readers.Count == 0)
        {
            return;
        }
        var readerIds = readers.Select(r => r.UserId).ToList();
        var existing = (await db.Set<CommunityNotification>()
            .Where(n => n.PostKey == post.Key && readerIds.Contains(n.UserId))
            .Select(n => n.UserId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        if (post.Reason == NotificationReason.Mention && existing.Count > 0)
        {
            // Already told of this post as a follower: the mention is the better reason, and no second mail.
            await db.Set<CommunityNotification>().Where(n => n.PostKey == post.Key && readerIds.Contains(n.UserId))
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Reason, NotificationReason.Mention), cancellationToken);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var fresh = readers.Where(r => !existing.Contains(r.UserId)).ToList();
        var choices = await digests.ChoicesAsync(fresh.Select(r => r.UserId).ToList(), cancellationToken);
        var actorName = (await profiles.GetAsync(post.ActorUserId, cancellationToken))?.DisplayName ?? "Een collega";
        var drafts = new List<Email.Abstractions.MailDraft>();
        using (NotificationMails.Batch(db))
        {
            foreach (var reader in fresh)
            {
                var choice = choices.GetValueOrDefault(reader.UserId, NotificationMail.Immediately);
                var mailNow = choice == NotificationMail.Immediately && reader.Email is not null;
                db.Add(new CommunityNotification
                {
                    UserId = reader.UserId, Reason = post.Reason, PostKey = post.Key, GroupId = post.GroupId, GroupSlug = post.GroupSlug,
                    TopicId = post.TopicId, ReplyId = post.ReplyId, TopicTitle = Trim(post.TopicTitle), ActorUserId = post.ActorUserId,
                    CreatedUtc = now, MailedUtc = mailNow ? now : null,
                });
                if (mailNow)
                {
                    drafts.Add(mails.Notification(reader, post, actorName));
                }
            }
            await mails.QueueAsync(drafts, cancellationToken);
        }
        if (fresh.Any(r => choices.GetValueOrDefault(r.UserId) is NotificationMail.Daily or NotificationMail.Weekly))
        {
            await digests.EnsureScheduledAsync(cancellationToken);
        }
    }

    private static NotifiedPost? Read(OutboxMessage message) => message.Type switch
    {
        nameof(CommunityTopicCreated) when Parse<CommunityTopicCreated>(message) is { } e =>
            new(NotificationReason.NewTopic, e.GroupId, e.GroupSlug, e.TopicId, 0, e.Title, e.AuthorUserId),
        nameof(CommunityReplyPosted) when Parse<CommunityReplyPosted>(message) is { } e =>
            new(NotificationReason.Reply, e.GroupId, e.GroupSlug, e.TopicId, e.ReplyId, e.TopicTitle, e.AuthorUserId),
        nameof(CommunityMentionMade) when Parse<CommunityMentionMade>(message) is { } e =>
            new(NotificationReason.Mention, e.GroupId, e.GroupSlug, e.TopicId, e.ReplyId, e.TopicTitle, e.AuthorUserId),
        _ => null,
    };

    private static T? Parse<T>(OutboxMessage message) => JsonSerializer.Deserialize<T>(message.Payload, ContentJson.Options);

    private async Task<IReadOnlyList<string>> CandidatesAsync(NotifiedPost post, OutboxMessage message, CancellationToken cancellationToken)
    {
        switch (post.Reason)
        {
            case NotificationReason.Mention:
                return [Parse<CommunityMentionMade>(message)!.MentionedUserId];
            case NotificationReason.NewTopic:
                return await Followers(FollowTarget.Group, post.GroupId).ToListAsync(cancellationToken);
            default:
                var followers = await Followers(FollowTarget.Topic, post.TopicId).ToListAsync(cancellationToken);
                var author = await db.Set<Topic>().Where(t => t.Id == post.TopicId).Select(t => t.AuthorUserId).FirstOrDefaultAsync(cancellationToken);
                return author is null ? followers : [.. followers, author];
        }
    }

    private IQueryable<string> Followers(FollowTarget target, long id) =>
        db.Set<Follow>().AsNoTracking().Where(f => f.Target == target && f.TargetId == id).Select(f => f.UserId);

    private static string Trim(string title) => title.Length <= 200 ? title : title[..200];
}
