using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Core.Jobs;

/// <summary>
/// Adds or moves jobs in the caller's unit of work; nothing is saved here. A job that is already there
/// (in the database or added earlier in this unit of work) is moved and made pending again.
/// </summary>
public sealed class JobScheduler(AcademyDbContext db, TimeProvider clock) : IJobScheduler
{
    public async Task ScheduleAsync(string kind, string key, DateTime dueUtc, string? payload = null, CancellationToken cancellationToken = default)
    {
        var job = await FindAsync(kind, key, cancellationToken);
        if (job is null)
        {
            db.Set<ScheduledJob>().Add(new ScheduledJob
            {
                Kind = kind,
                Key = key,
                DueUtc = dueUtc.AsUtc(),
                Payload = payload,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            });
            return;
        }
        if (db.Entry(job).State == EntityState.Deleted)
        {
            db.Entry(job).State = EntityState.Modified; // cancelled earlier in this unit of work, scheduled again
        }
        job.DueUtc = dueUtc.AsUtc();
        job.Payload = payload;
        job.Attempts = 0;
        job.NextAttemptUtc = null;
        job.LastError = null;
        job.CompletedUtc = null;
        job.FailedUtc = null;
    }

    public async Task CancelAsync(string kind, string key, CancellationToken cancellationToken = default)
    {
        var job = await FindAsync(kind, key, cancellationToken);
        if (job is not null)
        {
            db.Set<ScheduledJob>().Remove(job);
        }
    }

    private async Task<ScheduledJob?> FindAsync(string kind, string key, CancellationToken ct) =>
        db.Set<ScheduledJob>().Local.FirstOrDefault(j => j.Kind == kind && j.Key == key)
        ?? await db.Set<ScheduledJob>().FirstOrDefaultAsync(j => j.Kind == kind && j.Key == key, ct);
}
