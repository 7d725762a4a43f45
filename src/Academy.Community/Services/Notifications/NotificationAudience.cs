using Academy.Community.Abstractions;
using Academy.Community.Models;
using Academy.Core.Data;
using Academy.Users.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Services.Notifications;

/// <summary>The post a notification is about, as the fan-out reads it from a community event.</summary>
public sealed record NotifiedPost(NotificationReason Reason, long GroupId, string GroupSlug, long TopicId, long ReplyId, string TopicTitle, string ActorUserId)
{
    public string Key => CommunityNotification.KeyOf(TopicId, ReplyId);
}

/// <summary>
/// Who may be told of a post: the same rule as <see cref="CommunityAccess.ReadableTopics"/>, decided for many accounts at
/// once from their memberships and their roles' permissions (the fan-out has no signed-in principal). A person who cannot
/// read the post is never told of it, so a notification never leaks a title.
/// </summary>
public sealed class NotificationAudience(AcademyDbContext db, IAccountRecipients accounts)
{
    /// <summary>The accounts among <paramref name="candidates"/> that may read the post's topic, with their addresses.</summary>
    public async Task<IReadOnlyList<AccountRecipient>> ReadersAsync(long topicId, IReadOnlyCollection<string> candidates, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
        {
            return [];
        }
        var place = await db.Set<Topic>().AsNoTracking().Where(t => t.Id == topicId)
            .Join(db.Set<CommunityGroup>(), t => t.GroupId, g => g.Id, (t, g) => new { t.GroupId, Topic = t.Access, Group = g.Access, g.JoinPolicy })
            .FirstOrDefaultAsync(cancellationToken);
        if (place is null)
        {
            return []; // the topic is gone
        }
        var level = TopicService.Narrowest(place.Group, place.Topic);
        var hidden = place.JoinPolicy == JoinPolicy.Hidden;
        var ids = candidates.ToList();
        var members = (await db.Set<GroupMembership>().AsNoTracking()
            .Where(m => m.GroupId == place.GroupId && m.Status == MembershipStatus.Member && ids.Contains(m.UserId))
            .Select(m => m.UserId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var found = await accounts.GetManyAsync(ids, cancellationToken);
        return found.Values.Where(a => CanRead(a, members.Contains(a.UserId), level, hidden)).ToList();
    }

    /// <summary>Mirrors <see cref="CommunityAccess.ReadableGroups"/> and <see cref="CommunityAccess.ReadableTopics"/>.</summary>
    public static bool CanRead(AccountRecipient account, bool member, AccessLevel level, bool hiddenGroup) =>
        account.Has(CommunityPermissionNames.ModerateCommunity)
        || member
        || (!hiddenGroup && (level == AccessLevel.Public
            || (level == AccessLevel.Professionals && account.Has(CommunityPermissionNames.TakePartInCommunity))));
}
