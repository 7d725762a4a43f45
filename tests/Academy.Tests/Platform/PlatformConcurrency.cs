using Academy.Core.Events;
using Academy.Core.Jobs;
using static Academy.Tests.Platform.OutboxTestKit;

namespace Academy.Tests.Platform;

/// <summary>Two nodes over one database, played by two processor instances running at the same time.</summary>
public static class PlatformConcurrency
{
    public static async Task TwoDispatchersAsync(string? postgres)
    {
        var log = new HandlerLog { WriteDocuments = true };
        using var site = Site(log, postgres);
        var ids = await PublishAsync(site, 60, "pair");
        var pending = await site.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Outbox, m => m.ProcessedUtc == null));

        var (first, firstScope) = site.Processor<OutboxDispatcher>();
        var (second, secondScope) = site.Processor<OutboxDispatcher>();
        await using (firstScope)
        await using (secondScope)
        {
            var counts = await Task.WhenAll(Task.Run(() => DrainAsync(first)), Task.Run(() => DrainAsync(second)));
            Assert.Equal(pending, counts.Sum());
        }

        Assert.Equal(ids.Count, log.Calls);
        Assert.Equal(ids.Order(), log.Handled.Order());
    }

    public static async Task TwoJobRunnersAsync(string? postgres)
    {
        var log = new JobLog();
        using var site = JobTestKit.Site(log, postgres);
        await JobTestKit.ScheduleAsync(site, Enumerable.Range(0, 40).Select(i => ($"pair-{i}", site.Clock.UtcNow)).ToArray());

        var (first, firstScope) = site.Processor<JobRunner>();
        var (second, secondScope) = site.Processor<JobRunner>();
        await using (firstScope)
        await using (secondScope)
        {
            var counts = await Task.WhenAll(Task.Run(() => DrainAsync(first)), Task.Run(() => DrainAsync(second)));
            Assert.Equal(40, counts.Sum());
        }

        Assert.Equal(40, log.Runs.Count);
        Assert.Equal(40, log.Runs.Distinct().Count());
    }

    private static async Task<int> DrainAsync(Academy.Core.Background.IBackgroundProcessor processor)
    {
        var total = 0;
        for (var handled = -1; handled != 0;)
        {
            handled = await processor.ProcessBatchAsync(CancellationToken.None);
            total += handled;
        }
        return total;
    }
}
