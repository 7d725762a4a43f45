using Academy.Core.Background;
using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Academy.Core.Jobs;

/// <summary>
/// Runs due <see cref="ScheduledJob"/>s: claims each with a lease (a conditional update, so two nodes never
/// run the same job), then calls the <see cref="IJobHandler"/> of its kind in a new scope and transaction
/// that also completes the job. A failure (or a kind nobody handles) is recorded and retried with back-off
/// (30 s doubling, at most 6 hours); after <see cref="MaxAttempts"/> the job is marked failed. The lease is short
/// and renewed while the handler works (<see cref="LeaseHeartbeat"/>), so a job held by a dead process runs again
/// within <see cref="Leases.Duration"/>.
/// </summary>
public sealed class JobRunner(
    IServiceScopeFactory scopes,
    AcademyDbContext db,
    LeaseKeeper leases,
    TimeProvider clock,
    ILogger<JobRunner> logger) : IBackgroundProcessor
{
    public const int BatchSize = 20;
    public const int MaxAttempts = 10;
    public static readonly TimeSpan LeaseDuration = Leases.Duration;
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxRetry = TimeSpan.FromHours(6);

    private readonly string _owner = Leases.NewOwner("jobs");

    public string Name => "Jobs";

    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        var now = Now();
        var due = await Pending(db.Set<ScheduledJob>().AsNoTracking(), now)
            .Where(j => j.LeaseUntilUtc == null || j.LeaseUntilUtc < now)
            .OrderBy(j => j.NextAttemptUtc ?? j.DueUtc).ThenBy(j => j.Id)
            .Select(j => j.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var handled = 0;
        foreach (var id in due)
        {
            var claimedAt = Now();
            if (!await Pending(db.Set<ScheduledJob>(), claimedAt).TryClaimAsync(id, _owner, claimedAt, LeaseDuration, cancellationToken))
            {
                continue; // another node got it, or it was moved or cancelled meanwhile
            }
            handled++;
            await RunAsync(id, cancellationToken);
        }
        return handled;
    }

    private static IQueryable<ScheduledJob> Pending(IQueryable<ScheduledJob> jobs, DateTime now) =>
        jobs.Where(j => j.CompletedUtc == null && j.FailedUtc == null && (j.NextAttemptUtc ?? j.DueUtc) <= now);

    private async Task RunAsync(long id, CancellationToken ct)
    {
        ScheduledJob? job = null;
        try
        {
            // Declared first, so it stops last: after the transaction has committed or rolled back.
            await using var heartbeat = leases.Keep<ScheduledJob>(_owner, [id]);
            await using var scope = scopes.CreateAsyncScope();
            var unit = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
            job = await unit.Set<ScheduledJob>().AsNoTracking().SingleAsync(j => j.Id == id, ct);
            var handler = scope.ServiceProvider.GetServices<IJobHandler>().FirstOrDefault(h => h.Kind == job.Kind)
                ?? throw new InvalidOperationException($"Geen afhandeling voor taken van soort '{job.Kind}'.");
            // Through the unit of work, so on SQLite it queues on the process's write gate (see OutboxDispatcher).
            var due = job;
            await scope.ServiceProvider.GetRequiredService<UnitOfWork>().RunAsync(async () =>
            {
                await handler.RunAsync(new DueJob(due.Id, due.Kind, due.Key, due.DueUtc.AsUtc(), due.Payload, due.Attempts + 1), ct);
                await unit.SaveChangesAsync(ct);
                await CompleteAsync(unit, due, ct);
            }, ct);
        }
        catch (LeaseLostException exception)
        {
            logger.LogWarning(exception, "Job {Id} lost its lease; its work was rolled back", id);
        }
        catch (Exception exception) when (!ct.IsCancellationRequested)
        {
            await RecordFailureAsync(id, (job?.Attempts ?? 0) + 1, exception, ct);
        }
    }

    /// <summary>
    /// Completes the job, unless its handler scheduled the same (Kind, Key) again: then it only lets go of it.
    /// A job its handler cancelled is simply gone. Only a job leased by another node rolls the work back.
    /// </summary>
    private async Task CompleteAsync(AcademyDbContext unit, ScheduledJob job, CancellationToken ct)
    {
        var completed = Now();
        var due = job.DueUtc.AsUtc();
        var held = unit.Set<ScheduledJob>().HeldBy(job.Id, _owner);
        var affected = await held.Where(j => j.DueUtc == due).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.CompletedUtc, completed)
            .SetProperty(j => j.LeaseUntilUtc, (DateTime?)null)
            .SetProperty(j => j.LeaseOwner, (string?)null), ct);
        if (affected == 0)
        {
            affected = await held.ExecuteUpdateAsync(s => s
                .SetProperty(j => j.LeaseUntilUtc, (DateTime?)null)
                .SetProperty(j => j.LeaseOwner, (string?)null), ct);
        }
        if (affected == 0 && await unit.Set<ScheduledJob>().AnyAsync(j => j.Id == job.Id, ct))
        {
            throw new LeaseLostException($"Job {job.Id} was taken over by another node.");
        }
        // Otherwise the job is gone: its handler cancelled it (e.g. a workflow dropping its own timer), which completes it too.
    }

    private async Task RecordFailureAsync(long id, int attempts, Exception exception, CancellationToken ct)
    {
        var now = Now();
        var failed = attempts >= MaxAttempts ? now : (DateTime?)null;
        var next = now + Backoff.Delay(attempts, FirstRetry, MaxRetry);
        var error = Backoff.Describe(exception);
        await db.Set<ScheduledJob>().HeldBy(id, _owner).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Attempts, attempts)
            .SetProperty(j => j.LastError, error)
            .SetProperty(j => j.NextAttemptUtc, next)
            .SetProperty(j => j.FailedUtc, failed)
            .SetProperty(j => j.LeaseUntilUtc, (DateTime?)null)
            .SetProperty(j => j.LeaseOwner, (string?)null), ct);
        logger.LogWarning(exception, "Job {Id} failed (attempt {Attempt}){Final}", id, attempts, failed is null ? "" : "; given up");
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
