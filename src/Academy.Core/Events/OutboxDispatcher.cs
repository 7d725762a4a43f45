using Academy.Core.Background;
using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Academy.Core.Events;

/// <summary>
/// Hands committed domain events to every <see cref="IDomainEventHandler"/>, in Id order, each message in its
/// own scope and transaction together with marking it processed. A failing message is retried with back-off
/// (10 s doubling, at most an hour) and after <see cref="MaxAttempts"/> marked failed; it never holds up the
/// messages after it. Messages are claimed with a short lease, so two nodes never handle the same one; the lease
/// is renewed while a handler works (<see cref="LeaseHeartbeat"/>), and a message held by a process that died is
/// picked up again once its lease ends (<see cref="Leases.Duration"/>).
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    AcademyDbContext db,
    LeaseKeeper leases,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : IBackgroundProcessor
{
    public const int BatchSize = 20;
    public const int MaxAttempts = 10;
    public static readonly TimeSpan LeaseDuration = Leases.Duration;
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MaxRetry = TimeSpan.FromHours(1);

    private readonly string _owner = Leases.NewOwner("outbox");

    public string Name => "Outbox";

    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        var now = Now();
        var due = await Pending(db.Outbox.AsNoTracking())
            .Where(m => (m.NextAttemptUtc == null || m.NextAttemptUtc <= now) && (m.LeaseUntilUtc == null || m.LeaseUntilUtc < now))
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var handled = 0;
        foreach (var id in due)
        {
            if (!await Pending(db.Outbox).TryClaimAsync(id, _owner, Now(), LeaseDuration, cancellationToken))
            {
                continue; // another node got it first
            }
            handled++;
            await DispatchAsync(id, cancellationToken);
        }
        return handled;
    }

    private static IQueryable<OutboxMessage> Pending(IQueryable<OutboxMessage> messages) =>
        messages.Where(m => m.ProcessedUtc == null && m.FailedUtc == null);

    private async Task DispatchAsync(long id, CancellationToken ct)
    {
        var attempts = 0;
        try
        {
            // Declared first, so it stops last: after the transaction has committed or rolled back.
            await using var heartbeat = leases.Keep<OutboxMessage>(_owner, [id]);
            await using var scope = scopes.CreateAsyncScope();
            var unit = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
            var message = await unit.Outbox.AsNoTracking().SingleAsync(m => m.Id == id, ct);
            attempts = message.Attempts;
            // Through the unit of work: on SQLite it queues on the process's write gate with the requests' transactions
            // (a transaction of its own beside the gate made requests wait on SQLite's lock in 150 ms sleeps).
            await scope.ServiceProvider.GetRequiredService<UnitOfWork>().RunAsync(async () =>
            {
                foreach (var handler in scope.ServiceProvider.GetServices<IDomainEventHandler>())
                {
                    await handler.HandleAsync(message, ct);
                }
                await unit.SaveChangesAsync(ct);
                var processed = Now();
                var marked = await unit.Outbox.HeldBy(id, _owner).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.ProcessedUtc, processed)
                    .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null)
                    .SetProperty(m => m.LeaseOwner, (string?)null), ct);
                if (marked == 0)
                {
                    throw new LeaseLostException($"Outbox message {id} was taken over by another node.");
                }
            }, ct);
        }
        catch (LeaseLostException exception)
        {
            logger.LogWarning(exception, "Outbox message {Id} lost its lease; its work was rolled back", id);
        }
        catch (Exception exception) when (!ct.IsCancellationRequested)
        {
            await RecordFailureAsync(id, attempts + 1, exception, ct);
        }
    }

    private async Task RecordFailureAsync(long id, int attempts, Exception exception, CancellationToken ct)
    {
        var now = Now();
        var failed = attempts >= MaxAttempts ? now : (DateTime?)null;
        var next = now + Backoff.Delay(attempts, FirstRetry, MaxRetry);
        var error = Backoff.Describe(exception);
        await db.Outbox.HeldBy(id, _owner).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.NextAttemptUtc, next)
            .SetProperty(m => m.FailedUtc, failed)
            .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null)
            .SetProperty(m => m.LeaseOwner, (string?)null), ct);
        logger.LogWarning(exception, "Outbox message {Id} failed (attempt {Attempt}){Final}", id, attempts, failed is null ? "" : "; given up");
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
