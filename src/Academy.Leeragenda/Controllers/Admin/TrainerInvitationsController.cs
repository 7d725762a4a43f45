using Academy.Core.Content;
using Academy.Core.Security;
using Academy.Leeragenda.Abstractions;
using Academy.Leeragenda.Components;
using Academy.Users.Abstractions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using System.Security.Claims;

namespace Academy.Leeragenda.Controllers.Admin;

/// <summary>Invites a trainer named on an offering who has no account yet (the warning on the offering editor).</summary>
[RequirePermission(LeeragendaPermissions.ManageOfferings)]
[RequirePermission(UsersPermissionNames.ManageMemberAccounts)]
[Route("admin/aanbod/{id}/trainers")]
public sealed class TrainerInvitationsController(
    ContentManager contentManager,
    IUserLookup users,
    IAccountInvitations invitations,
    IStringLocalizer<TrainerInvitationsController> T) : Controller
{
    public const string TrainerRole = "Trainer";

    [HttpPost("uitnodigen", Name = "Leeragenda.TrainerInvitations.Invite")]
    public async Task<IActionResult> Invite(string id, string? email)
    {
        // Only an address the offering names, and only while it has no account: nothing else can be invited here.
        var missing = await TrainerAccountsViewComponent.MissingAsync(contentManager, users, id);
        var address = missing.FirstOrDefault(m => string.Equals(m, email?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (address is null)
        {
            return NotFound();
        }
        await invitations.InviteAsync(new AccountInvitation(address, address, [TrainerRole], ReturnUrl: Url.RouteUrl("Accreditation.Attendance.Index"),
            Reason: "Je bent trainer bij aanbod in de leeragenda. Met dit account houd je de presentie van je bijeenkomsten bij."),
            User.FindFirstValue(ClaimTypes.NameIdentifier));
        TempData[TrainerAccountsViewComponent.NoticeKey] = T["{0} is uitgenodigd als trainer.", address].Value;
        return RedirectToRoute(LeeragendaRouteNames.AdminEdit, new { id });
    }
}
