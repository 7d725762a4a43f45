using Academy.Community.Models;
using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Services;

/// <summary>
/// The community pages' hot reads (a topic page, the unread count on every community page) as EF compiled queries: a page
/// of a long topic is read many times per second, and a compiled query skips the expression tree's cache look-up and parameter extraction EF does for every LINQ query. One instance
/// per site (a singleton): a compiled query belongs to one EF model, and test processes run several sites.
/// </summary>
public sealed class CommunityQueries
{
    /// <summary>The group by its address with the viewer's membership row of it (null: none), in one statement.</summary>
    public readonly Func<AcademyDbContext, string, string, CancellationToken, Task<GroupAndMembership?>> GroupWithMembership =
        EF.CompileAsyncQuery((AcademyDbContext db, string slug, string userId, CancellationToken _) =>
            (from g in db.Set<CommunityGroup>().AsNoTracking()
             where g.Slug == slug
             join membership in db.Set<GroupMembership>().AsNoTracking() on new { GroupId = g.Id, UserId = userId } equals new { membership.GroupId, membership.UserId } into memberships
             from m in memberships.DefaultIfEmpty()
             select new GroupAndMembership(g, m)).FirstOrDefault());

    /// <summary>
    /// <see cref="GroupWithMembership"/>, the topic of the group (null: none) and whether the viewer follows it, in one
    /// statement: the reads every topic page starts with.
    /// </summary>
    public readonly Func<AcademyDbContext, string, long, string, bool, bool, CancellationToken, Task<GroupTopicAndFollow?>> GroupWithTopic =
        EF.CompileAsyncQuery(AccessRules.Expand<Func<AcademyDbContext, string, long, string, bool, bool, CancellationToken, GroupTopicAndFollow?>>(
            (db, slug, topicId, userId, moderates, takesPart, _) =>
            (from g in db.Set<CommunityGroup>().AsNoTracking()
             where g.Slug == slug
             // Joins on both keys (plain LEFT JOINs): SQLite prepares these in half the time of joins on filtered subqueries.
             join membership in db.Set<GroupMembership>().AsNoTracking() on new { GroupId = g.Id, UserId = userId } equals new { membership.GroupId, membership.UserId } into memberships
             from m in memberships.DefaultIfEmpty()
             join topic in db.Set<Topic>().AsNoTracking() on new { GroupId = g.Id, Id = topicId } equals new { topic.GroupId, topic.Id } into topics
             from t in topics.DefaultIfEmpty()
             select new GroupTopicAndFollow(g, m, t,
                 db.Set<Follow>().Any(f => f.UserId == userId && f.Target == FollowTarget.Topic && f.TargetId == topicId),
                 // The count of "Mijn meldingen" on the page, as UnreadCount and UnreadCountOfModerator count it.
                 db.Set<CommunityNotification>().Count(n => n.UserId == userId && n.ReadUtc == null
                     && (moderates
                         ? db.Set<Topic>().Select(x => x.Id).Contains(n.TopicId)
                         : AccessRules.ReadableTopics(db, userId, takesPart).Select(x => x.Id).Contains(n.TopicId))))).FirstOrDefault()));

    public readonly Func<AcademyDbContext, long, string, CancellationToken, Task<GroupMembership?>> Membership =
        EF.CompileAsyncQuery((AcademyDbContext db, long groupId, string userId, CancellationToken _) =>
            db.Set<GroupMembership>().AsNoTracking().FirstOrDefault(m => m.GroupId == groupId && m.UserId == userId));

    public readonly Func<AcademyDbContext, long, long, CancellationToken, Task<Topic?>> TopicInGroup =
        EF.CompileAsyncQuery((AcademyDbContext db, long topicId, long groupId, CancellationToken _) =>
            db.Set<Topic>().AsNoTracking().FirstOrDefault(t => t.Id == topicId && t.GroupId == groupId));

    /// <summary>Replies shown to the viewer: published ones, and held ones when the viewer manages the group or wrote them.</summary>
    public readonly Func<AcademyDbContext, long, bool, string, CancellationToken, Task<int>> ShownReplyCount =
        EF.CompileAsyncQuery(AccessRules.Expand<Func<AcademyDbContext, long, bool, string, CancellationToken, int>>((db, topicId, seesHeld, userId, _) =>
            AccessRules.ShownReplies(db, topicId, seesHeld, userId).Count()));

    /// <summary>One page of the shown replies, oldest first.</summary>
    public readonly Func<AcademyDbContext, long, bool, string, int, int, IAsyncEnumerable<Reply>> ShownReplies =
        EF.CompileAsyncQuery(AccessRules.Expand<Func<AcademyDbContext, long, bool, string, int, int, IQueryable<Reply>>>((db, topicId, seesHeld, userId, skip, take) =>
            AccessRules.ShownReplies(db, topicId, seesHeld, userId).AsNoTracking().OrderBy(r => r.CreatedUtc).ThenBy(r => r.Id).Skip(skip).Take(take)));

    /// <summary>"Nuttig" per post of the opening post (0) and the same page of replies, with whether the viewer counted.</summary>
    public readonly Func<AcademyDbContext, long, bool, string, int, int, IAsyncEnumerable<UsefulCount>> UsefulCounts =
        EF.CompileAsyncQuery(AccessRules.Expand<Func<AcademyDbContext, long, bool, string, int, int, IQueryable<UsefulCount>>>((db, topicId, seesHeld, userId, skip, take) =>
            db.Set<UsefulReaction>()
                .Where(u => u.TopicId == topicId && (u.ReplyId == 0 || AccessRules.ShownReplies(db, topicId, seesHeld, userId)
                    .OrderBy(r => r.CreatedUtc).ThenBy(r => r.Id).Skip(skip).Take(take).Select(r => r.Id).Contains(u.ReplyId)))
                .GroupBy(u => u.ReplyId)
                .Select(g => new UsefulCount(g.Key, g.Count(), g.Count(u => u.UserId == userId) > 0))));

    /// <summary>Who wrote the topic's held or hidden replies: the viewers for whom the page differs from the published one.</summary>
    public readonly Func<AcademyDbContext, long, IAsyncEnumerable<string>> HeldReplyAuthors =
        EF.CompileAsyncQuery((AcademyDbContext db, long topicId) =>
            db.Set<Reply>().Where(r => r.TopicId == topicId && r.Hold != null).Select(r => r.AuthorUserId).Distinct());

    /// <summary>The posts of the topic the viewer found "nuttig" (0: the opening post).</summary>
    public readonly Func<AcademyDbContext, long, string, long, long, IAsyncEnumerable<long>> UsefulByViewer =
        EF.CompileAsyncQuery((AcademyDbContext db, long topicId, string userId, long fromReplyId, long toReplyId) =>
            db.Set<UsefulReaction>().Where(u => u.TopicId == topicId && u.UserId == userId && u.ReplyId >= fromReplyId && u.ReplyId <= toReplyId)
                .Select(u => u.ReplyId));

    /// <summary>The groups the person is a member of: their search access keys, read on every signed-in search.</summary>
    public readonly Func<AcademyDbContext, string, IAsyncEnumerable<long>> MemberGroupIds =
        EF.CompileAsyncQuery((AcademyDbContext db, string userId) =>
            db.Set<GroupMembership>().Where(m => m.UserId == userId && m.Status == MembershipStatus.Member).Select(m => m.GroupId));

    public readonly Func<AcademyDbContext, string, FollowTarget, long, CancellationToken, Task<bool>> Follows =
        EF.CompileAsyncQuery((AcademyDbContext db, string userId, FollowTarget target, long targetId, CancellationToken _) =>
            db.Set<Follow>().Any(f => f.UserId == userId && f.Target == target && f.TargetId == targetId));

    /// <summary>The viewer's unread notifications about topics the viewer may still read (NotificationInbox).</summary>
    public readonly Func<AcademyDbContext, string, bool, CancellationToken, Task<int>> UnreadCount =
        EF.CompileAsyncQuery(AccessRules.Expand<Func<AcademyDbContext, string, bool, CancellationToken, int>>((db, userId, takesPart, _) =>
            db.Set<CommunityNotification>().Count(n => n.UserId == userId && n.ReadUtc == null
                && AccessRules.ReadableTopics(db, userId, takesPart).Select(t => t.Id).Contains(n.TopicId))));

    /// <summary><see cref="UnreadCount"/> for a moderator, who may read every topic.</summary>
    public readonly Func<AcademyDbContext, string, CancellationToken, Task<int>> UnreadCountOfModerator =
        EF.CompileAsyncQuery((AcademyDbContext db, string userId, CancellationToken _) =>
            db.Set<CommunityNotification>().Count(n => n.UserId == userId && n.ReadUtc == null
                && db.Set<Topic>().Select(t => t.Id).Contains(n.TopicId)));
}

public sealed record GroupAndMembership(CommunityGroup Group, GroupMembership? Membership);

public sealed record GroupTopicAndFollow(CommunityGroup Group, GroupMembership? Membership, Topic? Topic, bool Follows, int Unread);

public sealed record UsefulCount(long ReplyId, int Count, bool Mine);
