using Academy.Community.Models;
using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Services.Notifications;

/// <summary>A notification as the notifications page shows it.</summary>
public sealed record NotificationItem(CommunityNotification Notification, string ActorName)
{
    public bool Unread => Notification.ReadUtc is null;
}

/// <summary>
/// A person's own community notifications: the list, the unread count for the navigation, marking read, and the mail
/// choice. Only notifications about posts the person can still read are shown (someone who left a group stops seeing
/// its titles).
/// </summary>
public sealed class NotificationInbox(AcademyDbContext db, CommunityAccess access, NotificationDigests digests,
    Users.Abstractions.IMemberProfiles profiles, UnitOfWork unitOfWork, TimeProvider clock, CommunityQueries queries)
{
    public const int ListSize = 50;

    private IQueryable<CommunityNotification> Mine(CommunityViewer viewer)
    {
        var userId = viewer.UserId ?? "";
        var readable = access.ReadableTopics(viewer).Select(t => t.Id);
        return db.Set<CommunityNotification>().Where(n => n.UserId == userId && readable.Contains(n.TopicId));
    }

    /// <summary>The same count as <see cref="Mine"/> gives, as a compiled query: it is on every community page.</summary>
    public Task<int> UnreadCountAsync(CommunityViewer viewer, CancellationToken cancellationToken) =>
        !viewer.SignedIn ? Task.FromResult(0)
            : viewer.Moderates ? queries.UnreadCountOfModerator(db, viewer.UserId!, cancellationToken)
            : queries.UnreadCount(db, viewer.UserId!, viewer.TakesPart, cancellationToken);

    public async Task<IReadOnlyList<NotificationItem>> ListAsync(CommunityViewer viewer, CancellationToken cancellationToken)
    {
        var list = await Mine(viewer).AsNoTracking().OrderByDescending(n => n.CreatedUtc).ThenByDescending(n => n.Id).Take(ListSize).ToListAsync(cancellationToken);
        var actors = await profiles.GetManyAsync(list.Select(n => n.ActorUserId).Distinct(), cancellationToken);
        return list.Select(n => new NotificationItem(n, actors.GetValueOrDefault(n.ActorUserId)?.DisplayName ?? "Een collega")).ToList();
    }

    /// <summary>Marks one read and returns it (to go to its post), or null when it is not the viewer's.</summary>
    public async Task<CommunityNotification?> OpenAsync(CommunityViewer viewer, long id, CancellationToken cancellationToken)
    {
        var notification = await Mine(viewer).AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notification is { ReadUtc: null })
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await db.Set<CommunityNotification>().Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadUtc, now), cancellationToken);
        }
        return notification;
    }

    public Task<int> MarkAllReadAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Set<CommunityNotification>().Where(n => n.UserId == userId && n.ReadUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadUtc, now), cancellationToken);
    }

    public async Task<NotificationMail> ChoiceAsync(string userId, CancellationToken cancellationToken) =>
        (await digests.ChoicesAsync([userId], cancellationToken)).GetValueOrDefault(userId, NotificationMail.Immediately);

    /// <summary>Stores the mail choice; a digest choice makes sure the digest jobs are scheduled.</summary>
    public Task SetChoiceAsync(string userId, NotificationMail choice, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async () =>
        {
            var setting = await db.Set<CommunityNotificationSetting>().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
            if (setting is null)
            {
                setting = new CommunityNotificationSetting { UserId = userId };
                db.Add(setting);
            }
            setting.Mail = choice;
            setting.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
            if (choice is NotificationMail.Daily or NotificationMail.Weekly)
            {
                await digests.EnsureScheduledAsync(cancellationToken);
            }
        }, cancellationToken);
}
