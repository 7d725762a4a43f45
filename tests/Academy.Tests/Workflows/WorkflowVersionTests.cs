namespace Academy.Tests.Workflows;

/// <summary>Versions and indexes on SQLite (PostgreSQL: WorkflowPostgresTests).</summary>
public sealed class WorkflowVersionTests(SqliteWorkflowSite fixture) : IClassFixture<SqliteWorkflowSite>
{
    private WorkflowSite Site => fixture.Site;

    [Fact]
    public async Task An_instance_finishes_on_the_version_it_started_on_and_a_new_one_uses_the_newest() =>
        await WorkflowVersionScenarios.InstanceFinishesOnTheVersionItStartedOn(Site, await WorkflowAdminTests.ManagerAsync(Site));

    [Fact]
    public Task Start_lookup_uses_the_index_not_the_json() => WorkflowVersionScenarios.StartLookupUsesTheIndex(Site);

    [Fact]
    public async Task Retry_moves_a_faulted_instance_to_the_newest_version_that_still_has_the_failed_activity() =>
        await WorkflowRetryScenarios.RetryMovesToTheNewestVersionThatHasTheFailedActivity(Site, await WorkflowAdminTests.ManagerAsync(Site));

    [Fact]
    public async Task Retry_keeps_a_faulted_instance_on_its_version_when_the_newest_lacks_the_failed_activity() =>
        await WorkflowRetryScenarios.RetryStaysOnItsVersionWhenTheNewestLacksTheFailedActivity(Site, await WorkflowAdminTests.ManagerAsync(Site));
}

/// <summary>The migration step on a SQLite database of its own at the previous schema version.</summary>
public sealed class WorkflowIndexMigrationTests
{
    [Fact]
    public async Task Migration_step_fills_versions_and_indexes_of_an_earlier_release()
    {
        await using var site = new WorkflowSite();
        await WorkflowVersionScenarios.MigrationStepFillsTheIndexes(site);
    }
}
