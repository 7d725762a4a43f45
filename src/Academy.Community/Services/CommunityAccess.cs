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
public sealed class CommunityAccess(AcademyDbContext db)
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
        var userId = viewer.UserId ?? "";
        var takesPart = viewer.TakesPart;
        var memberOf = MemberGroupIds(userId);
        return Groups.Where(g =>
            (g.JoinPolicy != JoinPolicy.Hidden && (g.Access == AccessLevel.Public || takesPart))
            || memberOf.Contains(g.Id));
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
        return Groups.Where(g =>
            (g.JoinPolicy != JoinPolicy.Hidden && (g.Access == AccessLevel.Public || (takesPart && g.Access == AccessLevel.Professionals)))
            || memberOf.Contains(g.Id));
    }

    /// <summary>
    /// Topics the viewer may read: in a readable group, the topic's own level allows it, and it is published, or held or
    /// hidden while the viewer wrote it or manages its group.
    /// </summary>
    public IQueryable<Topic> ReadableTopics(CommunityViewer viewer)
    {
        var topics = db.Set<Topic>();
        if (viewer.Moderates)
        {
            return topics;
        }
        var takesPart = viewer.TakesPart;
        var userId = viewer.UserId ?? "";
        var memberOf = MemberGroupIds(userId);
        var managerOf = Memberships.Where(m => m.UserId == userId && m.Status == MembershipStatus.Member && m.IsManager).Select(m => m.GroupId);
        var readableGroups = ReadableGroups(viewer).Select(g => g.Id);
        return topics.Where(t => readableGroups.Contains(t.GroupId)
            && (t.Access == AccessLevel.Public || (takesPart && t.Access == AccessLevel.Professionals) || memberOf.Contains(t.GroupId))
            && (t.Hold == null || t.AuthorUserId == userId || (takesPart && managerOf.Contains(t.GroupId))));
    }

    public Task<GroupMembership?> MembershipAsync(long groupId, string? userId, CancellationToken cancellationToken) =>
        userId is null
            ? Task.FromResult<GroupMembership?>(null)
            : Memberships.AsNoTracking().FirstOrDefaultAsync(m => m.GroupId == groupId && m.UserId == userId, cancellationToken);

    /// <summary>What the viewer may do in a group, from the membership row.</summary>
    public async Task<GroupRights> RightsAsync(CommunityGroup group, CommunityViewer viewer, CancellationToken cancellationToken)
    {
        var membership = await MembershipAsync(group.Id, viewer.UserId, cancellationToken);
        var member = membership?.Status == MembershipStatus.Member;
        return new GroupRights(
            Member: member,
            Requested: membership?.Status == MembershipStatus.Requested,
            Manages: viewer.TakesPart && member && membership!.IsManager || viewer.Moderates,
            Posts: viewer.Moderates || (viewer.TakesPart && member));
    }

    private IQueryable<long> MemberGroupIds(string userId) =>
        Memberships.Where(m => m.UserId == userId && m.Status == MembershipStatus.Member).Select(m => m.GroupId);
}

/// <param name="Manages">A group manager or a moderator: members, settings, pinning and closing, moderation.</param>
/// <param name="Posts">May start topics and reply (members who take part, and moderators).</param>
public sealed record GroupRights(bool Member, bool Requested, bool Manages, bool Posts);
