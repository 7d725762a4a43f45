using Academy.Core.Data;
using Academy.Core.Events;
using Academy.Core.Jobs;
using Academy.Core.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Academy.Admin.Controllers;

public sealed record FailedEventRow(long Id, string Type, string? CorrelationId, DateTime OccurredUtc, int Attempts, DateTime? FailedUtc, string? LastError);

public sealed record FailedJobRow(long Id, string Kind, string Key, DateTime DueUtc, int Attempts, DateTime? FailedUtc, string? LastError);

public sealed record BackgroundViewModel(IReadOnlyList<FailedEventRow> Events, IReadOnlyList<FailedJobRow> Jobs, string? Notice);

/// <summary>
/// Background work that gave up (events no handler could process, jobs that kept failing), with the last
/// error and a button to try again. A retry is safe: an event's handlers run in one transaction with marking it done.
/// </summary>
[RequirePermission(AdminPermissions.ManageSettings)]
[Route("admin/achtergrond")]
public sealed class BackgroundController(AcademyDbContext db, TimeProvider clock, IStringLocalizer<BackgroundController> T) : Controller
{
    public const int ListSize = 100;
    private const string NoticeKey = "Background.Notice";

    [HttpGet("", Name = "Admin.Background.Index")]
    public async Task<IActionResult> Index() => View(new BackgroundViewModel(
        await db.Outbox.AsNoTracking().Where(m => m.FailedUtc != null && m.ProcessedUtc == null)
            .OrderByDescending(m => m.Id).Take(ListSize)
            .Select(m => new FailedEventRow(m.Id, m.Type, m.CorrelationId, m.OccurredUtc, m.Attempts, m.FailedUtc, m.LastError)).ToListAsync(),
        await db.Set<ScheduledJob>().AsNoTracking().Where(j => j.FailedUtc != null && j.CompletedUtc == null)
            .OrderByDescending(j => j.Id).Take(ListSize)
            .Select(j => new FailedJobRow(j.Id, j.Kind, j.Key, j.DueUtc, j.Attempts, j.FailedUtc, j.LastError)).ToListAsync(),
        TempData[NoticeKey] as string));

    [HttpPost("gebeurtenissen/{id:long}/opnieuw", Name = "Admin.Background.RetryEvent")]
    public async Task<IActionResult> RetryEvent(long id)
    {
        var now = Now;
        var affected = await db.Outbox.Where(m => m.Id == id && m.FailedUtc != null && m.ProcessedUtc == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.FailedUtc, (DateTime?)null)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptUtc, now));
        return Done(affected, T["De gebeurtenis wordt opnieuw verwerkt."]);
    }

    [HttpPost("taken/{id:long}/opnieuw", Name = "Admin.Background.RetryJob")]
    public async Task<IActionResult> RetryJob(long id)
    {
        var now = Now;
        var affected = await db.Set<ScheduledJob>().Where(j => j.Id == id && j.FailedUtc != null && j.CompletedUtc == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.FailedUtc, (DateTime?)null)
                .SetProperty(j => j.Attempts, 0)
                .SetProperty(j => j.NextAttemptUtc, now));
        return Done(affected, T["De taak wordt opnieuw uitgevoerd."]);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>An id that is unknown, or no longer failed (retried or done meanwhile), is a 404.</summary>
    private IActionResult Done(int affected, string notice)
    {
        if (affected == 0)
        {
            return NotFound();
        }
        TempData[NoticeKey] = notice;
        return RedirectToRoute("Admin.Background.Index");
    }
}
