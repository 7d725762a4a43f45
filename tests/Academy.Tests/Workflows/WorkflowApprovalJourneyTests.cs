using System.Net;
using System.Text.RegularExpressions;
using Academy.Core.Data;
using Academy.Email.Models;
using Academy.Enrolment.Abstractions;
using Academy.Tests.Admin;
using Academy.Testing;
using Academy.Workflows.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Enrolment.Service.EnrolmentTestKit;

namespace Academy.Tests.Workflows;

/// <summary>
/// The recipe's approval workflow with every real part: an enrolment that needs approval mails the
/// coördinator signed links; approving or declining through them sets the enrolment's status, and the
/// workflows that follow mail the participant.
/// </summary>
public sealed partial class WorkflowApprovalJourneyTests : IDisposable
{
    private readonly AcademyFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Coordinator_approves_and_declines_through_the_mailed_links()
    {
        var edition = await CreateEditionAsync(_factory, capacity: 5, requiresApproval: true);
        var approved = await EnrolAsync(_factory, edition.EditionId, Person(1, "goed"));
        var declined = await EnrolAsync(_factory, edition.EditionId, Person(2, "af"));
        Assert.Equal(EnrolmentStatus.Pending, approved.Status);
        await _factory.DrainBackgroundAsync();

        var visitor = new Browser(_factory.CreateBrowserClient());
        await SignalAsync(visitor, approved.EnrolmentId!.Value, "approve", reason: null);
        await SignalAsync(visitor, declined.EnrolmentId!.Value, "decline", reason: "Eerst de basistraining volgen.");
        await _factory.DrainBackgroundAsync();

        Assert.Equal(EnrolmentStatus.Confirmed, (await EnrolmentAsync(_factory, approved.EnrolmentId.Value))!.Status);
        var rejected = (await EnrolmentAsync(_factory, declined.EnrolmentId.Value))!;
        Assert.Equal(EnrolmentStatus.Declined, rejected.Status);
        Assert.Equal("Eerst de basistraining volgen.", rejected.DeclineReason);

        var confirmation = await MailAsync(approved.EnrolmentId.Value, "aanmelding-bevestigen");
        Assert.StartsWith("Aanmelding bevestigd:", confirmation.Subject);
        Assert.NotNull(confirmation.AttachmentsJson);
        var refusal = await MailAsync(declined.EnrolmentId.Value, "aanmelding-afgewezen");
        Assert.Contains("Eerst de basistraining volgen.", refusal.Text);
        Assert.All(await InstancesAsync("goedkeuring-leercoordinator"), i => Assert.Equal(WorkflowStatus.Finished, i.Status));
    }

    private async Task SignalAsync(Browser visitor, long enrolmentId, string signal, string? reason)
    {
        var request = await MailAsync(enrolmentId, "goedkeuring-leercoordinator", to: "leeracademie@example.nl");
        var label = signal == "approve" ? "goedkeuren" : "afwijzen";
        // The outbox keeps references; the signed links are in the mail as it was handed over.
        Assert.DoesNotContain("token=", request.Text + request.Html);
        var delivered = Assert.Single(await Academy.Tests.Email.MailTestKit.DeliveredAsync(_factory.Services), m => m.MessageId == request.MessageId);
        var link = new Uri(SignalLink().Matches(delivered.TextBody).Single(m => m.Groups["label"].Value == label).Groups["url"].Value);
        var page = await visitor.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var done = await visitor.SubmitAsync(page.Form().Set("reden", reason ?? ""));
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
    }

    private async Task<List<WorkflowInstanceRecord>> InstancesAsync(string typeId) =>
        await WithAsync(_factory, sp => sp.GetRequiredService<AcademyDbContext>().Set<WorkflowInstanceRecord>().AsNoTracking()
            .Where(i => i.WorkflowTypeId == typeId).ToListAsync());

    /// <summary>The mail one workflow instance about this enrolment queued (to <paramref name="to"/>, when given).</summary>
    private Task<MailMessageRecord> MailAsync(long enrolmentId, string typeId, string? to = null) =>
        WithAsync(_factory, async sp =>
        {
            var db = sp.GetRequiredService<AcademyDbContext>();
            var correlation = enrolmentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var instance = await db.Set<WorkflowInstanceRecord>().AsNoTracking().SingleAsync(i => i.WorkflowTypeId == typeId && i.CorrelationId == correlation);
            var mails = await db.Set<MailMessageRecord>().AsNoTracking().Where(m => m.IdempotencyKey.StartsWith($"wf:{instance.Id}:")).ToListAsync();
            return mails.Single(m => to is null || m.To == to);
        });

    [GeneratedRegex(@"Aanmelding (?<label>goedkeuren|afwijzen) \((?<url>http://localhost:5000/workflows/signaal\?token=[^)]+)\)")]
    private static partial Regex SignalLink();
}
