using Academy.Core.Data;
using Academy.Core.Security;
using Academy.Users.Services;
using Academy.Users.Services.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Academy.Users.Controllers;

public sealed record PendingRegistrationRow(string UserId, string DisplayName, string Email, string Organisation, bool OtherOrganisation,
    string Function, DateTime? ConfirmedUtc);

public sealed record RegistrationsQueueViewModel(IReadOnlyList<PendingRegistrationRow> Pending, string? Notice, string? Error);

/// <summary>
/// The leer-coördinator's queue of confirmed registrations from addresses outside the partner domains: approve (the
/// person becomes a Professional) or decline (the account is deleted); the person is mailed either way.
/// </summary>
[RequirePermission(UsersPermissions.ApproveRegistrations)]
[Route("admin/registraties")]
public sealed class RegistrationsAdminController(AcademyDbContext db, RegistrationService registrations,
    IStringLocalizer<RegistrationsAdminController> T) : Controller
{
    public const int MaxShown = 200;

    [HttpGet("", Name = AccountRoutes.RegistrationsQueue)]
    public async Task<IActionResult> Index(string? melding, string? fout)
    {
        var pending = await (from r in db.Set<AccountRegistration>().AsNoTracking()
                             join u in db.Set<AcademyUser>().AsNoTracking() on r.UserId equals u.Id
                             join o in db.Set<Organisation>().AsNoTracking() on u.OrganisationId equals o.Id into chosen
                             from o in chosen.DefaultIfEmpty()
                             where r.Status == RegistrationStatus.Pending
                             orderby r.CreatedUtc
                             select new PendingRegistrationRow(u.Id, u.DisplayName, u.Email ?? "", r.OtherOrganisation ?? (o == null ? "" : o.Name),
                                 r.OtherOrganisation != null, r.Function, r.ConfirmedUtc))
            .Take(MaxShown).ToListAsync();
        string? notice = melding switch
        {
            "goedgekeurd" => T["De aanmelding is goedgekeurd. De persoon heeft een mail gekregen en kan nu inloggen."],
            "afgewezen" => T["De aanmelding is afgewezen. De persoon heeft een mail gekregen; het account is verwijderd."],
            _ => null,
        };
        string? error = fout is null ? null : T["Deze aanmelding wacht niet meer op goedkeuring. Misschien heeft iemand anders haar al behandeld."];
        return View(new RegistrationsQueueViewModel(pending, notice, error));
    }

    [HttpPost("{id}/goedkeuren", Name = "Users.RegistrationsAdmin.Approve")]
    public async Task<IActionResult> Approve(string id) =>
        await registrations.ApprovePendingAsync(id, HttpContext.RequestAborted)
            ? RedirectToRoute(AccountRoutes.RegistrationsQueue, new { melding = "goedgekeurd" })
            : RedirectToRoute(AccountRoutes.RegistrationsQueue, new { fout = "behandeld" });

    [HttpPost("{id}/afwijzen", Name = "Users.RegistrationsAdmin.Decline")]
    public async Task<IActionResult> Decline(string id) =>
        await registrations.DeclinePendingAsync(id, HttpContext.RequestAborted)
            ? RedirectToRoute(AccountRoutes.RegistrationsQueue, new { melding = "afgewezen" })
            : RedirectToRoute(AccountRoutes.RegistrationsQueue, new { fout = "behandeld" });
}
