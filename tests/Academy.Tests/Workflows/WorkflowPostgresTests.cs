using Academy.Testing;

namespace Academy.Tests.Workflows;

/// <summary>The engine's persistence path (instances, journal, optimistic concurrency, admin retry) on PostgreSQL.</summary>
public sealed class WorkflowPostgresTests(PostgresFixture postgres) : IAsyncLifetime, IClassFixture<PostgresFixture>
{
    private WorkflowSite? _site;

    private WorkflowSite Site => _site!;

    public async Task InitializeAsync() => _site = new WorkflowSite(await postgres.CreateDatabaseAsync("workflows"));

    public async Task DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }

    [Fact]
    public async Task Start_resume_timer_and_retry_work_on_postgres()
    {
        await WorkflowScenarios.StartsOnEventAndQueuesOneMail(Site);
        await WorkflowScenarios.ResumesOnlyTheMatchingInstance(Site);
        await WorkflowScenarios.TimerFires(Site);
        await WorkflowScenarios.FaultedInstanceIsRetriedFromAdmin(Site, await WorkflowAdminTests.ManagerAsync(Site));
    }

    [Fact]
    public async Task Versions_indexes_and_the_migration_step_work_on_postgres()
    {
        await WorkflowVersionScenarios.InstanceFinishesOnTheVersionItStartedOn(Site, await WorkflowAdminTests.ManagerAsync(Site));
        await WorkflowVersionScenarios.StartLookupUsesTheIndex(Site);
        await WorkflowVersionScenarios.MigrationStepFillsTheIndexes(Site);
        await WorkflowRetryScenarios.RetryMovesToTheNewestVersionThatHasTheFailedActivity(Site, await WorkflowAdminTests.ManagerAsync(Site));
        await WorkflowRetryScenarios.RetryStaysOnItsVersionWhenTheNewestLacksTheFailedActivity(Site, await WorkflowAdminTests.ManagerAsync(Site));
    }
}
