namespace Academy.Community.Models;

/// <summary>
/// Why a post is not shown to everyone. <see cref="Topic.Hold"/> and <see cref="Reply.Hold"/> are null for a published
/// post; a held or hidden post is read only by its author, the group's managers and moderators.
/// </summary>
public enum ModerationHold
{
    /// <summary>The first post of a new member in a group that approves first posts: waits for a manager or moderator.</summary>
    AwaitingApproval,
    /// <summary>Hidden by a group manager or moderator (after a report, or on their own); can be restored.</summary>
    Hidden,
    /// <summary>A held post that was not approved; the author reads why.</summary>
    Rejected,
}

/// <summary>Why someone reports a post.</summary>
public enum ReportReason
{
    /// <summary>Personal data of a client (the privacy guard missed it).</summary>
    ClientData,
    Offensive,
    Spam,
    /// <summary>Something else; the reporter explains.</summary>
    Other,
}

/// <summary>
/// A report of a post by a reader. <see cref="ReplyId"/> 0 is the topic's opening post. One open report per person per
/// post (a unique index over the open ones); a moderator's decision closes every open report of the post.
/// </summary>
public sealed class PostReport
{
    public long Id { get; set; }
    public long GroupId { get; set; }
    public long TopicId { get; set; }
    public long ReplyId { get; set; }
    public string ReporterUserId { get; set; } = "";
    public ReportReason Reason { get; set; }
    public string? Explanation { get; set; }
    public DateTime CreatedUtc { get; set; }
    /// <summary>Set when a moderator hid the post or dismissed the reports.</summary>
    public DateTime? ResolvedUtc { get; set; }
}

/// <summary>What happened to a post in moderation.</summary>
public enum ModerationAction
{
    /// <summary>Held for approval when it was posted (no actor: the group's setting did it).</summary>
    Held,
    Hidden,
    Restored,
    /// <summary>The open reports were judged unfounded; the post stays.</summary>
    Dismissed,
    Approved,
    Rejected,
}

/// <summary>The audit trail of moderation: who did what to which post, when and why. Never changed, only added to.</summary>
public sealed class ModerationEntry
{
    public long Id { get; set; }
    public long GroupId { get; set; }
    public long TopicId { get; set; }
    public long ReplyId { get; set; }
    /// <summary>The group manager or moderator; null for <see cref="ModerationAction.Held"/>.</summary>
    public string? ActorUserId { get; set; }
    public ModerationAction Action { get; set; }
    public string? Reason { get; set; }
    public DateTime CreatedUtc { get; set; }
}
