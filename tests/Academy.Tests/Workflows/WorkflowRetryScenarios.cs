using System.Net;
using Academy.Testing;
using Academy.Tests.Admin;
using Academy.Workflows.Abstractions;
using Academy.Workflows.Models;
using Academy.Workflows.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Workflows;

/// <summary>
/// Which version "Opnieuw proberen" runs a faulted instance on (docs/workflows.md, Versions): the newest version when it
/// still has the failed activity, else the instance's own version. The instance page says which, next to the button.
/// </summary>
public static class WorkflowRetryScenarios
{
    /// <summary>Starts on WfRetryVersion and mails from step <paramref name="mailStep"/> with <paramref name="subject"/>.</summary>
    private static string MailType(string id, string mailStep, string subject, string mailType = "SendEmail") => $$$"""
        { "Id": "{{{id}}}", "Name": "Opnieuw {{{id}}}", "IsEnabled": true,
          "Activities": [
            { "Id": "start", "Type": "WfRetryVersion", "IsStart": true },
            { "Id": "{{{mailStep}}}", "Type": "{{{mailType}}}", "Properties": { "To": "opnieuw@example.nl", "Subject": "{{{subject}}}", "Body": "Versie {{ Workflow.Version }}." } }
          ],
          "Transitions": [ { "From": "start", "To": "{{{mailStep}}}" } ] }
        """;

    /// <summary>The step failed because of the type (an activity no module provides); version 2 fixes that step: the retry runs on version 2.</summary>
    public static async Task RetryMovesToTheNewestVersionThatHasTheFailedActivity(WorkflowSite site, Browser admin)
    {
        await site.SaveTypeAsync(MailType("opnieuw-nieuw", "mail", "Kapot", mailType: "NogNietGeinstalleerd"));
        await site.RaiseAsync("WfRetryVersion", new { }, "r-nieuw");
        var instance = await site.SingleInstanceAsync("opnieuw-nieuw");
        Assert.Equal((WorkflowStatus.Faulted, 1, "mail"), (instance.Status, instance.WorkflowTypeVersion, instance.FaultedActivityId));

        await site.SaveTypeAsync(MailType("opnieuw-nieuw", "mail", "Hersteld"));
        var page = await admin.GetAsync($"/admin/workflows/instanties/{instance.Id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var text = page.Document.GetElementById("opnieuw-versie")!.TextContent;
        Assert.Contains("op versie 2, de nieuwste versie", text);

        Assert.True(await site.WithScopeAsync(s => s.GetRequiredService<WorkflowManager>().RetryAsync(instance.Id)));
        instance = await site.SingleInstanceAsync("opnieuw-nieuw");
        Assert.Equal((WorkflowStatus.Finished, 2), (instance.Status, instance.WorkflowTypeVersion));
        Assert.Equal("Hersteld", Assert.Single(site.Mail.For(instance.Id)).Subject);
    }

    /// <summary>
    /// The step failed outside the type (the mail server); version 2 renamed the step: the retry runs the failed step of
    /// version 1 again, and the instance stays on version 1.
    /// </summary>
    public static async Task RetryStaysOnItsVersionWhenTheNewestLacksTheFailedActivity(WorkflowSite site, Browser admin)
    {
        await site.SaveTypeAsync(MailType("opnieuw-eigen", "mail", "Versie een"));
        site.Mail.FailOnceAfterEnqueue = true;
        await site.RaiseAsync("WfRetryVersion", new { }, "r-eigen");
        var instance = await site.SingleInstanceAsync("opnieuw-eigen");
        Assert.Equal((WorkflowStatus.Faulted, 1, "mail"), (instance.Status, instance.WorkflowTypeVersion, instance.FaultedActivityId));

        await site.SaveTypeAsync(MailType("opnieuw-eigen", "mail-nieuw", "Versie twee"));
        var page = await admin.GetAsync($"/admin/workflows/instanties/{instance.Id}");
        var text = page.Document.GetElementById("opnieuw-versie")!.TextContent;
        Assert.Contains("op versie 1, de versie waarop deze instantie draait", text);

        Assert.True(await site.WithScopeAsync(s => s.GetRequiredService<WorkflowManager>().RetryAsync(instance.Id)));
        instance = await site.SingleInstanceAsync("opnieuw-eigen");
        Assert.Equal((WorkflowStatus.Finished, 1), (instance.Status, instance.WorkflowTypeVersion));
        Assert.Equal("Versie een", Assert.Single(site.Mail.For(instance.Id)).Subject);
        Assert.Equal(["start", "mail", "mail"], (await site.JournalAsync(instance.Id)).Select(j => j.ActivityId));
    }
}
