using Academy.Core.Data;
using Academy.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Platform.JobTestKit;

namespace Academy.Tests.Platform;

/// <summary>Scheduled jobs: run once when due, moved by rescheduling, retried, unknown kinds recorded, leased.</summary>
public sealed class JobRunnerTests
{
    [Fact]
    public async Task A_due_job_runs_once_and_a_job_not_yet_due_waits()
    {
        var log = new JobLog();
        using var site = Site(log);
        var now = site.Clock.UtcNow;
        await ScheduleAsync(site, ("due", now.AddMinutes(-1)), ("later", now.AddHours(2)));

        await site.DrainAsync();
        await site.DrainAsync();

        Assert.Equal(["due"], log.Runs.ToList());
        var due = await JobAsync(site, "due");
        Assert.NotNull(due.CompletedUtc);
        Assert.Null(due.LeaseOwner);
        Assert.Equal(1, await DocumentsAsync(site, "due"));
        Assert.Null((await JobAsync(site, "later")).CompletedUtc);

        site.Clock.Advance(TimeSpan.FromHours(2));
        await site.DrainAsync();
        Assert.Equal(["due", "later"], log.Runs.ToList());
    }

    [Fact]
    public async Task Scheduling_an_existing_key_moves_the_job_and_cancel_removes_it()
    {
        var log = new JobLog();
        using var site = Site(log);
        var now = site.Clock.UtcNow;
        await ScheduleAsync(site, ("moved", now.AddMinutes(5)), ("cancelled", now.AddMinutes(5)));
        await ScheduleAsync(site, ("moved", now.AddHours(3)));
        await using (var scope = site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IJobScheduler>().CancelAsync(TestJobHandler.TestKind, "cancelled");
            await scope.ServiceProvider.GetRequiredService<AcademyDbContext>().SaveChangesAsync();
        }
        Assert.Equal(1, await site.WithDbAsync(db => db.Set<ScheduledJob>().CountAsync(j => j.Kind == TestJobHandler.TestKind)));

        site.Clock.Advance(TimeSpan.FromMinutes(10));
        await site.DrainAsync();
        Assert.Empty(log.Runs);

        site.Clock.Advance(TimeSpan.FromHours(3));
        await site.DrainAsync();
        Assert.Equal(["moved"], log.Runs.ToList());
    }

    [Fact]
    public async Task A_handler_that_schedules_its_own_key_again_gets_a_pending_job_for_the_new_time()
    {
        var log = new JobLog();
        using var site = Site(log);
        log.Repeating["daily"] = true;
        await ScheduleAsync(site, ("daily", site.Clock.UtcNow));

        await site.DrainAsync();
        var job = await JobAsync(site, "daily");
        Assert.Null(job.CompletedUtc);
        Assert.Null(job.LeaseOwner);
        Assert.Equal(site.Clock.UtcNow.AddDays(1), job.DueUtc.AsUtc());

        log.Repeating.Clear();
        site.Clock.Advance(TimeSpan.FromDays(1));
        await site.DrainAsync();
        Assert.Equal(["daily", "daily"], log.Runs.ToList());
        Assert.NotNull((await JobAsync(site, "daily")).CompletedUtc);
    }

    [Fact]
    public async Task A_failing_job_is_rolled_back_and_retried_with_back_off()
    {
        var log = new JobLog();
        using var site = Site(log);
        log.Failing["flaky"] = true;
        await ScheduleAsync(site, ("flaky", site.Clock.UtcNow));

        await site.DrainAsync();
        var failed = await JobAsync(site, "flaky");
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("Job flaky fails", failed.LastError);
        Assert.Equal(site.Clock.UtcNow + JobRunner.FirstRetry, failed.NextAttemptUtc!.Value.AsUtc());
        Assert.Null(failed.CompletedUtc);
        Assert.Equal(0, await DocumentsAsync(site, "flaky"));

        site.Clock.Advance(JobRunner.FirstRetry - TimeSpan.FromSeconds(1));
        await site.DrainAsync();
        Assert.Equal(1, (await JobAsync(site, "flaky")).Attempts);

        site.Clock.Advance(TimeSpan.FromSeconds(1));
        await site.DrainAsync();
        var second = await JobAsync(site, "flaky");
        Assert.Equal(2, second.Attempts);
        Assert.Equal(site.Clock.UtcNow + 2 * JobRunner.FirstRetry, second.NextAttemptUtc!.Value.AsUtc());

        log.Failing.Clear();
        site.Clock.Advance(2 * JobRunner.FirstRetry);
        await site.DrainAsync();
        Assert.Equal(["flaky"], log.Runs.ToList());
        Assert.NotNull((await JobAsync(site, "flaky")).CompletedUtc);
        Assert.Equal(1, await DocumentsAsync(site, "flaky"));
    }

    [Fact]
    public async Task A_job_of_an_unknown_kind_is_recorded_as_an_error_and_does_not_stop_the_others()
    {
        var log = new JobLog();
        using var site = Site(log);
        await ScheduleKindAsync(site, "nobody-handles-this", ("orphan", site.Clock.UtcNow));
        await ScheduleAsync(site, ("normal", site.Clock.UtcNow));

        await site.DrainAsync();

        var orphan = await JobAsync(site, "orphan", "nobody-handles-this");
        Assert.Equal(1, orphan.Attempts);
        Assert.Contains("nobody-handles-this", orphan.LastError);
        Assert.Null(orphan.CompletedUtc);
        Assert.Equal(["normal"], log.Runs.ToList());
    }

    [Fact]
    public async Task A_leased_job_is_not_run_by_a_second_runner() =>
        await PlatformConcurrency.TwoJobRunnersAsync(null);
}

/// <summary>Core's schema step for the platform on a database made by the step before it.</summary>
public sealed class PlatformMigrationTests
{
    [Fact]
    public async Task The_platform_step_upgrades_a_database_made_by_the_first_step_on_sqlite()
    {
        var log = new JobLog();
        using var site = Site(log);
        await MigrationCheck.UpgradeFromFirstCoreStepAsync(site);

        await ScheduleAsync(site, ("after-upgrade", site.Clock.UtcNow));
        await site.DrainAsync();
        Assert.Equal(["after-upgrade"], log.Runs.ToList());
    }
}
