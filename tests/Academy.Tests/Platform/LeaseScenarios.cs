using Academy.Core.Background;
using Academy.Core.Events;
using Academy.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Platform;

/// <summary>What a scripted handler does while it works (once); set by the test once the site exists.</summary>
public sealed class WorkScript
{
    private Func<Task>? _during;
    public int Runs;

    public Func<Task>? During
    {
        set => _during = value;
    }

    public Task RunAsync()
    {
        Interlocked.Increment(ref Runs);
        return Interlocked.Exchange(ref _during, null)?.Invoke() ?? Task.CompletedTask;
    }
}

public sealed class ScriptedEventHandler(WorkScript script) : IDomainEventHandler
{
    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.Type != nameof(PlatformTestEvent))
        {
            return;
        }
        await script.RunAsync();
    }
}

public sealed class ScriptedJobHandler(WorkScript script) : IJobHandler
{
    public const string ScriptedKind = "lease-test";

    public string Kind => ScriptedKind;

    public async Task RunAsync(DueJob job, CancellationToken cancellationToken)
    {
        await script.RunAsync();
    }
}

/// <summary>
/// Short leases, renewed while a worker is busy, taken over soon after their owner stopped renewing (a killed
/// process). Shared by the SQLite and PostgreSQL test classes.
/// </summary>
public static class LeaseScenarios
{
    /// <summary>Longer than any lease the platform ever had (the mail batch had 10 minutes).</summary>
    public static readonly TimeSpan LongWork = TimeSpan.FromMinutes(11);

    public static PlatformSite Site(WorkScript script, string? postgres) =>
        new(s =>
        {
            s.AddSingleton(script);
            s.AddScoped<IDomainEventHandler, ScriptedEventHandler>();
            s.AddScoped<IJobHandler, ScriptedJobHandler>();
        }, postgres);

    public static async Task HeartbeatKeepsTheLeaseAndAnAbandonedOneEndsAsync(string? postgres)
    {
        using var site = Site(new WorkScript(), postgres);
        var id = (await OutboxTestKit.PublishAsync(site, 1, "beat"))[0];
        Task<bool> ClaimAsync(string owner) =>
            site.WithDbAsync(db => db.Outbox.TryClaimAsync(id, owner, site.Clock.UtcNow, Leases.Duration, CancellationToken.None));
        Assert.True(await ClaimAsync("node-a"));

        await using (site.Services.GetRequiredService<LeaseKeeper>().Keep<OutboxMessage>("node-a", [id]))
        {
            await WorkLongAsync<OutboxMessage>(site, id);
            Assert.False(await ClaimAsync("node-b"));
        }

        // node-a stopped renewing (its process died): its lease runs out after one lease length, not later.
        site.Clock.Advance(Leases.Duration - TimeSpan.FromSeconds(1));
        Assert.False(await ClaimAsync("node-b"));
        site.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await ClaimAsync("node-b"));
        Assert.Equal("node-b", (await OutboxTestKit.MessageAsync(site, id)).LeaseOwner);
    }

    /// <summary>An event and a job claimed by a process that was then killed run again once the lease ended: within half a minute.</summary>
    public static async Task WorkOfADeadProcessIsPickedUpAfterTheLeaseAsync(string? postgres)
    {
        var script = new WorkScript();
        using var site = Site(script, postgres);
        var message = (await OutboxTestKit.PublishAsync(site, 1, "dead"))[0];
        await JobTestKit.ScheduleKindAsync(site, ScriptedJobHandler.ScriptedKind, ("dead-job", site.Clock.UtcNow));
        var job = (await JobTestKit.JobAsync(site, "dead-job", ScriptedJobHandler.ScriptedKind)).Id;
        var now = site.Clock.UtcNow;
        Assert.True(await site.WithDbAsync(db => db.Outbox.TryClaimAsync(message, "killed", now, OutboxDispatcher.LeaseDuration, CancellationToken.None)));
        Assert.True(await site.WithDbAsync(db => db.Set<ScheduledJob>().TryClaimAsync(job, "killed", now, JobRunner.LeaseDuration, CancellationToken.None)));

        site.Clock.Advance(TimeSpan.FromSeconds(19));
        await site.DrainAsync();
        Assert.Equal(0, script.Runs);

        site.Clock.Advance(TimeSpan.FromSeconds(2));
        await site.DrainAsync();
        Assert.Equal(2, script.Runs);
        Assert.NotNull((await OutboxTestKit.MessageAsync(site, message)).ProcessedUtc);
        Assert.NotNull((await JobTestKit.JobAsync(site, "dead-job", ScriptedJobHandler.ScriptedKind)).CompletedUtc);
    }

    /// <summary>
    /// A handler that works far longer than a lease keeps its message: a second dispatcher in the middle finds nothing.
    /// PostgreSQL only: on SQLite the handler's write transaction locks out every other writer (the second dispatcher
    /// and the renewal alike) until it commits, which protects the lease by itself.
    /// </summary>
    public static async Task LongEventHandlerKeepsItsMessageAsync(string postgres)
    {
        var script = new WorkScript();
        using var site = Site(script, postgres);
        var id = (await OutboxTestKit.PublishAsync(site, 1, "long"))[0];
        script.During = () => WorkLongThenRunAnotherAsync<OutboxMessage, OutboxDispatcher>(site, id);

        await site.DrainAsync();

        // Handled once: the second processor (run mid-work, eleven minutes on) did not take it over.
        Assert.Equal(1, script.Runs);
        var message = await OutboxTestKit.MessageAsync(site, id);
        Assert.NotNull(message.ProcessedUtc);
        Assert.Equal(0, message.Attempts);
        Assert.Null(message.LeaseOwner);
    }

    /// <summary>The same for a scheduled job (PostgreSQL only, as above).</summary>
    public static async Task LongJobKeepsItsLeaseAsync(string postgres)
    {
        var script = new WorkScript();
        using var site = Site(script, postgres);
        await JobTestKit.ScheduleKindAsync(site, ScriptedJobHandler.ScriptedKind, ("long-job", site.Clock.UtcNow));
        var id = (await JobTestKit.JobAsync(site, "long-job", ScriptedJobHandler.ScriptedKind)).Id;
        script.During = () => WorkLongThenRunAnotherAsync<ScheduledJob, JobRunner>(site, id);

        await site.DrainAsync();

        // Handled once: the second processor (run mid-work, eleven minutes on) did not take it over.
        Assert.Equal(1, script.Runs);
        var job = await JobTestKit.JobAsync(site, "long-job", ScriptedJobHandler.ScriptedKind);
        Assert.NotNull(job.CompletedUtc);
        Assert.Equal(0, job.Attempts);
    }

    /// <summary>Works long on row <paramref name="id"/> (<see cref="WorkLongAsync"/>), then runs a second processor of the same kind; returns what that one handled.</summary>
    public static async Task<int> WorkLongThenRunAnotherAsync<TRow, TProcessor>(PlatformSite site, long id)
        where TRow : class, ILeasedWork
        where TProcessor : IBackgroundProcessor
    {
        await WorkLongAsync<TRow>(site, id);
        var (second, scope) = site.Processor<TProcessor>();
        await using (scope)
        {
            return await second.ProcessBatchAsync(CancellationToken.None);
        }
    }

    /// <summary>Moves the clock <see cref="LongWork"/> ahead a heartbeat at a time, waiting each time until the lease of row <paramref name="id"/> was renewed.</summary>
    public static async Task WorkLongAsync<T>(PlatformSite site, long id) where T : class, ILeasedWork
    {
        for (var worked = TimeSpan.Zero; worked < LongWork; worked += Leases.RenewEvery)
        {
            site.Clock.Advance(Leases.RenewEvery);
            await WaitForLeaseAsync<T>(site, id, site.Clock.UtcNow + Leases.Duration);
        }
    }

    private static async Task WaitForLeaseAsync<T>(PlatformSite site, long id, DateTime until) where T : class, ILeasedWork
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        DateTime? seen = null;
        while (DateTime.UtcNow < deadline)
        {
            seen = await site.WithDbAsync(db => db.Set<T>().AsNoTracking().Where(r => r.Id == id).Select(r => r.LeaseUntilUtc).SingleAsync());
            if (seen is { } end && DateTime.SpecifyKind(end, DateTimeKind.Utc) >= until)
            {
                return;
            }
            await Task.Delay(10);
        }
        Assert.Fail($"The lease of {typeof(T).Name} {id} was not renewed to {until:O}; it ends {seen:O}.");
    }
}
