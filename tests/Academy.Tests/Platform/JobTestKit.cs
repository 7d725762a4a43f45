using System.Collections.Concurrent;
using Academy.Core.Data;
using Academy.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Platform;

public sealed class JobLog
{
    public ConcurrentQueue<string> Runs { get; } = new();
    public ConcurrentDictionary<string, bool> Failing { get; } = new();
    /// <summary>Keys whose handler schedules the same job again, a day later.</summary>
    public ConcurrentDictionary<string, bool> Repeating { get; } = new();
}

/// <summary>Handles "test" jobs: records the key, writes a document, fails or reschedules itself on request.</summary>
public sealed class TestJobHandler(JobLog log, AcademyDbContext db, IJobScheduler scheduler) : IJobHandler
{
    public const string TestKind = "platform-test";

    public string Kind => TestKind;

    public async Task RunAsync(DueJob job, CancellationToken cancellationToken)
    {
        db.Documents.Add(new DocumentRecord { Key = $"job-{job.Key}-{job.DueUtc:yyyyMMddHHmm}-{job.Attempt}", Json = job.Payload ?? "{}" });
        await Task.Yield();
        if (log.Failing.ContainsKey(job.Key))
        {
            throw new InvalidOperationException($"Job {job.Key} fails");
        }
        if (log.Repeating.ContainsKey(job.Key))
        {
            await scheduler.ScheduleAsync(Kind, job.Key, job.DueUtc.AddDays(1), job.Payload, cancellationToken);
        }
        log.Runs.Enqueue(job.Key);
    }
}

public static class JobTestKit
{
    public static PlatformSite Site(JobLog log, string? postgres = null) =>
        new(s =>
        {
            s.AddSingleton(log);
            s.AddScoped<IJobHandler, TestJobHandler>();
        }, postgres);

    public static async Task ScheduleAsync(PlatformSite site, params (string Key, DateTime Due)[] jobs) =>
        await ScheduleKindAsync(site, TestJobHandler.TestKind, jobs);

    public static async Task ScheduleKindAsync(PlatformSite site, string kind, params (string Key, DateTime Due)[] jobs)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var scheduler = scope.ServiceProvider.GetRequiredService<IJobScheduler>();
        foreach (var (key, due) in jobs)
        {
            await scheduler.ScheduleAsync(kind, key, due, $"{{\"key\":\"{key}\"}}");
        }
        await scope.ServiceProvider.GetRequiredService<AcademyDbContext>().SaveChangesAsync();
    }

    public static Task<ScheduledJob> JobAsync(PlatformSite site, string key, string kind = TestJobHandler.TestKind) =>
        site.WithDbAsync(db => db.Set<ScheduledJob>().AsNoTracking().SingleAsync(j => j.Kind == kind && j.Key == key));

    public static Task<int> DocumentsAsync(PlatformSite site, string key) =>
        site.WithDbAsync(db => db.Documents.CountAsync(d => d.Key.StartsWith($"job-{key}-")));
}
