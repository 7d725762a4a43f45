using Academy.Community.Controllers;
using Academy.Community.Models;
using Academy.Core.Data;
using Academy.Users.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Services;

/// <summary>Where a moderation form sends its sender back to: the /admin queue, the group's queue, the post's page or the topic.</summary>
public enum ModerationReturn
{
    Post,
    Group,
    Admin,
    Topic,
}

/// <summary>A post in the queue: reported (with the open reports' count and reasons) or waiting for approval.</summary>
public sealed record QueueItem(CommunityGroup Group, Topic Topic, PostView Post, int OpenReports, IReadOnlyList<(ReportReason Reason, int Count)> Reasons)
{
    public DateTime SinceUtc { get; init; }
}

/// <param name="Group">The group of a group manager's queue; null for the moderators' queue of every group.</param>
public sealed record QueueModel(CommunityGroup? Group, IReadOnlyList<QueueItem> Reported, IReadOnlyList<QueueItem> Held, IReadOnlyDictionary<string, MemberProfile> Authors, string? Notice)
{
    public string AuthorName(string userId) => Authors.TryGetValue(userId, out var p) ? p.DisplayName : "Oud-lid";
}

public sealed record ReportView(ReportReason Reason, string? Explanation, DateTime CreatedUtc, bool Open);

public sealed record TrailEntry(string ActorName, ModerationAction Action, string? Reason, DateTime CreatedUtc);

/// <summary>A post's moderation page: the post, its reports, its audit trail, and the decision form as sent.</summary>
public sealed record ModerationPostModel(GroupContext Context, Topic Topic, PostView Post, string AuthorName, IReadOnlyList<ReportView> Reports, IReadOnlyList<TrailEntry> Trail)
{
    public string? Notice { get; init; }
    public string? Reason { get; init; }
    public string? ReasonError { get; init; }
    public int OpenReports => Reports.Count(r => r.Open);
}

/// <summary>The moderation queue (every group for moderators, one group for its managers) and a post's moderation page.</summary>
public sealed class ModerationReads(AcademyDbContext db, IMemberProfiles profiles, TopicReads topicReads)
{
    public const int QueueSize = 200;
    public const int ExcerptLength = 240;

    public async Task<QueueModel> QueueAsync(CommunityGroup? group, CancellationToken cancellationToken)
    {
        var groupId = group?.Id;
        var reports = await db.Set<PostReport>().AsNoTracking().Where(r => r.ResolvedUtc == null && (groupId == null || r.GroupId == groupId))
            .OrderBy(r => r.CreatedUtc).Take(QueueSize * 10).Select(r => new { r.TopicId, r.ReplyId, r.Reason, r.CreatedUtc }).ToListAsync(cancellationToken);
        var reported = reports.GroupBy(r => (r.TopicId, r.ReplyId)).Take(QueueSize).ToList();

        var topicsInGroup = db.Set<Topic>().Where(t => groupId == null || t.GroupId == groupId);
        var heldTopics = await topicsInGroup.Where(t => t.Hold == ModerationHold.AwaitingApproval)
            .OrderBy(t => t.CreatedUtc).Take(QueueSize).Select(t => t.Id).ToListAsync(cancellationToken);
        var heldReplies = await db.Set<Reply>().AsNoTracking().Where(r => r.Hold == ModerationHold.AwaitingApproval && topicsInGroup.Any(t => t.Id == r.TopicId))
            .OrderBy(r => r.CreatedUtc).Take(QueueSize).ToListAsync(cancellationToken);

        var replyIds = reported.Select(r => r.Key.ReplyId).Where(id => id != 0).Distinct().ToList();
        var replies = heldReplies.ToDictionary(r => r.Id);
        foreach (var reply in await db.Set<Reply>().AsNoTracking().Where(r => replyIds.Contains(r.Id)).ToListAsync(cancellationToken))
        {
            replies[reply.Id] = reply;
        }
        var topicIds = reported.Select(r => r.Key.TopicId).Concat(heldTopics).Concat(heldReplies.Select(r => r.TopicId)).Distinct().ToList();
        var topics = await db.Set<Topic>().AsNoTracking().Where(t => topicIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var groupIds = topics.Values.Select(t => t.GroupId).Distinct().ToList();
        var groups = await db.Set<CommunityGroup>().AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, cancellationToken);

        QueueItem? Item(long topicId, long replyId, int open, IReadOnlyList<(ReportReason, int)> reasons, DateTime since)
        {
            if (!topics.TryGetValue(topicId, out var topic) || (replyId != 0 && !replies.ContainsKey(replyId)))
            {
                return null;
            }
            var post = replyId == 0 ? PostView.Of(topic) : PostView.Of(replies[replyId]);
            return new QueueItem(groups[topic.GroupId], topic, post, open, reasons) { SinceUtc = since };
        }
        var reportedItems = reported
            .Select(r => Item(r.Key.TopicId, r.Key.ReplyId, r.Count(), r.GroupBy(x => x.Reason).Select(x => (x.Key, x.Count())).OrderByDescending(x => x.Item2).ToList(), r.Min(x => x.CreatedUtc)))
            .OfType<QueueItem>().OrderByDescending(i => i.OpenReports).ThenBy(i => i.SinceUtc).ToList();
        var heldItems = heldTopics.Select(id => Item(id, 0, 0, [], topics[id].CreatedUtc))
            .Concat(heldReplies.Select(r => Item(r.TopicId, r.Id, 0, [], r.CreatedUtc)))
            .OfType<QueueItem>().OrderBy(i => i.SinceUtc).ToList();
        var authors = await profiles.GetManyAsync(reportedItems.Concat(heldItems).Select(i => i.Post.AuthorUserId).Distinct(), cancellationToken);
        return new QueueModel(group, reportedItems, heldItems, authors, null);
    }

    /// <summary>The post's page for its group's managers and moderators, or null when the post is not of this topic.</summary>
    public async Task<ModerationPostModel?> PostAsync(GroupContext context, Topic topic, long replyId, CancellationToken cancellationToken)
    {
        var post = await topicReads.PostAsync(topic, replyId, cancellationToken);
        if (post is null)
        {
            return null;
        }
        var reports = await db.Set<PostReport>().AsNoTracking().Where(r => r.TopicId == topic.Id && r.ReplyId == replyId)
            .OrderByDescending(r => r.CreatedUtc).Take(100)
            .Select(r => new ReportView(r.Reason, r.Explanation, r.CreatedUtc, r.ResolvedUtc == null)).ToListAsync(cancellationToken);
        var entries = await db.Set<ModerationEntry>().AsNoTracking().Where(e => e.TopicId == topic.Id && e.ReplyId == replyId)
            .OrderByDescending(e => e.CreatedUtc).ThenByDescending(e => e.Id).Take(100).ToListAsync(cancellationToken);
        var names = await profiles.GetManyAsync(entries.Where(e => e.ActorUserId is not null).Select(e => e.ActorUserId!).Append(post.AuthorUserId).Distinct(), cancellationToken);
        string Name(string? userId) => userId is null ? "Automatisch" : names.TryGetValue(userId, out var p) ? p.DisplayName : "Oud-lid";
        var reason = entries.FirstOrDefault(e => e.Action is ModerationAction.Hidden or ModerationAction.Rejected)?.Reason;
        return new ModerationPostModel(context, topic, post with { HoldReason = post.Hold is null ? null : reason }, Name(post.AuthorUserId), reports,
            entries.Select(e => new TrailEntry(Name(e.ActorUserId), e.Action, e.Reason, e.CreatedUtc)).ToList());
    }

    /// <summary>The first characters of a post as plain text, for the queue.</summary>
    public static string Excerpt(string body)
    {
        var text = string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= ExcerptLength ? text : text[..ExcerptLength].TrimEnd() + "…";
    }
}
