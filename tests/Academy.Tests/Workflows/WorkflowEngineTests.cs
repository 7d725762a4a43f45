using System.Net;
using Academy.Tests.Admin;
using Academy.Workflows.Models;
using Academy.Workflows.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Workflows;

public sealed class SqliteWorkflowSite : IAsyncLifetime
{
    public WorkflowSite Site { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Site = new WorkflowSite();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Site.DisposeAsync();
}

/// <summary>The engine on SQLite: start, resume, timers, signals, faults and retries, idempotent mail.</summary>
public sealed class WorkflowEngineTests(SqliteWorkflowSite fixture) : IClassFixture<SqliteWorkflowSite>
{
    private WorkflowSite Site => fixture.Site;

    [Fact]
    public Task Event_starts_an_instance_that_queues_the_mail() => WorkflowScenarios.StartsOnEventAndQueuesOneMail(Site);

    [Fact]
    public Task Event_resumes_only_the_instance_with_its_correlation_id() => WorkflowScenarios.ResumesOnlyTheMatchingInstance(Site);

    [Fact]
    public Task Timer_job_resumes_the_instance_and_an_earlier_event_cancels_it() => WorkflowScenarios.TimerFires(Site);

    [Fact]
    public async Task Faulted_instance_is_journaled_and_retried_from_the_admin()
    {
        var admin = await WorkflowAdminTests.ManagerAsync(Site);
        await WorkflowScenarios.FaultedInstanceIsRetriedFromAdmin(Site, admin);
    }

    [Fact]
    public async Task Disabled_types_and_filtered_content_types_do_not_start()
    {
        await Site.SaveTypeAsync("""
            { "Id": "gepubliceerd-test", "Name": "Gepubliceerd", "IsEnabled": true,
              "Activities": [
                { "Id": "start", "Type": "ContentPublished", "IsStart": true, "Properties": { "ContentType": "Workshop, Training" } },
                { "Id": "zet", "Type": "SetVariable", "Properties": { "Name": "Item", "Value": "{{ Input.ContentItemId }}" } }
              ],
              "Transitions": [ { "From": "start", "To": "zet" } ] }
            """);
        await Site.RaiseAsync("ContentPublished", new { ContentItemId = "pagina-1", ContentType = "Page", ContentItemVersionId = "v1" }, "pagina-1");
        await Site.RaiseAsync("ContentPublished", new { ContentItemId = "workshop-1", ContentType = "Workshop", ContentItemVersionId = "v2" }, "workshop-1");

        var instance = await Site.SingleInstanceAsync("gepubliceerd-test");
        Assert.Equal("workshop-1", instance.CorrelationId);
        Assert.Contains("\"Item\":\"workshop-1\"", instance.VariablesJson);

        await Site.WithScopeAsync(s => s.GetRequiredService<WorkflowTypeStore>().SetEnabledAsync("gepubliceerd-test", false));
        await Site.RaiseAsync("ContentPublished", new { ContentItemId = "workshop-2", ContentType = "Workshop", ContentItemVersionId = "v3" }, "workshop-2");
        Assert.Single(await Site.InstancesAsync("gepubliceerd-test"));
    }

    [Fact]
    public async Task Re_running_a_failed_send_step_queues_the_mail_once()
    {
        await Site.SaveTypeAsync(WorkflowScenarios.MailOnStart("eenmaal-test", "WfOnce"));
        Site.Mail.FailOnceAfterEnqueue = true;
        await Site.RaiseAsync("WfOnce", WorkflowScenarios.Enrolment(email: "eenmaal@example.nl"), "e-1");

        var instance = await Site.SingleInstanceAsync("eenmaal-test");
        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Contains("storing", instance.FaultMessage);

        Assert.True(await Site.WithScopeAsync(s => s.GetRequiredService<WorkflowManager>().RetryAsync(instance.Id)));

        instance = await Site.SingleInstanceAsync("eenmaal-test");
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        var key = $"wf:{instance.Id}:mail:0";
        Assert.Equal([key, key], Site.Mail.Attempts.Where(k => k.StartsWith($"wf:{instance.Id}:", StringComparison.Ordinal)));
        Assert.Single(Site.Mail.For(instance.Id));
    }

    [Fact]
    public async Task Notify_and_condition_follow_the_chosen_outcome()
    {
        await Site.SaveTypeAsync($$$"""
            { "Id": "melding-test", "Name": "Melding", "IsEnabled": true,
              "Activities": [
                { "Id": "start", "Type": "WfNotify", "IsStart": true },
                { "Id": "heeft-account", "Type": "Condition", "Properties": { "Expression": "Input.ParticipantUserId != blank" } },
                { "Id": "melding", "Type": "Notify", "Properties": { "UserId": "{{ Input.ParticipantUserId }}", "Text": "Welkom bij {{ Input.OfferingTitle }}", "Url": "/mijn-aanmeldingen" } },
                { "Id": "geen", "Type": "SetVariable", "Properties": { "Name": "Route", "Value": "zonder account" } }
              ],
              "Transitions": [
                { "From": "start", "To": "heeft-account" },
                { "From": "heeft-account", "Outcome": "True", "To": "melding" },
                { "From": "heeft-account", "Outcome": "False", "To": "geen" } ] }
            """);
        await Site.RaiseAsync("WfNotify", new { ParticipantUserId = "user-7", OfferingTitle = "Intervisie" }, "n-1");
        await Site.RaiseAsync("WfNotify", new { OfferingTitle = "Intervisie" }, "n-2");

        Assert.Contains(("user-7", "Welkom bij Intervisie", "/mijn-aanmeldingen"), Site.Notifier.Sent);
        var instances = await Site.InstancesAsync("melding-test");
        Assert.DoesNotContain("Route", instances[0].VariablesJson);
        Assert.Contains("\"Route\":\"zonder account\"", instances[1].VariablesJson);
    }
}
