using System.Net.Mail;
using System.Security.Claims;
using Academy.Core.Data;
using Academy.Core.Security;
using Academy.Users.Abstractions;
using Academy.Users.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Academy.Users.Controllers;

public sealed class InviteUserViewModel
{
    public string? Email { get; set; }
    public string? DisplayName { get; set; }
    public string? OrganisationId { get; set; }
    public List<string> Roles { get; set; } = [];
    public IReadOnlyList<string> GrantableRoles { get; set; } = [];
    public IReadOnlyList<OrganisationOption> Organisations { get; set; } = [];
}

/// <summary>
/// Changes to accounts from /admin: invite, give and take roles, block and unblock, resend the invitation. Each
/// redirects to the account's page with a notice, or with the Dutch reason it was refused (nothing changed).
/// </summary>
[RequirePermission(UsersPermissions.ManageMemberAccounts)]
[Route("admin/gebruikers")]
public sealed class UserChangesController(
    AcademyDbContext db,
    UserAdministration administration,
    IAccountInvitations invitations,
    UserManager<AcademyUser> userManager,
    IStringLocalizer<UserChangesController> T) : Controller
{
    [HttpGet("uitnodigen", Name = "Users.UserChanges.Invite")]
    public async Task<IActionResult> Invite() => await InviteForm(new InviteUserViewModel());

    [HttpPost("uitnodigen")]
    public async Task<IActionResult> Invite(InviteUserViewModel model)
    {
        ModelState.Clear();
        model.Email = model.Email?.Trim();
        model.DisplayName = model.DisplayName?.Trim();
        model.Roles = model.Roles.Where(r => !string.IsNullOrWhiteSpace(r)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (model.Roles.Any(r => !UserAdministration.MayGrant(User, r)))
        {
            return Forbid();
        }
        if (string.IsNullOrEmpty(model.Email))
        {
            ModelState.AddModelError(nameof(model.Email), T["Vul het e-mailadres in."]);
        }
        else if (model.Email.Length > 256 || !MailAddress.TryCreate(model.Email, out var parsed) || parsed.Address != model.Email)
        {
            ModelState.AddModelError(nameof(model.Email), T["Vul een geldig e-mailadres in, zoals naam@organisatie.nl."]);
        }
        if (string.IsNullOrEmpty(model.DisplayName))
        {
            ModelState.AddModelError(nameof(model.DisplayName), T["Vul de naam in."]);
        }
        else if (model.DisplayName.Length > 200)
        {
            ModelState.AddModelError(nameof(model.DisplayName), T["Gebruik voor de naam hoogstens 200 tekens."]);
        }
        var grantable = await administration.GrantableRolesAsync(User);
        if (model.Roles.Count == 0 || model.Roles.Any(r => !grantable.Contains(r, StringComparer.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError(nameof(model.Roles), T["Kies minstens één rol uit de lijst."]);
        }
        if (!string.IsNullOrEmpty(model.OrganisationId) && !await db.Set<Organisation>().AnyAsync(o => o.Id == model.OrganisationId))
        {
            ModelState.AddModelError(nameof(model.OrganisationId), T["Kies een organisatie uit de lijst."]);
        }
        if (ModelState.IsValid && await userManager.FindByEmailAsync(model.Email!) is { } existing
            && !UserAdministration.MayManage(User, await userManager.GetRolesAsync(existing)))
        {
            ModelState.AddModelError(nameof(model.Email), T["Dit e-mailadres hoort bij een account dat je niet mag aanpassen. Vraag het aan een beheerder."]);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await InviteForm(model);
        }

        var result = await invitations.InviteAsync(new AccountInvitation(model.Email!, model.DisplayName!, model.Roles,
            string.IsNullOrEmpty(model.OrganisationId) ? null : model.OrganisationId), ActorId);
        TempData[UsersAdminController.NoticeKey] = result.MailQueued
            ? T["{0} is uitgenodigd. Er gaat een e-mail met een link om een wachtwoord te kiezen naar {1}.", model.DisplayName!, model.Email!].Value
            : T["Er was al een account met dit e-mailadres en een wachtwoord. De gekozen rollen zijn toegevoegd."].Value;
        return RedirectToRoute("Users.UsersAdmin.User", new { id = result.UserId });
    }

    [HttpPost("{id}/rollen/toevoegen", Name = "Users.UserChanges.AddRole")]
    public async Task<IActionResult> AddRole(string id, string? role) =>
        Done(id, await administration.AddRoleAsync(User, id, role), T["De rol {0} is gegeven.", role ?? ""]);

    [HttpPost("{id}/rollen/verwijderen", Name = "Users.UserChanges.RemoveRole")]
    public async Task<IActionResult> RemoveRole(string id, string? role) =>
        Done(id, await administration.RemoveRoleAsync(User, id, role), T["De rol {0} is afgenomen.", role ?? ""]);

    [HttpPost("{id}/blokkeren", Name = "Users.UserChanges.Block")]
    public async Task<IActionResult> Block(string id) =>
        Done(id, await administration.BlockAsync(User, id), T["Het account is geblokkeerd en overal uitgelogd."]);

    [HttpPost("{id}/deblokkeren", Name = "Users.UserChanges.Unblock")]
    public async Task<IActionResult> Unblock(string id) =>
        Done(id, await administration.UnblockAsync(User, id), T["Het account is niet meer geblokkeerd."]);

    /// <summary>A new invitation mail for an account that has no password yet (the old link keeps working until used).</summary>
    [HttpPost("{id}/uitnodiging", Name = "Users.UserChanges.ResendInvitation")]
    public async Task<IActionResult> ResendInvitation(string id)
    {
        if (await administration.SubjectAsync(User, id) is not { } user)
        {
            return NotFound();
        }
        if (await userManager.HasPasswordAsync(user) || user.Email is null)
        {
            return Done(id, AdminChange.Refused(T["Dit account heeft al een wachtwoord; een uitnodiging is niet nodig."]), "");
        }
        await invitations.InviteAsync(new AccountInvitation(user.Email, user.DisplayName, []), ActorId);
        return Done(id, AdminChange.Done, T["De uitnodiging is opnieuw verstuurd naar {0}.", user.Email]);
    }

    private string? ActorId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    private IActionResult Done(string id, AdminChange change, string notice)
    {
        if (change.Forbidden)
        {
            return Forbid();
        }
        TempData[change.Succeeded ? UsersAdminController.NoticeKey : UsersAdminController.ErrorKey] =
            change.Succeeded ? notice : T[change.Error ?? ""].Value;
        return RedirectToRoute("Users.UsersAdmin.User", new { id });
    }

    private async Task<IActionResult> InviteForm(InviteUserViewModel model)
    {
        model.GrantableRoles = await administration.GrantableRolesAsync(User);
        model.Organisations = await db.Set<Organisation>().AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new OrganisationOption(o.Id, o.Name)).ToListAsync();
        return View("Invite", model);
    }
}
