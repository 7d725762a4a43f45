using Academy.Community.Abstractions;
using Academy.Community.Models;
using Academy.Community.Services;
using Academy.Core.Security;
using Academy.Users.Abstractions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Controllers;

public sealed record ManagedMember(GroupMembership Membership, MemberProfile? Profile)
{
    public string Name => Profile?.DisplayName ?? "Oud-lid";
}

public sealed record GroupManageModel(GroupContext Context, IReadOnlyList<ManagedMember> Members, FormErrorsOf<GroupForm> Settings, string? Notice, string? AddError);

/// <summary>A group's managers (and moderators): members and requests, adding colleagues by e-mail, settings.</summary>
[RequirePermission(CommunityPermissionNames.TakePartInCommunity)]
[Route("community/{group}/beheer")]
public sealed class GroupManageController(CommunityAccess access, GroupService groups, GroupThemes themes, IMemberProfiles profiles) : CommunityControllerBase(access)
{
    [HttpGet("", Name = "Community.Manage.Index")]
    public async Task<IActionResult> Index(string group, CancellationToken cancellationToken)
    {
        var (context, denied) = await ManagedAsync(group, cancellationToken);
        if (context is null)
        {
            return denied!;
        }
        return View(await ModelAsync(context, await SettingsOfAsync(context.Group, cancellationToken), null, cancellationToken));
    }

    [HttpPost("", Name = "Community.Manage.Settings")]
    public async Task<IActionResult> Settings(string group, GroupForm form, CancellationToken cancellationToken)
    {
        var (context, denied) = await ManagedAsync(group, cancellationToken);
        if (context is null)
        {
            return denied!;
        }
        var checkedForm = GroupService.Validate(form);
        if (checkedForm.Errors.Any)
        {
            return View("Index", await ModelAsync(context, checkedForm, null, cancellationToken));
        }
        await groups.UpdateAsync(context.Group.Id, form, cancellationToken);
        return Done("De instellingen van de groep zijn opgeslagen.", "Community.Manage.Index", new { group });
    }

    [HttpPost("leden", Name = "Community.Manage.Member")]
    public async Task<IActionResult> Member(string group, string? lid, MemberAction? actie, CancellationToken cancellationToken)
    {
        var (context, denied) = await ManagedAsync(group, cancellationToken);
        if (context is null)
        {
            return denied!;
        }
        if (string.IsNullOrEmpty(lid) || actie is not { } action || !Enum.IsDefined(action))
        {
            return BadRequest();
        }
        if (!await groups.ApplyAsync(context.Group, lid, action, cancellationToken))
        {
            return Done("Dat kan niet: deze persoon heeft geen open verzoek of is de enige beheerder van de groep.", "Community.Manage.Index", new { group });
        }
        var notice = action switch
        {
            MemberAction.Approve => "Het verzoek is goedgekeurd: de collega is nu lid van de groep.",
            MemberAction.Reject => "Het verzoek is afgewezen.",
            MemberAction.Remove => "De collega is uit de groep gehaald.",
            MemberAction.MakeManager => "De collega is nu ook beheerder van de groep.",
            _ => "De collega is geen beheerder meer van de groep.",
        };
        return Done(notice, "Community.Manage.Index", new { group });
    }

    [HttpPost("toevoegen", Name = "Community.Manage.Add")]
    public async Task<IActionResult> Add(string group, string? email, CancellationToken cancellationToken)
    {
        var (context, denied) = await ManagedAsync(group, cancellationToken);
        if (context is null)
        {
            return denied!;
        }
        var name = string.IsNullOrWhiteSpace(email) || email.Length > 256 ? null : await groups.AddByEmailAsync(context.Group, email, asManager: false, cancellationToken);
        if (name is null)
        {
            return View("Index", await ModelAsync(context, await SettingsOfAsync(context.Group, cancellationToken),
                "Er is geen account met dit e-mailadres. Controleer het adres, of vraag je collega eerst een account aan te maken.", cancellationToken, email));
        }
        return Done($"{name} is nu lid van de groep.", "Community.Manage.Index", new { group });
    }

    private async Task<FormErrorsOf<GroupForm>> SettingsOfAsync(CommunityGroup g, CancellationToken cancellationToken) =>
        new(new GroupForm
        {
            Name = g.Name, Description = g.Description, Kind = g.Kind, JoinPolicy = g.JoinPolicy, Access = g.Access,
            ApproveFirstPosts = g.ApproveFirstPosts,
            Themes = [.. await themes.GetAsync(g.Id, cancellationToken)],
        }, new());

    private async Task<(GroupContext?, IActionResult?)> ManagedAsync(string group, CancellationToken cancellationToken)
    {
        var (context, denied) = await GroupAsync(group, cancellationToken);
        return context is null ? (null, denied) : context.Rights.Manages ? (context, null) : (null, Forbid());
    }

    private async Task<GroupManageModel> ModelAsync(GroupContext context, FormErrorsOf<GroupForm> settings, string? addError, CancellationToken cancellationToken, string? typedEmail = null)
    {
        var memberships = await Access.Memberships.AsNoTracking().Where(m => m.GroupId == context.Group.Id).ToListAsync(cancellationToken);
        var named = await profiles.GetManyAsync(memberships.Select(m => m.UserId), cancellationToken);
        var members = memberships.Select(m => new ManagedMember(m, named.GetValueOrDefault(m.UserId)))
            .OrderBy(m => m.Membership.Status).ThenByDescending(m => m.Membership.IsManager).ThenBy(m => m.Name, StringComparer.CurrentCulture).ToList();
        ViewData["TypedEmail"] = typedEmail;
        ViewData["ThemeChoices"] = await themes.ChoicesAsync(cancellationToken);
        return new GroupManageModel(context, members, settings, Notice, addError);
    }
}
