using Academy.Community.Abstractions;
using Academy.Community.Models;
using Academy.Community.Services;
using Academy.Core.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Controllers;

public sealed record GroupCard(CommunityGroup Group, int MemberCount, MembershipStatus? Membership);

public sealed record GroupsPageModel(IReadOnlyList<GroupCard> Groups, CommunityViewer Viewer, string? Notice);

public sealed record GroupPageModel(GroupContext Context, IReadOnlyList<Topic> Topics, int MemberCount, bool Follows, string? Notice);

/// <summary>The community's groups: the list, a group's page with its topics, joining, leaving and following.</summary>
[Route("community")]
public sealed class GroupsController(CommunityAccess access, GroupService groups, AlumniOffer alumni) : CommunityControllerBase(access)
{
    [HttpGet("", Name = CommunityRouteNames.Groups)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var viewer = Viewer;
        var userId = viewer.UserId ?? "";
        var cards = await Access.VisibleGroups(viewer).AsNoTracking()
            .OrderBy(g => g.Name)
            .Select(g => new
            {
                Group = g,
                Members = Access.Memberships.Count(m => m.GroupId == g.Id && m.Status == MembershipStatus.Member),
                Mine = Access.Memberships.Where(m => m.GroupId == g.Id && m.UserId == userId).Select(m => (MembershipStatus?)m.Status).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return View(new GroupsPageModel(cards.Select(c => new GroupCard(c.Group, c.Members, c.Mine)).ToList(), viewer, Notice));
    }

    [HttpGet("{group}", Name = CommunityRouteNames.Group)]
    public async Task<IActionResult> Show(string group, CancellationToken cancellationToken)
    {
        var (context, denied) = await GroupAsync(group, cancellationToken);
        if (context is null)
        {
            return denied!;
        }
        var topics = context.CanRead
            ? await Access.ReadableTopics(context.Viewer).AsNoTracking().Where(t => t.GroupId == context.Group.Id)
                .OrderByDescending(t => t.IsPinned).ThenByDescending(t => t.LastActivityUtc).Take(100).ToListAsync(cancellationToken)
            : [];
        var members = await Access.Memberships.CountAsync(m => m.GroupId == context.Group.Id && m.Status == MembershipStatus.Member, cancellationToken);
        var follows = await groups.FollowsAsync(context.Viewer.UserId, FollowTarget.Group, context.Group.Id, cancellationToken);
        return View(new GroupPageModel(context, topics, members, follows, Notice));
    }

    [RequirePermission(CommunityPermissionNames.TakePartInCommunity)]
    [HttpPost("{group}/lid-worden", Name = "Community.Groups.Join")]
    public async Task<IActionResult> Join(string group, CancellationToken cancellationToken)
    {
        var (context, denied) = await GroupAsync(group, cancellationToken);
        if (context is null)
        {
            return denied!;
        }
        var outcome = await AlumnusJoinsAsync(context, cancellationToken) ?? await groups.JoinAsync(context.Group, context.Viewer.UserId!, cancellationToken);
        var notice = outcome switch
        {
            JoinOutcome.Joined => $"Je bent nu lid van {context.Group.Name}.",
            JoinOutcome.Requested => $"Je hebt gevraagd om lid te worden van {context.Group.Name}. Een beheerder van de groep beoordeelt je verzoek; daarna kun je meedoen.",
            JoinOutcome.AlreadyMember => $"Je bent al lid van {context.Group.Name}.",
            _ => "Voor deze groep word je uitgenodigd door een beheerder van de groep.",
        };
        return Done(notice, CommunityRouteNames.Group, new { group });
    }

    /// <summary>An alumnus of the training joins the closed alumni group at once (their request needs no manager); else null.</summary>
    private async Task<JoinOutcome?> AlumnusJoinsAsync(GroupContext context, CancellationToken cancellationToken)
    {
        if (context.Group.JoinPolicy != JoinPolicy.Closed || context.Rights.Member || !await alumni.IsAlumnusAsync(context.Group, User, cancellationToken))
        {
            return null;
        }
        await groups.AddMemberAsync(context.Group.Id, context.Viewer.UserId!, asManager: false, cancellationToken);
        return JoinOutcome.Joined;
    }

    [RequirePermission(CommunityPermissionNames.TakePartInCommunity)]
    [HttpPost("{group}/verlaten", Name = "Community.Groups.Leave")]
    public async Task<IActionResult> Leave(string group, CancellationToken cancellationToken)
    {
        var (context, denied) = await GroupAsync(group, cancellationToken);
        if (context is null)
        {
            return denied!;
        }
        var left = await groups.LeaveAsync(context.Group, context.Viewer.UserId!, cancellationToken);
        return left && context.Group.JoinPolicy == JoinPolicy.Hidden && !context.Viewer.Moderates
            ? Done($"Je bent geen lid meer van {context.Group.Name}.", CommunityRouteNames.Groups, new { })
            : Done(left ? $"Je bent geen lid meer van {context.Group.Name}." : "Je kunt de groep niet verlaten: je bent de enige beheerder. Maak eerst iemand anders beheerder.",
                CommunityRouteNames.Group, new { group });
    }

    [RequirePermission(CommunityPermissionNames.TakePartInCommunity)]
    [HttpPost("{group}/volgen", Name = "Community.Groups.Follow")]
    public async Task<IActionResult> Follow(string group, CancellationToken cancellationToken)
    {
        var (context, denied) = await GroupAsync(group, cancellationToken);
        if (context is null)
        {
            return denied!;
        }
        var follows = await groups.ToggleFollowAsync(context.Viewer.UserId!, FollowTarget.Group, context.Group.Id, cancellationToken);
        return Done(follows ? "Je volgt deze groep." : "Je volgt deze groep niet meer.", CommunityRouteNames.Group, new { group });
    }
}
