using Academy.Enrolment.Models;
using Academy.Leeragenda.Abstractions;
using System.Net;
using System.Text.Json.Nodes;
using Academy.Core.Content;
using Academy.Core.Data;
using Academy.Enrolment.Abstractions;
using Academy.Enrolment.Activities;
using Academy.Leeragenda.Models;
using Academy.Tests.Admin;
using Academy.Workflows.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Enrolment.Service.EnrolmentTestKit;

namespace Academy.Tests.Enrolment.Service;

/// <summary>The aanbod form's enrolment settings, the catalogue's view of them, and the SetEnrolmentStatus workflow task.</summary>
public sealed class EnrolmentSettingsAndActivityTests(SqliteEnrolmentSite site) : IClassFixture<SqliteEnrolmentSite>
{
    [Fact]
    public async Task The_aanbod_form_sets_approval_and_cancellation_days_with_Dutch_errors()
    {
        var edition = await CreateEditionAsync(site.Factory, capacity: 4);
        var admin = await AdminTestKit.AdminAsync(site.Factory);
        var url = $"/admin/aanbod/{edition.OfferingId}";

        var page = await admin.GetAsync(url);
        Assert.Equal("Aanmeldingen eerst goedkeuren", page.Document.QuerySelector("label[for=RequiresApproval]")!.TextContent.Trim());
        var wrong = await admin.SubmitAsync(page.Form().Set("CancellationDays", "drie"), "save-publish");
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains("Vul het aantal dagen in als heel getal van 0 tot en met 365, of laat het leeg.", wrong.ErrorSummary);
        Assert.Equal("drie", wrong.Value("CancellationDays"));

        var saved = await admin.SubmitAsync(page.Form().Set("RequiresApproval", "true").Set("CancellationDays", "5"), "save-publish");
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var part = (await WithAsync(site.Factory, sp => sp.GetRequiredService<ContentManager>().GetAsync(edition.OfferingId)))!.As<EnrolmentPart>();
        Assert.Equal((true, 5), (part.RequiresApproval, part.CancellationDays!.Value));

        var info = (await WithAsync(site.Factory, sp => sp.GetRequiredService<IEditionCatalog>().GetAsync(edition.EditionId)))!;
        Assert.True(info.RequiresApproval());
        Assert.Equal(info.StartUtc!.Value.AddDays(-5), info.CancellationDeadlineUtc());
        Assert.Equal(EnrolmentStatus.Pending, (await EnrolAsync(site.Factory, edition.EditionId, Person(1))).Status);
    }

    [Fact]
    public async Task The_edition_calendar_has_every_session()
    {
        var edition = await CreateEditionAsync(site.Factory, capacity: 4);
        var ics = await WithAsync(site.Factory, sp => sp.GetRequiredService<IEditionCatalog>().IcsAsync(edition.EditionId));
        var text = System.Text.Encoding.UTF8.GetString(ics!);
        Assert.Equal(2, text.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains("LOCATION:Zaal 1\\, Arnhem", text);
        Assert.Null(await WithAsync(site.Factory, sp => sp.GetRequiredService<IEditionCatalog>().IcsAsync("bestaat-niet")));
    }

    [Fact]
    public async Task SetEnrolmentStatus_approves_declines_and_cancels_inside_the_callers_transaction()
    {
        var edition = await CreateEditionAsync(site.Factory, capacity: 1, requiresApproval: true);
        var first = await EnrolAsync(site.Factory, edition.EditionId, Person(1));
        var second = await EnrolAsync(site.Factory, edition.EditionId, Person(2));

        Assert.Equal("Done", await RunActivityAsync(first.EnrolmentId!.ToString(), "Confirmed", null, commit: true));
        Assert.Equal(EnrolmentStatus.Confirmed, (await EnrolmentAsync(site.Factory, first.EnrolmentId!.Value))!.Status);
        Assert.Equal(["EnrolmentRequested", "EnrolmentApproved", "EnrolmentConfirmed"], await EventTypesAsync(site.Factory, first.EnrolmentId.Value));

        // A caller that rolls back takes the change (and its events) with it.
        Assert.Equal("Done", await RunActivityAsync(second.EnrolmentId!.ToString(), "Declined", "Vol: {{ Input.Reden }}", commit: false));
        Assert.Equal(EnrolmentStatus.Pending, (await EnrolmentAsync(site.Factory, second.EnrolmentId!.Value))!.Status);

        Assert.Equal("Done", await RunActivityAsync(second.EnrolmentId.ToString(), "Declined", "Vol: {{ Input.Reden }}", commit: true));
        var declined = (await EnrolmentAsync(site.Factory, second.EnrolmentId.Value))!;
        Assert.Equal((EnrolmentStatus.Declined, "Vol: rendered"), (declined.Status, declined.DeclineReason));

        Assert.Equal("Failed", await RunActivityAsync(second.EnrolmentId.ToString(), "Confirmed", null, commit: true));
        Assert.Equal("Failed", await RunActivityAsync("geen-getal", "Confirmed", null, commit: true));
        Assert.Equal("Done", await RunActivityAsync(first.EnrolmentId.ToString(), "Cancelled", null, commit: true));
        Assert.Equal(0, (await SeatsAsync(site.Factory, edition.EditionId))!.Taken);
        await using var scope = site.Factory.Services.CreateAsyncScope();
        Assert.Equal(["Kies als status Confirmed (goedkeuren), Declined (afwijzen) of Cancelled (annuleren)."],
            scope.ServiceProvider.GetRequiredService<SetEnrolmentStatus>().Validate(new JsonObject { ["Status"] = "Weg" }));
    }

    /// <summary>Runs the activity as the workflow engine would: in its scope, inside a transaction it owns.</summary>
    private async Task<string> RunActivityAsync(string? correlationId, string status, string? reason, bool commit)
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var activity = scope.ServiceProvider.GetServices<Activity>().OfType<SetEnrolmentStatus>().Single();
        var properties = new JsonObject { ["Status"] = status };
        if (reason is not null)
        {
            properties["Reason"] = reason;
        }
        var result = await activity.ExecuteAsync(new ActivityContext
        {
            WorkflowInstanceId = 1,
            WorkflowTypeId = "test",
            CorrelationId = correlationId,
            ActivityId = "a1",
            Properties = properties,
            Input = [],
            Variables = [],
            NowUtc = DateTime.UtcNow,
            RenderAsync = template => Task.FromResult(template.Replace("{{ Input.Reden }}", "rendered", StringComparison.Ordinal)),
            RenderMarkdownAsync = template => Task.FromResult(template),
            EvaluateAsync = _ => Task.FromResult(true),
        }, CancellationToken.None);
        await db.SaveChangesAsync();
        if (commit)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }
        return result.OutcomeNames.Single();
    }
}
