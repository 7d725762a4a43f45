using Academy.Testing;
using static Academy.Tests.Platform.JobTestKit;

namespace Academy.Tests.Platform;

/// <summary>The background platform on PostgreSQL: migration, and two nodes racing for the same rows.</summary>
public sealed class PlatformPostgresTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
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

    [Fact]
    public async Task A_heartbeat_keeps_a_lease_and_a_lease_nobody_renews_ends_after_twenty_seconds_on_postgres() =>
        await LeaseScenarios.HeartbeatKeepsTheLeaseAndAnAbandonedOneEndsAsync(await postgres.CreateDatabaseAsync("lease"));

    [Fact]
    public async Task An_event_and_a_job_held_by_a_killed_process_run_again_within_half_a_minute_on_postgres() =>
        await LeaseScenarios.WorkOfADeadProcessIsPickedUpAfterTheLeaseAsync(await postgres.CreateDatabaseAsync("deadlease"));

    [Fact]
    public async Task An_event_handler_working_longer_than_any_lease_keeps_its_message_on_postgres() =>
        await LeaseScenarios.LongEventHandlerKeepsItsMessageAsync(await postgres.CreateDatabaseAsync("longevent"));

    [Fact]
    public async Task A_job_working_longer_than_any_lease_keeps_its_lease_on_postgres() =>
        await LeaseScenarios.LongJobKeepsItsLeaseAsync(await postgres.CreateDatabaseAsync("longjob"));
}
