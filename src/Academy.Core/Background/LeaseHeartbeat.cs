using Academy.Core.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Academy.Core.Background;

/// <summary>Starts <see cref="LeaseHeartbeat"/>s: one per piece of claimed work, renewing on its own connection.</summary>
public sealed class LeaseKeeper(IServiceScopeFactory scopes, TimeProvider clock, ILogger<LeaseKeeper> logger)
{
    /// <summary>
    /// Keeps <paramref name="owner"/>'s leases on <paramref name="ids"/> alive until the heartbeat is disposed: every
    /// <see cref="Leases.RenewEvery"/> their end moves to now + <see cref="Leases.Duration"/>. Rows the owner finished
    /// (lease cleared) or lost drop out; when none is left the heartbeat stops by itself.
    /// </summary>
    public LeaseHeartbeat Keep<T>(string owner, IReadOnlyCollection<long> ids) where T : class, ILeasedWork
    {
        var rows = ids.ToArray();
        return new LeaseHeartbeat(owner, clock, logger, async ct =>
        {
            // Its own scope and connection: the work's transaction must not carry (or wait for) the renewal.
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
            return await db.Set<T>().RenewAsync(rows, owner, clock.GetUtcNow().UtcDateTime + Leases.Duration, ct);
        });
    }
}

/// <summary>
/// Renews a claim while its worker is busy (a long workflow, a batch of mails, a slow SMTP server), so a short
/// lease is enough to notice a dead process. Losing the lease is not reported here: the worker checks that it
/// still holds the row before it commits or hands a mail over (<see cref="Leases.HeldBy"/>).
/// </summary>
public sealed class LeaseHeartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly string _owner;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Func<CancellationToken, Task<int>> _renew;
    private readonly Task _loop;

    internal LeaseHeartbeat(string owner, TimeProvider clock, ILogger logger, Func<CancellationToken, Task<int>> renew)
    {
        _owner = owner;
        _clock = clock;
        _logger = logger;
        _renew = renew;
        // Not Task.Run: the timer is set before the constructor returns, so no tick can be missed.
        _loop = RunAsync(_stop.Token);
    }

    private async Task RunAsync(CancellationToken stop)
    {
        // Periodic, not a delay per round: a tick that comes while a renewal still runs is not lost.
        using var timer = new PeriodicTimer(Leases.RenewEvery, _clock);
        while (true)
        {
            try
            {
                await timer.WaitForNextTickAsync(stop);
                if (await _renew(stop) == 0)
                {
                    return; // nothing left to keep
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A busy or briefly unreachable database: the next tick tries again, well before the lease ends.
                _logger.LogWarning(exception, "Could not renew the leases of {Owner}", _owner);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        finally
        {
            _stop.Dispose();
        }
    }
}
