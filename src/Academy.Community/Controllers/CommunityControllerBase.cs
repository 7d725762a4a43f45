using Academy.Community.Models;
using Academy.Community.Services;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Community.Controllers;

/// <summary>A group as the viewer may see it, with what the viewer may do in it.</summary>
public sealed record GroupContext(CommunityGroup Group, CommunityViewer Viewer, GroupRights Rights, bool CanRead)
{
    /// <summary>The viewer's own membership row of the group (null: none, or a visitor).</summary>
    public GroupMembership? Membership { get; init; }

    /// <summary>A held or hidden post is read by its author, the group's managers and moderators only (as in <see cref="CommunityAccess.ReadableTopics"/>).</summary>
    public bool Reads(ModerationHold? hold, string authorUserId) => hold is null || Rights.Manages || Viewer.UserId == authorUserId;

    /// <summary>The signed-in viewer as the author of a new post: managers' posts are never held, moderators' never limited.</summary>
    public PostAuthor Author => new(Viewer.UserId!, Rights.Manages, Viewer.Moderates);
}

/// <summary>
/// Finds the group and topic of a request through <see cref="CommunityAccess"/>: a group the viewer may not see is 404
/// (hidden groups do not exist for outsiders), except that a visitor is asked to log in for a group of professionals.
/// </summary>
public abstract class CommunityControllerBase(CommunityAccess access) : Controller
{
    protected const string NoticeKey = "community-melding";

    protected CommunityAccess Access => access;

    protected CommunityViewer Viewer => CommunityViewer.From(User);

    protected async Task<(GroupContext? Context, IActionResult? Denied)> GroupAsync(string slug, CancellationToken cancellationToken)
    {
        // The group and the viewer's membership row, then the access rules on them (CommunityAccess.Sees and Reads are
        // VisibleGroups and ReadableGroups for one group already read): one small query instead of three large ones.
        var viewer = Viewer;
        var found = await access.GroupWithMembershipAsync(slug, viewer.UserId, cancellationToken);
        return Context(viewer, found?.Group, found?.Membership);
    }

    /// <summary>The topic when the viewer may read it and it belongs to this group (a forged pair is 404).</summary>
    protected async Task<Topic?> TopicAsync(GroupContext context, long topicId, CancellationToken cancellationToken) =>
        context.CanRead ? Readable(context, await access.TopicInGroupAsync(context.Group.Id, topicId, cancellationToken)) : null;

    /// <summary>
    /// <see cref="GroupAsync"/> and then <see cref="TopicAsync"/> in one read, with whether the viewer follows the topic:
    /// the topic page, the community's most read page. Denied is set when the topic is null.
    /// </summary>
    protected async Task<(GroupContext? Context, Topic? Topic, GroupTopicAndFollow? Found, IActionResult? Denied)> GroupAndTopicAsync(string slug, long topicId, CancellationToken cancellationToken)
    {
        var viewer = Viewer;
        var found = await access.GroupWithTopicAsync(slug, topicId, viewer, cancellationToken);
        var (context, denied) = Context(viewer, found?.Group, found?.Membership);
        var topic = context is { CanRead: true } ? Readable(context, found!.Topic) : null;
        return topic is null ? (context, null, null, denied ?? NotFound()) : (context, topic, found, null);
    }

    private (GroupContext?, IActionResult?) Context(CommunityViewer viewer, CommunityGroup? group, GroupMembership? membership)
    {
        if (group is null || !CommunityAccess.Sees(group, viewer, membership))
        {
            var existsForProfessionals = !viewer.SignedIn && group is not null && group.JoinPolicy != JoinPolicy.Hidden;
            return (null, existsForProfessionals ? Challenge() : NotFound());
        }
        var context = new GroupContext(group, viewer, CommunityAccess.Rights(viewer, membership), CommunityAccess.Reads(group, viewer, membership))
        {
            Membership = membership,
        };
        return (context, null);
    }

    private static Topic? Readable(GroupContext context, Topic? topic) =>
        topic is not null && CommunityAccess.Reads(topic, context.Viewer, context.Membership) ? topic : null;

    /// <summary>The group when the viewer manages it (a group manager or moderator); else 404 or 403.</summary>
    protected async Task<(GroupContext?, IActionResult?)> ManagedAsync(string group, CancellationToken cancellationToken)
    {
        var (context, denied) = await GroupAsync(group, cancellationToken);
        return context is null ? (null, denied) : context.Rights.Manages ? (context, null) : (null, Forbid());
    }

    protected IActionResult Done(string notice, string route, object values)
    {
        TempData[NoticeKey] = notice;
        return RedirectToRoute(route, values);
    }

    protected string? Notice => TempData[NoticeKey] as string;
}
