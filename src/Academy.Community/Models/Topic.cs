namespace Academy.Community.Models;

public sealed class Topic
{
    public long Id { get; set; }
    public long GroupId { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Markdown; rendered through Core's sanitising renderer.</summary>
    public string Body { get; set; } = "";
    public string AuthorUserId { get; set; } = "";
    public AccessLevel Access { get; set; }
    public bool IsQuestion { get; set; }
    /// <summary>A casus: the privacy guard refuses personal data of clients, whatever the group.</summary>
    public bool IsCasus { get; set; }
    public bool IsPinned { get; set; }
    public bool IsClosed { get; set; }
    /// <summary>Null: published. Held or hidden: only the author, the group's managers and moderators read it.</summary>
    public ModerationHold? Hold { get; set; }
    public long? AcceptedReplyId { get; set; }
    public int ReplyCount { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? EditedUtc { get; set; }
    public DateTime LastActivityUtc { get; set; }
    /// <summary>
    /// Raised by the database itself (triggers, CommunityMigration) with every change to a reply or a "nuttig" of this
    /// topic, whichever code or node made it: the key under which <see cref="Services.TopicPostCache"/> keeps the page.
    /// </summary>
    public long PostsVersion { get; set; }
}

public sealed class Reply
{
    public long Id { get; set; }
    public long TopicId { get; set; }
    public string AuthorUserId { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>Null: published. Held or hidden: only the author, the group's managers and moderators read it.</summary>
    public ModerationHold? Hold { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? EditedUtc { get; set; }
}

/// <summary>A post's text before an edit: the edit history. <see cref="ReplyId"/> 0 is the topic's opening post.</summary>
public sealed class PostRevision
{
    public long Id { get; set; }
    public long TopicId { get; set; }
    public long ReplyId { get; set; }
    public string EditorUserId { get; set; } = "";
    public DateTime EditedUtc { get; set; }
    public string? PreviousTitle { get; set; }
    public string PreviousBody { get; set; } = "";
}

/// <summary>One "nuttig" per person per post. <see cref="ReplyId"/> 0 is the topic's opening post.</summary>
public sealed class UsefulReaction
{
    public long TopicId { get; set; }
    public long ReplyId { get; set; }
    public string UserId { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
}

public enum FollowTarget
{
    Group,
    Topic,
}

/// <summary>A person follows a group or a topic; notifications (a later session) read this.</summary>
public sealed class Follow
{
    public string UserId { get; set; } = "";
    public FollowTarget Target { get; set; }
    public long TargetId { get; set; }
    public DateTime CreatedUtc { get; set; }
}

/// <summary>
/// What the privacy guard found in a post: only the kinds, never the text or the value, and no author, so the record
/// itself holds no personal data.
/// </summary>
public sealed class PrivacyFindingRecord
{
    public long Id { get; set; }
    public long GroupId { get; set; }
    /// <summary>Comma-separated <see cref="Services.PrivacyFindingKind"/> names.</summary>
    public string Kinds { get; set; } = "";
    /// <summary>True: the save was refused (casuïstiek); false: the author was warned.</summary>
    public bool Refused { get; set; }
    public DateTime CreatedUtc { get; set; }
}
