using Academy.Core.Data;
using Academy.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Platform.OutboxTestKit;

namespace Academy.Tests.Platform;

/// <summary>The outbox dispatcher: once, in order, retried with back-off, given up without blocking, atomic.</summary>
public sealed class OutboxDispatcherTests
{
    [Fact]
    public async Task Every_message_is_handled_once_in_id_order_and_marked_processed()
    {
        var log = new HandlerLog();
        using var site = Site(log);
        var ids = await PublishAsync(site, 30);

        await site.DrainAsync();
        await site.DrainAsync();

        Assert.Equal(ids, log.Handled.ToList());
        foreach (var id in ids)
        {
            var message = await MessageAsync(site, id);
            Assert.NotNull(message.ProcessedUtc);
            Assert.Null(message.LeaseOwner);
            Assert.Equal(0, message.Attempts);
        }
    }

    [Fact]
    public async Task A_failing_message_is_retried_with_back_off_then_marked_failed_without_blocking_later_ones()
    {
        var log = new HandlerLog();
        using var site = Site(log);
        log.Failing["bad-0"] = true;
        var ids = await PublishAsync(site, 3, "bad");

        await site.DrainAsync();

        // The later messages went through although the first one fails.
        Assert.Equal(ids.Skip(1), log.Handled.ToList());
        var failing = await MessageAsync(site, ids[0]);
        Assert.Equal(1, failing.Attempts);
        Assert.Null(failing.ProcessedUtc);
        Assert.Null(failing.FailedUtc);
        Assert.Contains("Handler fails for bad-0", failing.LastError);
        Assert.Equal(site.Clock.UtcNow + OutboxDispatcher.FirstRetry, failing.NextAttemptUtc!.Value, TimeSpan.FromMilliseconds(1));

        // Not due yet: nothing happens.
        await site.DrainAsync();
        Assert.Equal(1, (await MessageAsync(site, ids[0])).Attempts);

        var expectedDelays = new List<TimeSpan>();
        for (var attempt = 2; attempt <= OutboxDispatcher.MaxAttempts; attempt++)
        {
            var before = await MessageAsync(site, ids[0]);
            site.Clock.Set(new DateTimeOffset(DateTime.SpecifyKind(before.NextAttemptUtc!.Value, DateTimeKind.Utc)));
            await site.DrainAsync();
            var after = await MessageAsync(site, ids[0]);
            Assert.Equal(attempt, after.Attempts);
            if (attempt < OutboxDispatcher.MaxAttempts)
            {
                Assert.Null(after.FailedUtc);
                expectedDelays.Add(after.NextAttemptUtc!.Value - site.Clock.UtcNow);
            }
            else
            {
                Assert.NotNull(after.FailedUtc);
            }
        }
        // 20 s, 40 s, ... doubling, never above the cap.
        Assert.Equal(TimeSpan.FromSeconds(20), expectedDelays[0]);
        Assert.Equal(TimeSpan.FromSeconds(40), expectedDelays[1]);
        Assert.All(expectedDelays, d => Assert.True(d <= OutboxDispatcher.MaxRetry));
        Assert.Equal(TimeSpan.FromSeconds(10 * Math.Pow(2, OutboxDispatcher.MaxAttempts - 2)), expectedDelays[^1]);

        // A failed message is left alone, even much later; new messages still flow.
        site.Clock.Advance(TimeSpan.FromDays(2));
        var later = await PublishAsync(site, 1, "later");
        await site.DrainAsync();
        Assert.Equal(OutboxDispatcher.MaxAttempts, (await MessageAsync(site, ids[0])).Attempts);
        Assert.Equal(later[0], log.Handled.Last());
        Assert.DoesNotContain(ids[0], log.Handled);
    }

    [Fact]
    public async Task What_a_handler_writes_commits_only_together_with_processed()
    {
        var log = new HandlerLog { WriteDocuments = true };
        using var site = Site(log);
        log.Failing["atomic-0"] = true;
        var ids = await PublishAsync(site, 1, "atomic");

        await site.DrainAsync();
        Assert.Equal(0, await site.WithDbAsync(db => db.Documents.CountAsync(d => d.Key.StartsWith($"handled-{ids[0]}-"))));
        Assert.Null((await MessageAsync(site, ids[0])).ProcessedUtc);

        log.Failing.Clear();
        site.Clock.Advance(OutboxDispatcher.FirstRetry);
        await site.DrainAsync();
        Assert.Equal(1, await site.WithDbAsync(db => db.Documents.CountAsync(d => d.Key.StartsWith($"handled-{ids[0]}-"))));
        Assert.NotNull((await MessageAsync(site, ids[0])).ProcessedUtc);
        Assert.Equal(2, log.Calls);
    }

    [Fact]
    public async Task On_SQLite_a_message_waits_for_the_write_gate_like_every_other_transaction()
    {
        var log = new HandlerLog();
        using var site = Site(log);
        var ids = await PublishAsync(site, 1, "gate");
        var gate = site.Services.GetRequiredService<SqliteWriteGate>().Gate;

        await gate.WaitAsync(); // a request's transaction holds the process's writer
        var drain = site.DrainAsync();
        var finishedWhileHeld = await Task.WhenAny(drain, Task.Delay(TimeSpan.FromMilliseconds(500))) == drain;
        var handledWhileHeld = log.Handled.Count;
        gate.Release();
        await drain;

        Assert.False(finishedWhileHeld);
        Assert.Equal(0, handledWhileHeld);
        Assert.Equal(ids, log.Handled.ToList());
    }

    [Fact]
    public async Task Two_dispatchers_on_one_database_never_handle_the_same_message() =>
        await PlatformConcurrency.TwoDispatchersAsync(null);
}
