using Academy.Leeragenda.Abstractions;
using System.Security.Claims;
using Academy.Accreditation.Permissions;
using Academy.Accreditation.Services.Attendance;
using Academy.Accreditation.ViewModels;
using Academy.Core.Contracts;
using Academy.Core.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Academy.Accreditation.Controllers;

/// <summary>
/// The trainer's tablet pages: the groups they give (their e-mail address is on the edition) and the register of each
/// session. Another trainer's group is a 404, as if it did not exist.
/// </summary>
[RequirePermission(AccreditationPermissions.TakeAttendance)]
[Route("presentie")]
public sealed class AttendanceController(
    AttendanceQuery query,
    AttendanceService service,
    PresentielijstPdf presentielijst,
    IEditionCatalog catalog,
    IStringLocalizer<AttendanceControllerBase> T) : AttendanceControllerBase(query, service, presentielijst, T)
{
    /// <summary>The trainer's window: groups of the last two months and the coming month.</summary>
    public const int DaysBack = 60;
    public const int DaysAhead = 30;

    protected override string BaseUrl => "/presentie";

    private string? TrainerEmail => User.FindFirstValue(ClaimTypes.Email)?.Trim().ToLowerInvariant();

    [HttpGet("", Name = "Accreditation.Attendance.Index")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var editions = TrainerEmail is { Length: > 0 } email
            ? await query.EditionsAsync(DaysBack, DaysAhead, email, null, cancellationToken)
            : [];
        return View(IndexView, new AttendanceIndexViewModel { Admin = false, BaseUrl = BaseUrl, Editions = editions });
    }

    protected override async Task<EditionInfo?> EditionAsync(string editionId, CancellationToken cancellationToken) =>
        TrainerEmail is { Length: > 0 } email && await catalog.GetAsync(editionId, cancellationToken) is { } edition && edition.TrainerEmails.Contains(email)
            ? edition
            : null;

    protected override string BackUrl(EditionInfo edition) => BaseUrl;
}
