using Academy.Community.Abstractions;
using Academy.Community.Models;
using Academy.Core.Data;
using Academy.Core.Events;
using Academy.Search.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Services;

/// <summary>The result of a write: saved (with the new id), or the check that stopped it (the form is shown again).</summary>
public sealed record PostResult(long? Id, PostCheck Check)
{
    public bool Saved => Id is not null;
}

/// <summary>
/// Topics and replies: starting, replying, editing with history, "nuttig", accepted answers, pinning and closing.
/// Callers pass a group and topic they read through <see cref="CommunityAccess"/>, and the viewer's rights in it.
/// Every write and its events (topic created, reply posted, mentions) commit in one transaction.
/// </summary>
public sealed class TopicService(AcademyDbContext db, UnitOfWork unitOfWork, EventOutbox outbox, PostRules rules, Mentions mentions,
    ISearchIndexQueue search, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>A topic is never more open than its group.</summary>
    public static AccessLevel Narrowest(AccessLevel group, AccessLevel? topic) => topic is { } t && t > group ? t : group;

    public async Task<PostResult> StartAsync(CommunityGroup group, string authorUserId, PostForm form, CancellationToken cancellationToken)
    {
        var check = rules.Check(form, isTopic: true, guarded: group.GuardsPrivacy || form.IsCasus, group.Id);
        if (!check.CanSave)
        {
            await SaveFindingsAsync(cancellationToken);
            return new PostResult(null, check);
        }
        var id = await unitOfWork.RunAsync(async () =>
        {
            var topic = new Topic
            {
                GroupId = group.Id, Title = form.Title!.Trim(), Body = form.Body!.Trim(), AuthorUserId = authorUserId,
                Access = Narrowest(group.Access, form.Access), IsQuestion = form.IsQuestion,
                IsCasus = form.IsCasus || group.GuardsPrivacy, CreatedUtc = Now, LastActivityUtc = Now,
            };
            db.Add(topic);
            await db.SaveChangesAsync(cancellationToken);
            db.Add(new Follow { UserId = authorUserId, Target = FollowTarget.Topic, TargetId = topic.Id, CreatedUtc = Now });
            outbox.Add(new CommunityTopicCreated(topic.Id, group.Id, group.Slug, topic.Title, authorUserId, topic.Access.ToString(), Now));
            search.TopicChanged(topic.Id);
            await AddMentionsAsync(group, topic, 0, topic.Body, authorUserId, cancellationToken);
            return topic.Id;
        }, cancellationToken);
        return new PostResult(id, check);
    }

    /// <summary>Replies; a closed topic takes none (the caller shows why).</summary>
    public async Task<PostResult> ReplyAsync(CommunityGroup group, Topic topic, string authorUserId, PostForm form, CancellationToken cancellationToken)
    {
        var check = rules.Check(form, isTopic: false, guarded: group.GuardsPrivacy || topic.IsCasus, group.Id);
        if (!check.CanSave)
        {
            await SaveFindingsAsync(cancellationToken);
            return new PostResult(null, check);
        }
        var id = await unitOfWork.RunAsync(async () =>
        {
            var reply = new Reply { TopicId = topic.Id, AuthorUserId = authorUserId, Body = form.Body!.Trim(), CreatedUtc = Now };
            db.Add(reply);
            // A conditional update, so a topic closed meanwhile takes no reply and concurrent replies count right.
            var open = await db.Set<Topic>().Where(t => t.Id == topic.Id && !t.IsClosed)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ReplyCount, t => t.ReplyCount + 1).SetProperty(t => t.LastActivityUtc, Now), cancellationToken);
            if (open == 0)
            {
                return WorkOutcome<long?>.Discard(null);
            }
            await db.SaveChangesAsync(cancellationToken);
            outbox.Add(new CommunityReplyPosted(reply.Id, topic.Id, group.Id, group.Slug, topic.Title, authorUserId, Now));
            search.TopicChanged(topic.Id);
            await AddMentionsAsync(group, topic, reply.Id, reply.Body, authorUserId, cancellationToken);
            return WorkOutcome<long?>.Keep(reply.Id);
        }, onConflict: null, cancellationToken);
        return new PostResult(id, check);
    }

    /// <summary>Edits the opening post (<paramref name="replyId"/> 0, title included) or a reply, keeping the old text as a revision.</summary>
    public async Task<PostResult> EditAsync(CommunityGroup group, Topic topic, long replyId, string editorUserId, PostForm form, CancellationToken cancellationToken)
    {
        var check = rules.Check(form, isTopic: replyId == 0, guarded: group.GuardsPrivacy || topic.IsCasus, group.Id);
        if (!check.CanSave)
        {
            await SaveFindingsAsync(cancellationToken);
            return new PostResult(null, check);
        }
        var saved = await unitOfWork.RunAsync(async () =>
        {
            search.TopicChanged(topic.Id);
            if (replyId == 0)
            {
                var current = await db.Set<Topic>().FirstAsync(t => t.Id == topic.Id, cancellationToken);
                db.Add(new PostRevision { TopicId = topic.Id, ReplyId = 0, EditorUserId = editorUserId, EditedUtc = Now, PreviousTitle = current.Title, PreviousBody = current.Body });
                current.Title = form.Title!.Trim();
                current.Body = form.Body!.Trim();
                current.EditedUtc = Now;
                return true;
            }
            var reply = await db.Set<Reply>().FirstOrDefaultAsync(r => r.Id == replyId && r.TopicId == topic.Id, cancellationToken);
            if (reply is null)
            {
                return false;
            }
            db.Add(new PostRevision { TopicId = topic.Id, ReplyId = replyId, EditorUserId = editorUserId, EditedUtc = Now, PreviousBody = reply.Body });
            reply.Body = form.Body!.Trim();
            reply.EditedUtc = Now;
            return true;
        }, cancellationToken);
        return new PostResult(saved ? topic.Id : null, check);
    }

    /// <summary>One "nuttig" per person per post: a second press takes it back. False when the post does not exist.</summary>
    public Task<bool> ToggleUsefulAsync(Topic topic, long replyId, string userId, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async () =>
        {
            if (replyId != 0 && !await db.Set<Reply>().AnyAsync(r => r.Id == replyId && r.TopicId == topic.Id, cancellationToken))
            {
                return false;
            }
            var existing = await db.Set<UsefulReaction>().FirstOrDefaultAsync(r => r.TopicId == topic.Id && r.ReplyId == replyId && r.UserId == userId, cancellationToken);
            if (existing is null)
            {
                db.Add(new UsefulReaction { TopicId = topic.Id, ReplyId = replyId, UserId = userId, CreatedUtc = Now });
            }
            else
            {
                db.Remove(existing);
            }
            return true;
        }, cancellationToken);

    /// <summary>Marks a reply of a question topic as its answer (0 takes the mark away). False when it does not apply.</summary>
    public Task<bool> AcceptAsync(Topic topic, long replyId, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async () =>
        {
            if (!topic.IsQuestion || (replyId != 0 && !await db.Set<Reply>().AnyAsync(r => r.Id == replyId && r.TopicId == topic.Id, cancellationToken)))
            {
                return false;
            }
            var current = await db.Set<Topic>().FirstAsync(t => t.Id == topic.Id, cancellationToken);
            current.AcceptedReplyId = replyId == 0 ? null : replyId;
            return true;
        }, cancellationToken);

    public Task SetStateAsync(Topic topic, bool? pinned, bool? closed, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async () =>
        {
            var current = await db.Set<Topic>().FirstAsync(t => t.Id == topic.Id, cancellationToken);
            current.IsPinned = pinned ?? current.IsPinned;
            current.IsClosed = closed ?? current.IsClosed;
        }, cancellationToken);

    private async Task AddMentionsAsync(CommunityGroup group, Topic topic, long replyId, string body, string authorUserId, CancellationToken cancellationToken)
    {
        foreach (var userId in await mentions.FindAsync(body, group.Id, authorUserId, cancellationToken))
        {
            outbox.Add(new CommunityMentionMade(topic.Id, replyId, group.Id, group.Slug, topic.Title, userId, authorUserId, Now));
        }
    }

    /// <summary>A refused or unconfirmed post saves nothing but the guard's record of kinds (when it made one).</summary>
    private Task SaveFindingsAsync(CancellationToken cancellationToken) =>
        db.ChangeTracker.HasChanges() ? unitOfWork.RunAsync(() => Task.CompletedTask, cancellationToken) : Task.CompletedTask;
}
