namespace Academy.Community.Models;

/// <summary>What a group is for; the kind casuïstiek makes the privacy guard refuse personal data.</summary>
public enum GroupKind
{
    Themagroep,
    Casuistiek,
    LerendNetwerk,
    Sectortafel,
}

/// <summary>How people become members.</summary>
public enum JoinPolicy
{
    /// <summary>Join at once.</summary>
    Open,
    /// <summary>Ask; a group manager approves.</summary>
    Closed,
    /// <summary>By invitation of a group manager only; the group does not exist for non-members (404).</summary>
    Hidden,
}

/// <summary>Who may read a group's or a topic's content. A topic is never more open than its group.</summary>
public enum AccessLevel
{
    Public,
    Professionals,
    Members,
}

public sealed class CommunityGroup
{
    public long Id { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public GroupKind Kind { get; set; }
    public JoinPolicy JoinPolicy { get; set; }
    public AccessLevel Access { get; set; }
    /// <summary>The first post of a new member waits for a group manager or moderator ("eerst laten goedkeuren").</summary>
    public bool ApproveFirstPosts { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }

    /// <summary>Casuïstiek groups refuse personal data of clients in every post.</summary>
    public bool GuardsPrivacy => Kind == GroupKind.Casuistiek;
}

public enum MembershipStatus
{
    /// <summary>Asked to join a closed group; waits for a group manager.</summary>
    Requested,
    Member,
}

public sealed class GroupMembership
{
    public long GroupId { get; set; }
    public string UserId { get; set; } = "";
    public MembershipStatus Status { get; set; }
    public bool IsManager { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? ApprovedUtc { get; set; }
}
