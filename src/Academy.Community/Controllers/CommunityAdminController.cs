using Academy.Community.Abstractions;
using Academy.Community.Models;
using Academy.Community.Services;
using Academy.Core.Contracts;
using Academy.Core.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Controllers;

public sealed record CommunityAdminModel(IReadOnlyList<GroupCard> Groups, FormErrorsOf<GroupForm> NewGroup, string? Notice);

/// <summary>The moderators' page in /admin: every group (hidden ones too) and starting a new group.</summary>
[RequirePermission(CommunityPermissionNames.ModerateCommunity)]
[Route("admin/community")]
public sealed class CommunityAdminController(CommunityAccess access, GroupService groups, GroupThemes themes) : CommunityControllerBase(access)
{

    [HttpGet("", Name = "Community.Admin.Index")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await ModelAsync(new FormErrorsOf<GroupForm>(new GroupForm(), new()), cancellationToken));

    [HttpPost("", Name = "Community.Admin.Create")]
    public async Task<IActionResult> Create(GroupForm form, CancellationToken cancellationToken)
    {
        var checkedForm = GroupService.Validate(form);
        if (!checkedForm.Errors.Any)
        {
            var group = await groups.CreateAsync(form, Viewer.UserId!, cancellationToken);
            if (group is not null)
            {
                return Done($"De groep {group.Name} is aangemaakt. Jij bent de eerste beheerder.", CommunityRouteNames.Group, new { group = group.Slug });
            }
            checkedForm.Errors.Add(nameof(GroupForm.Slug), "Dit webadres is al in gebruik of niet toegestaan. Kies een ander.");
        }
        return View("Index", await ModelAsync(checkedForm, cancellationToken));
    }

    private async Task<CommunityAdminModel> ModelAsync(FormErrorsOf<GroupForm> form, CancellationToken cancellationToken)
    {
        var cards = await Access.Groups.AsNoTracking().OrderBy(g => g.Name)
            .Select(g => new { Group = g, Members = Access.Memberships.Count(m => m.GroupId == g.Id && m.Status == MembershipStatus.Member) })
            .ToListAsync(cancellationToken);
        ViewData["ThemeChoices"] = await themes.ChoicesAsync(cancellationToken);
        return new CommunityAdminModel(cards.Select(c => new GroupCard(c.Group, c.Members, null)).ToList(), form, Notice);
    }
}

/// <summary>The community in the back-office menu.</summary>
public sealed class CommunityAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        AdminMenuItem.ForRoute("Community", "Community.Admin.Index", CommunityPermissionNames.ModerateCommunity, 40),
        AdminMenuItem.ForRoute("Moderatie", ModerationAdminController.RouteName, CommunityPermissionNames.ModerateCommunity, 41),
    ];
}
