using Academy.Leeragenda.Abstractions;
using System.Globalization;
using System.Security.Claims;
using Academy.Accreditation.Services.Attendance;
using Academy.Accreditation.ViewModels;
using Academy.Core.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Academy.Accreditation.Controllers;

/// <summary>
/// The register of one session and its presentielijst, served under the trainer's prefix (<c>/presentie</c>) and the
/// coördinator's (<c>/admin/presentie</c>). The derived controller sets the permission, the prefix and which editions
/// the user may see; the views are shared (the layout follows the path).
/// </summary>
public abstract class AttendanceControllerBase(
    AttendanceQuery query,
    AttendanceService service,
    PresentielijstPdf presentielijst,
    IStringLocalizer<AttendanceControllerBase> T) : Controller
{
    internal const string NoticeKey = "Attendance.Notice";
    protected const string IndexView = "~/Views/Attendance/Index.cshtml";
    private const string SessionView = "~/Views/Attendance/Session.cshtml";

    protected abstract string BaseUrl { get; }

    protected string ActorId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    /// <summary>The edition when this user may take its attendance; null means 404 (unknown, or not theirs).</summary>
    protected abstract Task<EditionInfo?> EditionAsync(string editionId, CancellationToken cancellationToken);

    /// <summary>Where the session page links back to.</summary>
    protected abstract string BackUrl(EditionInfo edition);

    [HttpGet("{editionId}/{sessionId}")]
    public async Task<IActionResult> Session(string editionId, string sessionId, string? alles, CancellationToken cancellationToken)
    {
        if (await FindAsync(editionId, sessionId, cancellationToken) is not ({ } edition, { } session))
        {
            return NotFound();
        }
        var prefill = alles == "aanwezig";
        return View(SessionView, await SessionModelAsync(edition, session, null, prefill, null, cancellationToken));
    }

    [HttpPost("{editionId}/{sessionId}")]
    public async Task<IActionResult> Save(string editionId, string sessionId, AttendanceInput input, CancellationToken cancellationToken)
    {
        if (await FindAsync(editionId, sessionId, cancellationToken) is not ({ } edition, { } session))
        {
            return NotFound();
        }
        var lines = input.Lines.Select(l =>
        {
            var status = AttendanceSessionViewModel.ParseFormValue(l.Status);
            int? minutes = int.TryParse(l.Minutes?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : null;
            return new AttendanceLine(l.EnrolmentId, status, minutes);
        }).ToList();
        var result = await service.SaveAsync(edition.EditionId, session.SessionId, lines, ActorId, cancellationToken);
        if (!result.Succeeded)
        {
            Response.StatusCode = result.Errors.Any(e => e.EnrolmentId is not null) ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            return View(SessionView, await SessionModelAsync(edition, session, input, false, (result.Errors, lines), cancellationToken));
        }
        var notice = T["De aanwezigheid is opgeslagen."].Value;
        if (result.CompletedNames.Count > 0)
        {
            notice += " " + T["Afgerond volgens de afrondingsregel: {0}.", string.Join(", ", result.CompletedNames)].Value;
        }
        TempData[NoticeKey] = notice;
        return Redirect(SessionUrl(edition, session));
    }

    [HttpGet("{editionId}/{sessionId}/presentielijst.pdf")]
    public async Task<IActionResult> Presentielijst(string editionId, string sessionId, CancellationToken cancellationToken)
    {
        if (await FindAsync(editionId, sessionId, cancellationToken) is not ({ } edition, { } session))
        {
            return NotFound();
        }
        var bytes = await presentielijst.CreateAsync(edition, session, cancellationToken);
        return File(bytes, "application/pdf", PresentielijstPdf.FileName(edition, session));
    }

    protected string SessionUrl(EditionInfo edition, SessionInfo session) =>
        $"{BaseUrl}/{Uri.EscapeDataString(edition.EditionId)}/{Uri.EscapeDataString(session.SessionId)}";

    private async Task<(EditionInfo, SessionInfo)?> FindAsync(string editionId, string sessionId, CancellationToken cancellationToken) =>
        await EditionAsync(editionId, cancellationToken) is { } edition && edition.Sessions.FirstOrDefault(s => s.SessionId == sessionId) is { } session
            ? (edition, session)
            : null;

    /// <summary>
    /// The field an error belongs to: the minutes of a partial line, else the line's first radio button; none for a
    /// line about someone not on the page (not a participant), which stays in the error summary only.
    /// </summary>
    private static string? Target(AttendanceError error, IReadOnlyList<AttendanceLine> lines, HashSet<long> shown)
    {
        if (error.EnrolmentId is not { } id || !shown.Contains(id) || lines.FirstOrDefault(l => l.EnrolmentId == id) is not { } line)
        {
            return null;
        }
        return line.Status == Models.AttendanceStatus.Partial
            ? AttendanceSessionViewModel.MinutesFieldId(id)
            : AttendanceSessionViewModel.StatusFieldId(id, Models.AttendanceStatus.Present);
    }

    private async Task<AttendanceSessionViewModel> SessionModelAsync(EditionInfo edition, SessionInfo session, AttendanceInput? posted, bool prefill,
        (IReadOnlyList<AttendanceError> Errors, IReadOnlyList<AttendanceLine> Lines)? failed, CancellationToken cancellationToken)
    {
        var open = AttendanceService.IsOpen(session, query.Now);
        var rows = await query.RowsAsync(edition, session, posted, prefill && open, cancellationToken);
        var shown = rows.Select(r => r.EnrolmentId).ToHashSet();
        return new AttendanceSessionViewModel
        {
            Edition = edition,
            Session = session,
            BaseUrl = BaseUrl,
            BackUrl = BackUrl(edition),
            Open = open,
            OpensUtc = session.StartUtc - AttendanceMessages.OpensBeforeStart,
            Rows = rows,
            Errors = failed is { } f ? f.Errors.Select(e => (Target(e, f.Lines, shown), e.Message)).ToList() : [],
            Notice = TempData[NoticeKey] as string,
            Prefilled = prefill && open && posted is null,
        };
    }
}
