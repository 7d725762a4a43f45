using System.Net;
using Academy.Core.Jobs;
using Academy.Tests.Admin;
using Academy.Workflows.Activities;
using Academy.Workflows.Models;
using Academy.Workflows.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Workflows;

/// <summary>Engine scenarios run on SQLite and on PostgreSQL (the persistence path is the same code).</summary>
public static class WorkflowScenarios
{
    /// <summary>A type that mails the participant when <paramref name="startEvent"/> occurs.</summary>
    public static string MailOnStart(string id, string startEvent, string to = "{{ Input.ParticipantEmail }}") => $$$"""
        { "Id": "{{{id}}}", "Name": "Test {{{id}}}", "IsEnabled": true,
          "Activities": [
            { "Id": "start", "Type": "{{{startEvent}}}", "IsStart": true },
            { "Id": "mail", "Type": "SendEmail", "Properties": {
                "To": "{{{to}}}", "ToName": "{{ Input.ParticipantName }}",
                "Subject": "Bevestigd: {{ Input.OfferingTitle }}",
                "Body": "Beste {{ Input.ParticipantName }}, tot {{ Input.FirstSessionStartUtc | datum }} in {{ Site.SiteName }}. {{ BaseUrl }}{{ Input.OfferingUrl }}",
                "IcsEditionId": "{{ Input.EditionId }}" } }
          ],
          "Transitions": [ { "From": "start", "Outcome": "Done", "To": "mail" } ] }
        """;

    public static object Enrolment(string name = "Anna de Vries", string email = "anna@example.nl") => new
    {
        EnrolmentId = 41,
        EditionId = "editie-1",
        EditionName = "Groep 1",
        OfferingTitle = "HARRIE-training",
        OfferingUrl = "/aanbod/harrie-training",
        ParticipantName = name,
        ParticipantEmail = email,
        FirstSessionStartUtc = "2027-03-02T08:30:00Z",
    };

    public static async Task StartsOnEventAndQueuesOneMail(WorkflowSite site)
    {
        await site.SaveTypeAsync(MailOnStart("start-test", "WfMail"));
        await site.RaiseAsync("WfMail", Enrolment(), "41");

        var instance = await site.SingleInstanceAsync("start-test");
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.Equal("41", instance.CorrelationId);
        var mail = Assert.Single(site.Mail.For(instance.Id));
        Assert.Equal("anna@example.nl", mail.To);
        Assert.Equal("Anna de Vries", mail.ToName);
        Assert.Equal("Bevestigd: HARRIE-training", mail.Subject);
        Assert.Contains("dinsdag 2 maart 2027", mail.TextBody);
        Assert.Contains("http://localhost:5000/aanbod/harrie-training", mail.TextBody);
        Assert.Equal($"wf:{instance.Id}:mail:0", mail.IdempotencyKey);
        var attachment = Assert.Single(mail.Attachments!);
        Assert.Equal("agenda.ics", attachment.FileName);
        Assert.Equal(["Done", "Done"], (await site.JournalAsync(instance.Id)).Select(j => j.Outcomes));
    }

    /// <summary>An instance waits for a second event; only the one with the same correlation id resumes.</summary>
    public static async Task ResumesOnlyTheMatchingInstance(WorkflowSite site)
    {
        await site.SaveTypeAsync($$$"""
            { "Id": "resume-test", "Name": "Vervolg", "IsEnabled": true,
              "Activities": [
                { "Id": "start", "Type": "WfResume", "IsStart": true },
                { "Id": "wacht", "Type": "WfContinue" },
                { "Id": "zet", "Type": "SetVariable", "Properties": { "Name": "Door", "Value": "{{ Input.Door }}" } }
              ],
              "Transitions": [ { "From": "start", "To": "wacht" }, { "From": "wacht", "To": "zet" } ] }
            """);
        await site.RaiseAsync("WfResume", new { }, "r-1");
        await site.RaiseAsync("WfResume", new { }, "r-2");
        var instances = await site.InstancesAsync("resume-test");
        Assert.All(instances, i => Assert.Equal(WorkflowStatus.Blocked, i.Status));
        Assert.All(instances, i => Assert.Contains("\"wacht\"", i.BlockingActivitiesJson));

        await site.RaiseAsync("WfContinue", new { Door = "Bert" }, "r-2");

        instances = await site.InstancesAsync("resume-test");
        var first = instances.Single(i => i.CorrelationId == "r-1");
        var second = instances.Single(i => i.CorrelationId == "r-2");
        Assert.Equal(WorkflowStatus.Blocked, first.Status);
        Assert.Equal(WorkflowStatus.Finished, second.Status);
        Assert.Contains("\"Door\":\"Bert\"", second.VariablesJson);
        Assert.Equal("[]", second.BlockingActivitiesJson);
    }

    /// <summary>A Timer schedules a job and blocks; the job handler, run when due, resumes the instance.</summary>
    public static async Task TimerFires(WorkflowSite site)
    {
        await site.SaveTypeAsync($$$"""
            { "Id": "timer-test", "Name": "Herinnering", "IsEnabled": true,
              "Activities": [
                { "Id": "start", "Type": "WfTimer", "IsStart": true },
                { "Id": "timer", "Type": "Timer", "Properties": { "Relative": "{{ Input.FirstSessionStartUtc }}", "Offset": "-2d" } },
                { "Id": "gestopt", "Type": "WfStop" },
                { "Id": "mail", "Type": "SendEmail", "Properties": { "To": "{{ Input.ParticipantEmail }}", "Subject": "Herinnering", "Body": "Bijna zover." } }
              ],
              "Transitions": [ { "From": "start", "To": "timer" }, { "From": "start", "To": "gestopt" }, { "From": "timer", "To": "mail" } ] }
            """);
        var session = site.Clock.GetUtcNow().UtcDateTime.AddDays(10);
        await site.RaiseAsync("WfTimer", new { ParticipantEmail = "timer@example.nl", FirstSessionStartUtc = session.ToString("O") }, "t-1");
        await site.RaiseAsync("WfTimer", new { ParticipantEmail = "stop@example.nl", FirstSessionStartUtc = session.ToString("O") }, "t-2");

        var instances = await site.InstancesAsync("timer-test");
        Assert.All(instances, i => Assert.Equal(WorkflowStatus.Blocked, i.Status));
        var (waiting, stopping) = (instances[0], instances[1]);
        var key = WorkflowTimers.Key(waiting.Id, "timer");
        Assert.Equal(session.AddDays(-2), site.Jobs.Jobs[(WorkflowTimers.JobKind, key)]);

        // The second one stops first: its timer job is cancelled and it never mails.
        await site.RaiseAsync("WfStop", new { }, "t-2");
        Assert.False(site.Jobs.Jobs.ContainsKey((WorkflowTimers.JobKind, WorkflowTimers.Key(stopping.Id, "timer"))));
        Assert.Equal(WorkflowStatus.Finished, (await site.InstancesAsync("timer-test"))[1].Status);

        site.Clock.Now = session.AddDays(-2).AddMinutes(1);
        await site.WithScopeAsync(async services =>
        {
            var handler = services.GetServices<IJobHandler>().Single(h => h.Kind == WorkflowTimers.JobKind);
            await handler.RunAsync(new DueJob(1, WorkflowTimers.JobKind, key, session.AddDays(-2), null, 1), CancellationToken.None);
            return true;
        });

        instances = await site.InstancesAsync("timer-test");
        Assert.Equal(WorkflowStatus.Finished, instances[0].Status);
        Assert.Equal("timer@example.nl", Assert.Single(site.Mail.For(waiting.Id)).To);
        Assert.Empty(site.Mail.For(stopping.Id));
        Assert.Contains(await site.JournalAsync(waiting.Id), j => j.ActivityId == "timer" && j.Outcomes == "Done");
    }

    /// <summary>An activity type no module provides faults the instance (journaled); after fixing the type, "Opnieuw proberen" completes it.</summary>
    public static async Task FaultedInstanceIsRetriedFromAdmin(WorkflowSite site, Browser admin)
    {
        const string broken = """
            { "Id": "retry-test", "Name": "Opnieuw", "IsEnabled": true,
              "Activities": [
                { "Id": "start", "Type": "WfRetry", "IsStart": true },
                { "Id": "stap", "Type": "NogNietGeinstalleerd" }
              ],
              "Transitions": [ { "From": "start", "To": "stap" } ] }
            """;
        await site.SaveTypeAsync(broken);
        await site.RaiseAsync("WfRetry", new { ParticipantEmail = "retry@example.nl" }, "f-1");

        var instance = await site.SingleInstanceAsync("retry-test");
        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Equal("stap", instance.FaultedActivityId);
        var failed = (await site.JournalAsync(instance.Id)).Last();
        Assert.Equal("stap", failed.ActivityId);
        Assert.Contains("Onbekend activiteitstype 'NogNietGeinstalleerd'", failed.Error);

        var page = await admin.GetAsync($"/admin/workflows/instanties/{instance.Id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("NogNietGeinstalleerd", page.Document.QuerySelector("#logboek")!.TextContent);
        Assert.Equal("Mislukt", page.Document.QuerySelector("#instantie-status")!.TextContent.Trim());

        // The cause is fixed: the step becomes a mail.
        await site.SaveTypeAsync(broken.Replace("\"Type\": \"NogNietGeinstalleerd\"",
            "\"Type\": \"SendEmail\", \"Properties\": { \"To\": \"{{ Input.ParticipantEmail }}\", \"Subject\": \"Hersteld\", \"Body\": \"Het werkt.\" }"));
        var retry = await admin.SubmitAsync(page.Form("form[action$='/opnieuw']"));
        Assert.Equal(HttpStatusCode.Redirect, retry.Status);
        page = await admin.GetAsync(retry.Location!);
        Assert.Contains("afgerond", page.StatusMessage);

        instance = await site.SingleInstanceAsync("retry-test");
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.Null(instance.FaultMessage);
        Assert.Equal("retry@example.nl", Assert.Single(site.Mail.For(instance.Id)).To);
        var journal = await site.JournalAsync(instance.Id);
        Assert.Equal(["start", "stap", "stap"], journal.Select(j => j.ActivityId));
        Assert.Equal("Done", journal[^1].Outcomes);
        Assert.Null(journal[^1].Error);
    }
}
