using Academy.Leeragenda.Abstractions;
using Academy.Accreditation.Permissions;
using Academy.Accreditation.Services.Attendance;
using Academy.Accreditation.ViewModels;
using Academy.Core.Contracts;
using Academy.Core.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Academy.Accreditation.Controllers;

/// <summary>
/// The leer-coördinator's attendance pages: every edition in a period (with filters), one edition with its sessions and
/// each participant's completion state, and the same session register and presentielijst the trainer uses.
/// </summary>
[RequirePermission(AccreditationPermissions.ManageAccreditation)]
[Route("admin/presentie")]
public sealed class AttendanceAdminController(
    AttendanceQuery query,
    AttendanceService service,
    PresentielijstPdf presentielijst,
    IEditionCatalog catalog,
    IStringLocalizer<AttendanceControllerBase> T) : AttendanceControllerBase(query, service, presentielijst, T)
{
    public const int MaxQueryLength = 200;

    protected override string BaseUrl => "/admin/presentie";

    [HttpGet("", Name = "Accreditation.AttendanceAdmin.Index")]
    public async Task<IActionResult> Index(string? q, string? periode, CancellationToken cancellationToken)
    {
        q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (q?.Length > MaxQueryLength)
        {
            q = q[..MaxQueryLength];
        }
        var period = AttendancePeriods.Normalise(periode);
        var (back, ahead) = AttendancePeriods.Window(period);
        var editions = await query.EditionsAsync(back, ahead, null, q, cancellationToken);
        return View(IndexView, new AttendanceIndexViewModel { Admin = true, BaseUrl = BaseUrl, Editions = editions, Query = q, Period = period });
    }

    [HttpGet("{editionId}", Name = "Accreditation.AttendanceAdmin.Edition")]
    public async Task<IActionResult> Edition(string editionId, CancellationToken cancellationToken)
    {
        if (await EditionAsync(editionId, cancellationToken) is not { } edition)
        {
            return NotFound();
        }
        var participants = await query.ParticipantsAsync(edition, cancellationToken);
        return View("~/Views/Attendance/Edition.cshtml", new AttendanceEditionViewModel
        {
            Summary = await query.SummaryAsync(edition, participants.Count, cancellationToken),
            Participants = participants,
            BaseUrl = BaseUrl,
        });
    }

    protected override Task<EditionInfo?> EditionAsync(string editionId, CancellationToken cancellationToken) =>
        catalog.GetAsync(editionId, cancellationToken);

    protected override string BackUrl(EditionInfo edition) => $"{BaseUrl}/{Uri.EscapeDataString(edition.EditionId)}";
}
