namespace Academy.Tests.Platform;

/// <summary>Short, renewed leases on SQLite (finding 7 of issue 9: work of a killed process waited minutes).</summary>
public sealed class LeaseTests
{
    [Fact]
    public async Task A_heartbeat_keeps_a_lease_far_beyond_its_length_and_a_lease_nobody_renews_ends_after_twenty_seconds() =>
        await LeaseScenarios.HeartbeatKeepsTheLeaseAndAnAbandonedOneEndsAsync(null);

    [Fact]
    public async Task An_event_and_a_job_held_by_a_killed_process_run_again_within_half_a_minute() =>
        await LeaseScenarios.WorkOfADeadProcessIsPickedUpAfterTheLeaseAsync(null);
}
