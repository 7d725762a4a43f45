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

    /// <summary>Refused by the posting limit (the message is in <see cref="Check"/>; the form is shown again).</summary>
    public bool Limited { get; init; }

    /// <summary>Saved, but held for approval: only the author, the group's managers and moderators read it for now.</summary>
    public bool Held { get; init; }
}

/// <summary>
/// Topics and replies: starting, replying, editing with history, "nuttig", accepted answers, pinning and closing.
/// Callers pass a group and topic they read through <see cref="CommunityAccess"/>, and the viewer's rights in it.
/// Every write and its events (topic created, reply posted, mentions) commit in one transaction.
/// </summary>
public sealed class TopicService(AcademyDbContext db, UnitOfWork unitOfWork, EventOutbox outbox, PostRules rules, PostGate gate, Mentions mentions,
    ISearchIndexQueue search, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>A topic is never more open than its group.</summary>
    public static AccessLevel Narrowest(AccessLevel group, AccessLevel? topic) => topic is { } t && t > group ? t : group;

    public Task<PostResult> StartAsync(CommunityGroup group, PostAuthor author, PostForm form, CancellationToken cancellationToken) =>
        SaveAsync(group, author, rules.Check(form, isTopic: true, guarded: group.GuardsPrivacy || form.IsCasus, group.Id), async held =>
        {
            var topic = new Topic
            {
                GroupId = group.Id, Title = form.Title!.Trim(), Body = form.Body!.Trim(), AuthorUserId = author.UserId,
                Access = Narrowest(group.Access, form.Access), IsQuestion = form.IsQuestion,
                IsCasus = form.IsCasus || group.GuardsPrivacy, CreatedUtc = Now, LastActivityUtc = Now,
                Hold = held ? ModerationHold.AwaitingApproval : null,
            };
            db.Add(topic);
            await db.SaveChangesAsync(cancellationToken);
            db.Add(new Follow { UserId = author.UserId, Target = FollowTarget.Topic, TargetId = topic.Id, CreatedUtc = Now });
            await PublishedOrHeldAsync(group, topic, null, held, cancellationToken);
            return topic.Id;
        }, cancellationToken);

    /// <summary>Replies; a closed topic takes none (the caller shows why).</summary>
    public Task<PostResult> ReplyAsync(CommunityGroup group, Topic topic, PostAuthor author, PostForm form, CancellationToken cancellationToken) =>
        SaveAsync(group, author, rules.Check(form, isTopic: false, guarded: group.GuardsPrivacy || topic.IsCasus, group.Id), async held =>
        {
            // A held reply is not counted until it is approved; a conditional update, so a topic closed meanwhile takes
            // no reply and concurrent replies count right.
            var open = held
                ? await db.Set<Topic>().AnyAsync(t => t.Id == topic.Id && !t.IsClosed, cancellationToken)
                : await CountReplyAsync(topic.Id, +1, onlyWhenOpen: true, activity: true, cancellationToken);
            if (!open)
            {
                return null;
            }
            var reply = new Reply
            {
                TopicId = topic.Id, AuthorUserId = author.UserId, Body = form.Body!.Trim(), CreatedUtc = Now,
                Hold = held ? ModerationHold.AwaitingApproval : null,
            };
            db.Add(reply);
            await db.SaveChangesAsync(cancellationToken);
            await PublishedOrHeldAsync(group, topic, reply, held, cancellationToken);
            return reply.Id;
        }, cancellationToken);

    /// <summary>
    /// Saves a new post that passed its check, in one transaction with its events: unless the author is over the posting
    /// limit, and held for approval when the group asks for it (<paramref name="save"/> gets whether it is held, and
    /// returns the new id, or null to save nothing).
    /// </summary>
    private async Task<PostResult> SaveAsync(CommunityGroup group, PostAuthor author, PostCheck check, Func<bool, Task<long?>> save, CancellationToken cancellationToken)
    {
        if (!check.CanSave)
        {
            await SaveFindingsAsync(cancellationToken);
            return new PostResult(null, check);
        }
        string? limited = null;
        var held = false;
        var id = await unitOfWork.RunAsync(async () =>
        {
            limited = await gate.LimitAsync(author, cancellationToken);
            if (limited is not null)
            {
                return WorkOutcome<long?>.Discard(null);
            }
            held = await gate.HoldsAsync(group, author, cancellationToken);
            var saved = await save(held);
            return saved is null ? WorkOutcome<long?>.Discard(null) : WorkOutcome<long?>.Keep(saved);
        }, onConflict: null, cancellationToken);
        if (limited is not null)
        {
            check.Errors.Add(null, limited);
        }
        return new PostResult(id, check) { Limited = limited is not null, Held = id is not null && held };
    }

    /// <summary>
    /// Raises the events of a post that everyone may now read (topic created or reply posted, and its mentions): when it
    /// is posted, or for a held post when it is approved. Part of the caller's unit of work.
    /// </summary>
    public async Task AnnounceAsync(CommunityGroup group, Topic topic, Reply? reply, CancellationToken cancellationToken)
    {
        // Published posts become findable now; a held post stays out of the index until this point.
        search.TopicChanged(topic.Id);
        if (reply is null)
        {
            outbox.Add(new CommunityTopicCreated(topic.Id, group.Id, group.Slug, topic.Title, topic.AuthorUserId, topic.Access.ToString(), Now));
            await AddMentionsAsync(group, topic, 0, topic.Body, topic.AuthorUserId, cancellationToken);
            return;
        }
        outbox.Add(new CommunityReplyPosted(reply.Id, topic.Id, group.Id, group.Slug, topic.Title, reply.AuthorUserId, Now));
        await AddMentionsAsync(group, topic, reply.Id, reply.Body, reply.AuthorUserId, cancellationToken);
    }

    /// <summary>
    /// Changes a topic's count of published replies; <paramref name="activity"/> also makes it the topic's last activity
    /// (a reply that is new to its readers). False when nothing changed (with <paramref name="onlyWhenOpen"/>: the topic is closed).
    /// </summary>
    public async Task<bool> CountReplyAsync(long topicId, int change, bool onlyWhenOpen, bool activity, CancellationToken cancellationToken)
    {
        var topics = db.Set<Topic>().Where(t => t.Id == topicId && (!onlyWhenOpen || !t.IsClosed));
        var changed = activity
            ? await topics.ExecuteUpdateAsync(s => s.SetProperty(t => t.ReplyCount, t => t.ReplyCount + change).SetProperty(t => t.LastActivityUtc, Now), cancellationToken)
            : await topics.ExecuteUpdateAsync(s => s.SetProperty(t => t.ReplyCount, t => t.ReplyCount + change), cancellationToken);
        return changed > 0;
    }

    private async Task PublishedOrHeldAsync(CommunityGroup group, Topic topic, Reply? reply, bool held, CancellationToken cancellationToken)
    {
        if (!held)
        {
            await AnnounceAsync(group, topic, reply, cancellationToken);
            return;
        }
        db.Add(new ModerationEntry
        {
            GroupId = group.Id, TopicId = topic.Id, ReplyId = reply?.Id ?? 0, Action = ModerationAction.Held, CreatedUtc = Now,
        });
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
            if (replyId != 0 && !await db.Set<Reply>().AnyAsync(r => r.Id == replyId && r.TopicId == topic.Id && r.Hold == null, cancellationToken))
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
            if (!topic.IsQuestion || (replyId != 0 && !await db.Set<Reply>().AnyAsync(r => r.Id == replyId && r.TopicId == topic.Id && r.Hold == null, cancellationToken)))
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
