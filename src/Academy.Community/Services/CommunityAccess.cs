using Academy.Community.Models;
using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Services;

/// <summary>
/// The one place that decides, in the database query, which groups and topics a viewer may see: every page and every
/// write starts from these queries, so a view can never show more than the viewer may read.
/// <list type="bullet">
/// <item>A hidden group exists only for its members and moderators (anyone else gets 404).</item>
/// <item>Other groups are listed to everyone when public, else to professionals (who can ask to join).</item>
/// <item>Content (topics) is readable when both the group's and the topic's level allow it: public, professionals
/// (signed in with the community permission), or members only.</item>
/// </list>
/// </summary>
public sealed class CommunityAccess(AcademyDbContext db, CommunityQueries queries)
{
    public IQueryable<CommunityGroup> Groups => db.Set<CommunityGroup>();

    public IQueryable<GroupMembership> Memberships => db.Set<GroupMembership>();

    /// <summary>Groups whose page the viewer may see (name, description, join button).</summary>
    public IQueryable<CommunityGroup> VisibleGroups(CommunityViewer viewer)
    {
        if (viewer.Moderates)
        {
            return Groups;
        }
        var takesPart = viewer.TakesPart;
        var memberOf = MemberGroupIds(viewer.UserId ?? "");
        return Groups.Where(AccessRules.Expand<Func<CommunityGroup, bool>>(g => AccessRules.SeesGroup(g, takesPart, memberOf.Contains(g.Id))));
    }

    /// <summary>Groups whose content (topics) the viewer may read.</summary>
    public IQueryable<CommunityGroup> ReadableGroups(CommunityViewer viewer)
    {
        if (viewer.Moderates)
        {
            return Groups;
        }
        var takesPart = viewer.TakesPart;
        var memberOf = MemberGroupIds(viewer.UserId ?? "");
        return Groups.Where(AccessRules.Expand<Func<CommunityGroup, bool>>(g => AccessRules.ReadsGroup(g, takesPart, memberOf.Contains(g.Id))));
    }

    /// <summary>
    /// Topics the viewer may read: in a readable group, the topic's own level allows it, and it is published, or held or
    /// hidden while the viewer wrote it or manages its group.
    /// </summary>
    public IQueryable<Topic> ReadableTopics(CommunityViewer viewer)
    {
        if (viewer.Moderates)
        {
            return db.Set<Topic>();
        }
        return AccessRules.ReadableTopics(db, viewer.UserId ?? "", viewer.TakesPart);
    }

    public Task<GroupMembership?> MembershipAsync(long groupId, string? userId, CancellationToken cancellationToken) =>
        userId is null
            ? Task.FromResult<GroupMembership?>(null)
            : queries.Membership(db, groupId, userId, cancellationToken);

    /// <summary>
    /// The group by its address whatever the viewer may see (check it with <see cref="Sees"/>), with the viewer's own
    /// membership row of it (null for a visitor or a non-member).
    /// </summary>
    public Task<GroupAndMembership?> GroupWithMembershipAsync(string slug, string? userId, CancellationToken cancellationToken) =>
        queries.GroupWithMembership(db, slug, userId ?? "", cancellationToken);

    /// <summary>
    /// <see cref="GroupWithMembershipAsync"/> with the group's topic whatever the viewer may read (null: not of this group),
    /// whether the viewer follows it and the viewer's unread notifications, in one read.
    /// </summary>
    public Task<GroupTopicAndFollow?> GroupWithTopicAsync(string slug, long topicId, CommunityViewer viewer, CancellationToken cancellationToken) =>
        queries.GroupWithTopic(db, slug, topicId, viewer.UserId ?? "", viewer.Moderates, viewer.TakesPart, cancellationToken);

    /// <summary>The topic of this group whatever the viewer may read (check it with <see cref="Reads(Topic, CommunityViewer, GroupMembership?)"/>).</summary>
    public Task<Topic?> TopicInGroupAsync(long groupId, long topicId, CancellationToken cancellationToken) =>
        queries.TopicInGroup(db, topicId, groupId, cancellationToken);

    /// <summary><see cref="VisibleGroups"/> for a group already read, with the viewer's own membership row of it.</summary>
    public static bool Sees(CommunityGroup group, CommunityViewer viewer, GroupMembership? membership) =>
        viewer.Moderates || AccessRules.SeesGroup(group, viewer.TakesPart, IsMember(membership, viewer));

    /// <summary><see cref="ReadableGroups"/> for a group already read, with the viewer's own membership row of it.</summary>
    public static bool Reads(CommunityGroup group, CommunityViewer viewer, GroupMembership? membership) =>
        viewer.Moderates || AccessRules.ReadsGroup(group, viewer.TakesPart, IsMember(membership, viewer));

    /// <summary>
    /// <see cref="ReadableTopics"/> for a topic already read, whose group the viewer may read (<see cref="Reads(CommunityGroup, CommunityViewer, GroupMembership?)"/>),
    /// with the viewer's own membership row of that group.
    /// </summary>
    public static bool Reads(Topic topic, CommunityViewer viewer, GroupMembership? membership)
    {
        var member = IsMember(membership, viewer) && membership!.GroupId == topic.GroupId;
        return viewer.Moderates
            || AccessRules.ReadsTopic(topic, viewer.UserId ?? "", viewer.TakesPart, member, member && membership!.IsManager);
    }

    /// <summary>What the viewer may do in a group, from the membership row.</summary>
    public async Task<GroupRights> RightsAsync(CommunityGroup group, CommunityViewer viewer, CancellationToken cancellationToken) =>
        Rights(viewer, await MembershipAsync(group.Id, viewer.UserId, cancellationToken));

    /// <summary>What the viewer may do in a group, from the viewer's membership row of it.</summary>
    public static GroupRights Rights(CommunityViewer viewer, GroupMembership? membership)
    {
        var member = IsMember(membership, viewer);
        return new GroupRights(
            Member: member,
            Requested: membership?.Status == MembershipStatus.Requested,
            Manages: viewer.TakesPart && member && membership!.IsManager || viewer.Moderates,
            Posts: viewer.Moderates || (viewer.TakesPart && member));
    }

    private static bool IsMember(GroupMembership? membership, CommunityViewer viewer) =>
        membership is not null && membership.UserId == viewer.UserId && membership.Status == MembershipStatus.Member;

    private IQueryable<long> MemberGroupIds(string userId) =>
        Memberships.Where(m => m.UserId == userId && m.Status == MembershipStatus.Member).Select(m => m.GroupId);
}

/// <param name="Manages">A group manager or a moderator: members, settings, pinning and closing, moderation.</param>
/// <param name="Posts">May start topics and reply (members who take part, and moderators).</param>
public sealed record GroupRights(bool Member, bool Requested, bool Manages, bool Posts);
