using Academy.Community.Controllers;
using Academy.Community.Models;
using Academy.Core.Data;
using Academy.Users.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Services;

/// <summary>One post on a topic page: the opening post has <see cref="ReplyId"/> 0.</summary>
public sealed record PostView(long ReplyId, string AuthorUserId, string Body, DateTime CreatedUtc, DateTime? EditedUtc, int Useful, bool UsefulByViewer)
{
    /// <summary>Null: published. Otherwise shown only to the author, the group's managers and moderators, with why.</summary>
    public ModerationHold? Hold { get; init; }

    /// <summary>The reason of the last decision that hid or rejected the post.</summary>
    public string? HoldReason { get; init; }

    public static PostView Of(Topic topic) => new(0, topic.AuthorUserId, topic.Body, topic.CreatedUtc, topic.EditedUtc, 0, false) { Hold = topic.Hold };

    public static PostView Of(Reply reply) => new(reply.Id, reply.AuthorUserId, reply.Body, reply.CreatedUtc, reply.EditedUtc, 0, false) { Hold = reply.Hold };
}

/// <summary>The topic page; <see cref="Reply"/> and its check are the reply form as typed.</summary>
public sealed record TopicPageModel(
    GroupContext Context,
    Topic Topic,
    IReadOnlyList<PostView> Posts,
    IReadOnlyDictionary<string, MemberProfile> Authors,
    bool Follows)
{
    public PostForm Reply { get; init; } = new();
    public PostCheck? ReplyCheck { get; init; }
    public string? ReplyError { get; init; }
    public string? Notice { get; init; }

    /// <summary>The viewer's unread notifications when they were read with the topic (null: the link counts them itself).</summary>
    public int? Unread { get; init; }
    /// <summary>Which page of replies this is (1-based), of <see cref="PageCount"/>.</summary>
    public int Page { get; init; } = 1;
    public int PageCount { get; init; } = 1;

    public string AuthorName(string userId) => Authors.TryGetValue(userId, out var p) ? p.DisplayName : "Oud-lid";

    /// <summary>A reply form that starts with the quoted post as Markdown (the quote button, without JavaScript).</summary>
    public string? Quote(long replyId) => Posts.FirstOrDefault(p => p.ReplyId == replyId) is { } post
        ? string.Join('\n', post.Body.Split('\n').Select(l => "> " + l.TrimEnd('\r'))) + $"\n>\n> — {AuthorName(post.AuthorUserId)}\n\n"
        : null;
}

/// <summary>One post's fragment on the topic page (<c>_PostContent</c>): what <see cref="PostFragmentCache"/> keeps.</summary>
public sealed record PostContentModel(TopicPageModel Page, PostView Post, bool Accepted, TopicLinks Links)
{
    /// <summary>What the post's fragment shows, to tell a kept one from a stale one.</summary>
    public static PostFragmentSource Source(TopicPageModel page, PostView post, bool accepted, string pathBase)
    {
        var author = page.Authors.GetValueOrDefault(post.AuthorUserId);
        return new PostFragmentSource(post.Body, post.CreatedUtc, post.EditedUtc, accepted, pathBase, page.Context.Group.Slug, page.Page,
            post.AuthorUserId, page.AuthorName(post.AuthorUserId), author?.OrganisationName, author?.HasPhoto == true, author?.PhotoVersion,
            PostFragmentCache.Culture);
    }
}

/// <summary>The new-topic and edit form (<see cref="ReplyId"/> set when a reply is edited; 0 the opening post).</summary>
public sealed record TopicFormModel(GroupContext Context, PostForm Form, PostCheck? Check, long ReplyId, Topic? Topic = null)
{
    public bool Editing => Topic is not null;
}

public sealed record RevisionView(string EditorName, DateTime EditedUtc, string? PreviousTitle, string? PreviousBody);

/// <param name="ShowText">Previous versions are shown to the author and to managers and moderators; others see who and when.</param>
public sealed record HistoryModel(GroupContext Context, Topic Topic, long ReplyId, bool ShowText, IReadOnlyList<RevisionView> Revisions);

/// <summary>Reads for the topic pages (the topic itself comes from <see cref="CommunityAccess"/>).</summary>
public sealed class TopicReads(AcademyDbContext db, IMemberProfiles profiles, CommunityQueries queries, TopicPostCache cache)
{
    /// <summary>Replies per page: a topic with hundreds of replies renders (Markdown, sanitising, profiles) one page at a time.</summary>
    public const int RepliesPerPage = 50;

    /// <summary>
    /// Keeps the database connection open for the rest of the request (until the scope ends), so the page's dozen reads
    /// share it instead of each opening and closing one.
    /// </summary>
    public Task OpenConnectionAsync(CancellationToken cancellationToken) => db.Database.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// One page of the topic: the opening post on the first page, then <see cref="RepliesPerPage"/> replies. A page past
    /// the end (such as <see cref="int.MaxValue"/>) is the last page.
    /// </summary>
    /// <param name="follows">Whether the viewer follows the topic, when it was read with the topic; null reads it.</param>
    public async Task<TopicPageModel> PageAsync(GroupContext context, Topic topic, int page, CancellationToken cancellationToken, bool? follows = null)
    {
        var userId = context.Viewer.UserId;
        var seesHeld = context.Rights.Manages;
        // Most viewers see the published replies, kept between requests; held ones are shown to their authors and the
        // group's managers (AccessRules.ShownReplies), whose page is read from the database, as is a held topic's.
        var shown = (topic.Hold is null ? await PublishedAsync(topic, page, seesHeld, userId, cancellationToken) : null)
            ?? await ShownAsync(topic, page, seesHeld, userId ?? "", cancellationToken);
        PostView View(long id, string author, string body, DateTime created, DateTime? edited, ModerationHold? hold) =>
            new(id, author, body, created, edited, shown.Useful.GetValueOrDefault(id), shown.Mine.Contains(id))
            {
                Hold = hold, HoldReason = hold is null ? null : shown.HoldReasons.GetValueOrDefault(id),
            };
        var posts = new List<PostView>(shown.Replies.Count + 1);
        if (shown.Page == 1)
        {
            posts.Add(View(0, topic.AuthorUserId, topic.Body, topic.CreatedUtc, topic.EditedUtc, topic.Hold));
        }
        posts.AddRange(shown.Replies.Select(r => View(r.Id, r.AuthorUserId, r.Body, r.CreatedUtc, r.EditedUtc, r.Hold)));
        // One look-up for every author on the page.
        var authors = await profiles.GetManyAsync(posts.Select(p => p.AuthorUserId), cancellationToken);
        follows ??= userId is not null && await queries.Follows(db, userId, FollowTarget.Topic, topic.Id, cancellationToken);
        return new TopicPageModel(context, topic, posts, authors, follows.Value) { Page = shown.Page, PageCount = shown.PageCount };
    }

    /// <summary>The replies on a page as the viewer is shown them, with the "nuttig" counts and the viewer's own.</summary>
    private sealed record ShownPage(int Page, int PageCount, IReadOnlyList<Reply> Replies, IReadOnlyDictionary<long, int> Useful, IReadOnlySet<long> Mine)
    {
        public IReadOnlyDictionary<long, string?> HoldReasons { get; init; } = new Dictionary<long, string?>();
    }

    /// <summary>The published page from <see cref="TopicPostCache"/>; null when the viewer is shown held replies.</summary>
    private async Task<ShownPage?> PublishedAsync(Topic topic, int page, bool seesHeld, string? userId, CancellationToken cancellationToken)
    {
        var published = await cache.TopicAsync(topic, async () =>
        {
            var heldAuthors = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var author in queries.HeldReplyAuthors(db, topic.Id).WithCancellation(cancellationToken))
            {
                heldAuthors.Add(author);
            }
            return new PublishedTopic(await queries.ShownReplyCount(db, topic.Id, false, "", cancellationToken), heldAuthors);
        });
        if (!published.IsWhatViewerSees(seesHeld, userId ?? ""))
        {
            return null;
        }
        var pages = PageCount(published.Count);
        page = Math.Clamp(page, 1, pages);
        var onPage = await cache.PageAsync(topic, page, async () =>
        {
            var (replies, useful, _) = await ReadPageAsync(topic.Id, false, "", page, cancellationToken);
            return new PublishedPage(replies, useful);
        });
        var mine = new HashSet<long>();
        if (userId is not null)
        {
            // The viewer's reactions between the page's first and last post (0: the opening post), not the whole topic's.
            var (from, to) = onPage.Replies.Count == 0 ? (0L, 0L)
                : (page == 1 ? 0 : onPage.Replies.Min(r => r.Id), onPage.Replies.Max(r => r.Id));
            await foreach (var postId in queries.UsefulByViewer(db, topic.Id, userId, from, to).WithCancellation(cancellationToken))
            {
                mine.Add(postId);
            }
        }
        return new ShownPage(page, pages, onPage.Replies, onPage.Useful, mine);
    }

    /// <summary>The page as the viewer is shown it, read from the database: with held replies and why they are held.</summary>
    private async Task<ShownPage> ShownAsync(Topic topic, int page, bool seesHeld, string me, CancellationToken cancellationToken)
    {
        var pages = PageCount(await queries.ShownReplyCount(db, topic.Id, seesHeld, me, cancellationToken));
        page = Math.Clamp(page, 1, pages);
        var (replies, useful, mine) = await ReadPageAsync(topic.Id, seesHeld, me, page, cancellationToken);
        var reasons = (page == 1 && topic.Hold is not null) || replies.Any(r => r.Hold is not null)
            ? await HoldReasonsAsync(topic.Id, cancellationToken)
            : new Dictionary<long, string?>();
        return new ShownPage(page, pages, replies, useful, mine) { HoldReasons = reasons };
    }

    private static int PageCount(int replies) => Math.Max(1, (replies + RepliesPerPage - 1) / RepliesPerPage);

    /// <summary>
    /// A page of the replies shown by <see cref="AccessRules.ShownReplies"/> and the "nuttig" counts of its posts, counted
    /// in the database for the shown posts only (no per-post queries), with the viewer's own reaction.
    /// </summary>
    private async Task<(List<Reply> Replies, Dictionary<long, int> Useful, HashSet<long> Mine)> ReadPageAsync(long topicId, bool seesHeld, string me, int page, CancellationToken cancellationToken)
    {
        var skip = (page - 1) * RepliesPerPage;
        var replies = new List<Reply>(RepliesPerPage);
        await foreach (var reply in queries.ShownReplies(db, topicId, seesHeld, me, skip, RepliesPerPage).WithCancellation(cancellationToken))
        {
            replies.Add(reply);
        }
        var useful = new Dictionary<long, int>();
        var mine = new HashSet<long>();
        await foreach (var count in queries.UsefulCounts(db, topicId, seesHeld, me, skip, RepliesPerPage).WithCancellation(cancellationToken))
        {
            useful[count.ReplyId] = count.Count;
            if (count.Mine)
            {
                mine.Add(count.ReplyId);
            }
        }
        return (replies, useful, mine);
    }

    /// <summary>The page a reply is on (1 for the opening post or an unknown reply).</summary>
    public async Task<int> PageOfAsync(Topic topic, long replyId, CancellationToken cancellationToken)
    {
        var reply = replyId == 0 ? null
            : await db.Set<Reply>().AsNoTracking().Where(r => r.Id == replyId && r.TopicId == topic.Id).Select(r => new { r.Id, r.CreatedUtc }).FirstOrDefaultAsync(cancellationToken);
        if (reply is null)
        {
            return 1;
        }
        var before = await db.Set<Reply>().CountAsync(
            r => r.TopicId == topic.Id && (r.CreatedUtc < reply.CreatedUtc || (r.CreatedUtc == reply.CreatedUtc && r.Id < reply.Id)), cancellationToken);
        return before / RepliesPerPage + 1;
    }

    /// <summary>The opening post (0) or a reply of this topic, whatever its hold; null when the reply is not of this topic.</summary>
    public async Task<PostView?> PostAsync(Topic topic, long replyId, CancellationToken cancellationToken)
    {
        if (replyId == 0)
        {
            return PostView.Of(topic);
        }
        var reply = await db.Set<Reply>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == replyId && r.TopicId == topic.Id, cancellationToken);
        return reply is null ? null : PostView.Of(reply);
    }

    /// <summary>Per post of the topic, the reason of the last decision that hid or rejected it.</summary>
    private async Task<Dictionary<long, string?>> HoldReasonsAsync(long topicId, CancellationToken cancellationToken)
    {
        var entries = await db.Set<ModerationEntry>().AsNoTracking()
            .Where(e => e.TopicId == topicId && (e.Action == ModerationAction.Hidden || e.Action == ModerationAction.Rejected))
            .OrderBy(e => e.CreatedUtc).ThenBy(e => e.Id).Select(e => new { e.ReplyId, e.Reason }).ToListAsync(cancellationToken);
        var reasons = new Dictionary<long, string?>();
        foreach (var entry in entries)
        {
            reasons[entry.ReplyId] = entry.Reason;
        }
        return reasons;
    }

    public async Task<HistoryModel> HistoryAsync(GroupContext context, Topic topic, PostView post, bool showText, CancellationToken cancellationToken)
    {
        var revisions = await db.Set<PostRevision>().AsNoTracking().Where(r => r.TopicId == topic.Id && r.ReplyId == post.ReplyId)
            .OrderByDescending(r => r.EditedUtc).ThenByDescending(r => r.Id).ToListAsync(cancellationToken);
        var names = await profiles.GetManyAsync(revisions.Select(r => r.EditorUserId).Distinct(), cancellationToken);
        return new HistoryModel(context, topic, post.ReplyId, showText, revisions
            .Select(r => new RevisionView(names.TryGetValue(r.EditorUserId, out var p) ? p.DisplayName : "Oud-lid", r.EditedUtc,
                showText ? r.PreviousTitle : null, showText ? r.PreviousBody : null))
            .ToList());
    }
}
