using Academy.Core.Data;
using Academy.Core.Jobs;
using Academy.Meldingen.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Academy.Meldingen.Services;

/// <summary>
/// Erases the personal data of meldingen closed longer than <see cref="MeldingenOptions.RetentionMonths"/> ago:
/// contact details, question and the gidsen's notes. What the dashboard counts (audience, topic, gemeente,
/// referral, dates) stays, so the figures do not change. Open and claimed meldingen are never touched.
/// </summary>
public sealed class MeldingRetention(AcademyDbContext db, IJobScheduler jobs, IOptions<MeldingenOptions> options, TimeProvider clock)
{
    public const string JobKind = "meldingen-retention";
    public const string JobKey = "daily";

    /// <summary>Makes sure the daily job is pending (in the caller's unit of work); called whenever a melding is stored.</summary>
    public async Task EnsureScheduledAsync(CancellationToken cancellationToken = default)
    {
        if (!await db.Set<ScheduledJob>().AnyAsync(j => j.Kind == JobKind && j.CompletedUtc == null && j.FailedUtc == null, cancellationToken))
        {
            await jobs.ScheduleAsync(JobKind, JobKey, clock.GetUtcNow().UtcDateTime.AddDays(1), null, cancellationToken);
        }
    }

    /// <summary>Erases what is past its retention; returns the number of meldingen erased.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var closedBefore = now.AddMonths(-Math.Max(0, options.Value.RetentionMonths));
        var ids = await db.Set<Melding>()
            .Where(m => m.Status == MeldingStatus.Closed && m.ErasedUtc == null && m.ClosedUtc < closedBefore)
            .Select(m => m.Id)
            .ToListAsync(cancellationToken);
        foreach (var batch in ids.Chunk(200))
        {
            await EraseAsync(db.Set<Melding>().Where(m => batch.Contains(m.Id)), now, cancellationToken);
        }
        return ids.Count;
    }

    /// <summary>Erases the personal data of <paramref name="meldingen"/> and of their notes (in the caller's transaction).</summary>
    internal async Task EraseAsync(IQueryable<Melding> meldingen, DateTime now, CancellationToken cancellationToken)
    {
        await db.Set<MeldingStep>()
            .Where(s => s.Kind == MeldingStepKind.Note && meldingen.Select(m => m.Id).Contains(s.MeldingId))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Text, (string?)null), cancellationToken);
        await meldingen.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Email, (string?)null)
            .SetProperty(m => m.Phone, (string?)null)
            .SetProperty(m => m.Question, (string?)null)
            .SetProperty(m => m.ErasedUtc, now), cancellationToken);
    }
}

/// <summary>The daily retention run; it schedules itself again while meldingen keep personal data.</summary>
public sealed class MeldingRetentionJob(MeldingRetention retention, AcademyDbContext db, IJobScheduler jobs, TimeProvider clock) : IJobHandler
{
    public string Kind => MeldingRetention.JobKind;

    public async Task RunAsync(DueJob job, CancellationToken cancellationToken)
    {
        await retention.RunAsync(cancellationToken);
        if (await db.Set<Melding>().AnyAsync(m => m.ErasedUtc == null, cancellationToken))
        {
            await jobs.ScheduleAsync(Kind, job.Key, clock.GetUtcNow().UtcDateTime.AddDays(1), null, cancellationToken);
        }
    }
}
