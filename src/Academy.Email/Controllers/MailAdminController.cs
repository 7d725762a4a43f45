using Academy.Core.Data;
using Academy.Core.Security;
using Academy.Email.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Academy.Email.Controllers;

/// <summary>
/// The mail outbox for admins: what waits (with its last error), the dead letters, and a button to try a
/// mail again. Only recipient, subject and error are shown, never a mail's body.
/// </summary>
[RequirePermission(EmailPermissions.ManageEmail)]
[Route("admin/e-mail")]
public sealed class MailAdminController(AcademyDbContext db, TimeProvider clock, IStringLocalizer<MailAdminController> T) : Controller
{
    public const int ListSize = 100;
    private const string NoticeKey = "MailAdmin.Notice";

    [HttpGet("", Name = "Email.MailAdmin.Index")]
    public async Task<IActionResult> Index()
    {
        var mails = db.Set<MailMessageRecord>().AsNoTracking();
        var model = new MailAdminViewModel(
            await MailCounts.ReadAsync(db),
            await Rows(mails.Where(m => m.Status == MailStatus.Queued || m.Status == MailStatus.HandingOver).OrderBy(m => m.NextAttemptUtc).ThenBy(m => m.Id)),
            await Rows(mails.Where(m => m.Status == MailStatus.DeadLetter).OrderByDescending(m => m.NextAttemptUtc).ThenByDescending(m => m.Id)),
            TempData[NoticeKey] as string);
        return View(model);
    }

    [HttpPost("{id:long}/opnieuw", Name = "Email.MailAdmin.Retry")]
    public async Task<IActionResult> Retry(long id)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // A mail that was sent meanwhile is left alone: sending it again is not what "retry" means.
        var affected = await db.Set<MailMessageRecord>()
            .Where(m => m.Id == id && m.Status != MailStatus.Sent)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, MailStatus.Queued)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptUtc, now));
        if (affected == 0)
        {
            return NotFound();
        }
        TempData[NoticeKey] = T["De e-mail staat weer in de wachtrij en wordt zo snel mogelijk verstuurd."].Value;
        return RedirectToRoute("Email.MailAdmin.Index");
    }

    private static Task<List<MailRow>> Rows(IQueryable<MailMessageRecord> mails) =>
        mails.Take(ListSize)
            .Select(m => new MailRow(m.Id, m.To, m.Subject, m.Status, m.Attempts, m.NextAttemptUtc, m.LastError, m.CreatedUtc))
            .ToListAsync();
}

public sealed record MailRow(long Id, string To, string Subject, MailStatus Status, int Attempts, DateTime NextAttemptUtc, string? LastError, DateTime CreatedUtc);

public sealed record MailAdminViewModel(MailCounts Counts, IReadOnlyList<MailRow> Queued, IReadOnlyList<MailRow> DeadLetters, string? Notice);

/// <summary>How many mails wait, were sent, and gave up.</summary>
public sealed record MailCounts(int Queued, int Sent, int DeadLetters)
{
    public static async Task<MailCounts> ReadAsync(AcademyDbContext db)
    {
        var counts = await db.Set<MailMessageRecord>().AsNoTracking()
            .GroupBy(m => m.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync();
        int Of(MailStatus status) => counts.FirstOrDefault(c => c.Status == status)?.Count ?? 0;
        // A mail being handed over still waits as far as an admin is concerned.
        return new MailCounts(Of(MailStatus.Queued) + Of(MailStatus.HandingOver), Of(MailStatus.Sent), Of(MailStatus.DeadLetter));
    }
}
