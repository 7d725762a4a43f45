using System.Net;
using System.Text.RegularExpressions;
using Academy.Tests.Admin;
using Academy.Workflows.Abstractions;
using Academy.Workflows.Models;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Workflows;

/// <summary>Signed approve/decline links: a confirmation page, then the signal; a changed token changes nothing.</summary>
public sealed partial class WorkflowSignalTests(SqliteWorkflowSite fixture) : IClassFixture<SqliteWorkflowSite>
{
    private WorkflowSite Site => fixture.Site;

    private const string Approval = """
        { "Id": "signaal-test", "Name": "Goedkeuring", "IsEnabled": true,
          "Activities": [
            { "Id": "start", "Type": "WfSignal", "IsStart": true },
            { "Id": "vraag", "Type": "SendEmail", "Properties": { "To": "coordinator@example.nl", "Subject": "Goedkeuren?",
                "Body": "[Goedkeuren]({{ Signals.approve }}) of [afwijzen]({{ Signals.decline }})" } },
            { "Id": "goed", "Type": "Signal", "Properties": { "Signal": "approve" } },
            { "Id": "af", "Type": "Signal", "Properties": { "Signal": "decline" } },
            { "Id": "goedgekeurd", "Type": "SetVariable", "Properties": { "Name": "Besluit", "Value": "goedgekeurd" } },
            { "Id": "afgewezen", "Type": "SetVariable", "Properties": { "Name": "Besluit", "Value": "afgewezen: {{ Input.Reason }}" } }
          ],
          "Transitions": [
            { "From": "start", "To": "vraag" }, { "From": "vraag", "To": "goed" }, { "From": "vraag", "To": "af" },
            { "From": "goed", "To": "goedgekeurd" }, { "From": "af", "To": "afgewezen" } ] }
        """;

    [Fact]
    public async Task Signed_link_resumes_the_instance_and_a_tampered_one_is_rejected()
    {
        await Site.SaveTypeAsync(Approval);
        await Site.RaiseAsync("WfSignal", new { }, "s-1");
        var instance = (await Site.InstancesAsync("signaal-test")).Single(i => i.CorrelationId == "s-1");
        Assert.Equal(WorkflowStatus.Blocked, instance.Status);
        var queued = Assert.Single(Site.Mail.For(instance.Id));
        // The queued mail holds references, no token; the dispatcher makes the signed links when it sends.
        Assert.Equal(2, LinkPattern().Matches(queued.TextBody).Count(m => m.Groups[1].Value.StartsWith("http://localhost:5000/eenmalige-link/signaal/", StringComparison.Ordinal)));
        Assert.DoesNotContain("token=", queued.TextBody);
        var body = await Site.DeliveredTextAsync(queued);
        var links = LinkPattern().Matches(body).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, links.Count);
        Assert.All(links, l => Assert.StartsWith("http://localhost:5000/workflows/signaal?token=", l));
        var decline = new Uri(links[1]).PathAndQuery;

        var visitor = new Browser(Site.CreateBrowserClient());
        var tampered = decline[..^3] + (decline[^3] == 'A' ? "B" : "A") + decline[^2..];
        var bad = await visitor.GetAsync(tampered);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("Deze link werkt niet", bad.Html);

        var confirm = await visitor.GetAsync(decline);
        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        Assert.Contains("afwijzen", confirm.Document.QuerySelector("h1")!.TextContent);
        var form = confirm.Form().Set("reden", "De groep is vol");

        var forged = await visitor.SubmitAsync(HtmlFormWithToken(form, tampered));
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        var unchanged = (await Site.InstancesAsync("signaal-test")).Single(i => i.Id == instance.Id);
        Assert.Equal(WorkflowStatus.Blocked, unchanged.Status);
        Assert.Equal(instance.Version, unchanged.Version);

        var done = await visitor.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(done.Location!)).Status);
        instance = (await Site.InstancesAsync("signaal-test")).Single(i => i.Id == instance.Id);
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.Contains("\"Besluit\":\"afgewezen: De groep is vol\"", instance.VariablesJson);
        Assert.Contains("\"Signal\":\"decline\"", instance.InputJson);

        // Both links are spent now: the instance waits for nothing.
        var used = await visitor.GetAsync(new Uri(links[0]).PathAndQuery);
        Assert.Equal(HttpStatusCode.Conflict, used.Status);
        Assert.Contains("al afgehandeld", used.Html);
    }

    [Fact]
    public async Task Signaller_resumes_by_correlation_id()
    {
        await Site.SaveTypeAsync(Approval);
        await Site.RaiseAsync("WfSignal", new { }, "s-2");
        await Site.RaiseAsync("WfSignal", new { }, "s-3");

        var resumed = await Site.WithScopeAsync(s => s.GetRequiredService<IWorkflowSignaller>().SignalAsync("s-2", "approve"));

        Assert.Equal(1, resumed);
        var instances = await Site.InstancesAsync("signaal-test");
        Assert.Equal(WorkflowStatus.Finished, instances.Single(i => i.CorrelationId == "s-2").Status);
        Assert.Contains("\"Besluit\":\"goedgekeurd\"", instances.Single(i => i.CorrelationId == "s-2").VariablesJson);
        Assert.Equal(WorkflowStatus.Blocked, instances.Single(i => i.CorrelationId == "s-3").Status);
        Assert.Equal(0, await Site.WithScopeAsync(s => s.GetRequiredService<IWorkflowSignaller>().SignalAsync("s-2", "approve")));
    }

    /// <summary>The same posted values with the token of another URL.</summary>
    private static HtmlForm HtmlFormWithToken(HtmlForm form, string url)
    {
        var copy = HtmlForm.From(form.Element);
        foreach (var (key, value) in form.Values)
        {
            copy.Set(key, value);
        }
        return copy.Set("token", Uri.UnescapeDataString(url[(url.IndexOf("token=", StringComparison.Ordinal) + 6)..]));
    }

    [GeneratedRegex(@"\((http[^)]+)\)")]
    private static partial Regex LinkPattern();
}
