using Academy.Testing;
using static Academy.Tests.Platform.JobTestKit;

namespace Academy.Tests.Platform;

/// <summary>The background platform on PostgreSQL: migration, and two nodes racing for the same rows.</summary>
[Collection("postgres")]
public sealed class PlatformPostgresTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_platform_step_upgrades_a_database_made_by_the_first_step_on_postgres()
    {
        var log = new JobLog();
        using var site = Site(log, await postgres.CreateDatabaseAsync("platform"));
        await MigrationCheck.UpgradeFromFirstCoreStepAsync(site);

        await ScheduleAsync(site, ("after-upgrade", site.Clock.UtcNow));
        await site.DrainAsync();
        Assert.Equal(["after-upgrade"], log.Runs.ToList());
    }

    [Fact]
    public async Task Two_dispatchers_never_handle_the_same_message_on_postgres() =>
        await PlatformConcurrency.TwoDispatchersAsync(await postgres.CreateDatabaseAsync("outbox"));

    [Fact]
    public async Task Two_job_runners_never_run_the_same_job_on_postgres() =>
        await PlatformConcurrency.TwoJobRunnersAsync(await postgres.CreateDatabaseAsync("jobs"));
}
