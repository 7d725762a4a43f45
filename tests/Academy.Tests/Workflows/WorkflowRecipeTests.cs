using Academy.Core.Data;
using Academy.Core.Recipes;
using Academy.Workflows.Models;
using Academy.Workflows.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Workflows;

/// <summary>The site with the enrolment and employer events registered, so the recipe's default types can run.</summary>
public sealed class DefaultTypesSite : IAsyncLifetime
{
    public static readonly string[] ModuleEvents =
    [
        "EnrolmentRequested", "EnrolmentConfirmed", "EnrolmentWaitlisted", "EnrolmentPromoted", "EnrolmentCancelled",
        "EnrolmentDeclined", "EnrolmentApproved", "EmployerSignupRequested", "EmployerSignupConfirmed",
    ];

    public WorkflowSite Site { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Site = new WorkflowSite(null, ModuleEvents);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Site.DisposeAsync();
}

/// <summary>The WorkflowTypes recipe step and the default workflow types of the Midden-Gelderland recipe.</summary>
public sealed class WorkflowRecipeTests(DefaultTypesSite fixture) : IClassFixture<DefaultTypesSite>
{
    private WorkflowSite Site => fixture.Site;

    public static readonly string[] DefaultTypes =
    [
        "aanmelding-bevestigen", "wachtlijst-bevestigen", "goedkeuring-leercoordinator", "aanmelding-afgewezen",
        "afmelding-bevestigen", "wachtlijst-doorschuiven", "herinnering-eerste-bijeenkomst", "harrie-werkgeversaanmelding",
    ];

    [Fact]
    public async Task Setup_recipe_imports_the_default_types()
    {
        var types = await Site.WithScopeAsync(s => s.GetRequiredService<AcademyDbContext>().Set<WorkflowTypeRecord>().AsNoTracking().ToListAsync());
        Assert.Subset(types.Select(t => t.Id).ToHashSet(), DefaultTypes.ToHashSet());
        await Site.WithScopeAsync(async services =>
        {
            var validator = services.GetRequiredService<WorkflowValidator>();
            foreach (var type in types.Where(t => DefaultTypes.Contains(t.Id)))
            {
                Assert.True(type.IsEnabled, type.Id);
                // Only activities of modules not in this build (SetEnrolmentStatus) may be unknown.
                Assert.All(validator.Validate(type.Json).Errors, e => Assert.Contains("onbekend type 'SetEnrolmentStatus'", e));
            }
            return await Task.FromResult(true);
        });
    }

    [Fact]
    public async Task Recipe_step_stores_types_with_unknown_activities_and_refuses_unreadable_ones()
    {
        var file = await WriteRecipeAsync("""
            { "name": "WorkflowTypes", "WorkflowTypes": [
              { "Id": "recept-test", "Name": "Uit een recept", "IsEnabled": true,
                "Activities": [ { "Id": "a1", "Type": "WfRecipe", "IsStart": true }, { "Id": "a2", "Type": "Onbestaand" } ],
                "Transitions": [ { "From": "a1", "Outcome": "Done", "To": "a2" } ] } ] }
            """);
        await RunAsync(file);
        await RunAsync(file);

        var stored = await Site.WithScopeAsync(s => s.GetRequiredService<AcademyDbContext>().Set<WorkflowTypeRecord>().AsNoTracking().Where(t => t.Id == "recept-test").ToListAsync());
        var type = Assert.Single(stored);
        Assert.Equal("Uit een recept", type.Name);
        // Imported twice, the same definition: still version 1.
        Assert.Equal(1, type.LatestVersion);
        Assert.Equal([1], (await Site.WithScopeAsync(s => s.GetRequiredService<WorkflowTypeStore>().VersionsAsync("recept-test"))).Select(v => v.Version));
        var errors = await Site.WithScopeAsync(s => Task.FromResult(s.GetRequiredService<WorkflowValidator>().Validate(type.Json).Errors));
        Assert.Equal(["Activiteit 'a2' heeft een onbekend type 'Onbestaand'."], errors);

        // An instance reaching the unknown activity faults with a journaled error instead of crashing.
        await Site.RaiseAsync("WfRecipe", new { }, "recept-1");
        var instance = await Site.SingleInstanceAsync("recept-test");
        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Contains("Onbestaand", (await Site.JournalAsync(instance.Id)).Last().Error);

        // A changed definition imported: version 2 for new instances, the faulted one stays on version 1.
        await RunAsync(await WriteRecipeAsync("""
            { "name": "WorkflowTypes", "WorkflowTypes": [
              { "Id": "recept-test", "Name": "Uit een recept", "IsEnabled": true,
                "Activities": [ { "Id": "a1", "Type": "WfRecipe", "IsStart": true }, { "Id": "a2", "Type": "SetVariable", "Properties": { "Name": "X", "Value": "y" } } ],
                "Transitions": [ { "From": "a1", "Outcome": "Done", "To": "a2" } ] } ] }
            """));
        Assert.Equal(2, (await Site.WithScopeAsync(s => s.GetRequiredService<WorkflowTypeStore>().FindAsync("recept-test")))!.LatestVersion);
        Assert.Equal(1, (await Site.SingleInstanceAsync("recept-test")).WorkflowTypeVersion);
        await Site.RaiseAsync("WfRecipe", new { }, "recept-2");
        var second = (await Site.InstancesAsync("recept-test")).Single(i => i.CorrelationId == "recept-2");
        Assert.Equal((WorkflowStatus.Finished, 2), (second.Status, second.WorkflowTypeVersion));

        var unreadable = await WriteRecipeAsync("""
            { "name": "WorkflowTypes", "WorkflowTypes": [ { "Id": "zonder-activiteiten", "Name": "Leeg" } ] }
            """);
        var error = await Assert.ThrowsAsync<RecipeException>(() => RunAsync(unreadable));
        Assert.Contains("'Activities' moet een lijst zijn.", error.Message);
        Assert.Null(await Site.WithScopeAsync(s => s.GetRequiredService<WorkflowTypeStore>().FindAsync("zonder-activiteiten")));
    }

    [Fact]
    public async Task Confirmation_and_reminder_types_mail_the_participant()
    {
        var start = Site.Clock.GetUtcNow().UtcDateTime.Date.AddDays(20).AddHours(8);
        await Site.RaiseAsync("EnrolmentConfirmed", new
        {
            EnrolmentId = 501,
            EditionId = "editie-1",
            EditionName = "Groep 1",
            OfferingId = "harrie-training",
            OfferingTitle = "HARRIE-training",
            OfferingUrl = "/aanbod/harrie-training",
            ParticipantName = "Anna de Vries",
            ParticipantEmail = "anna@example.nl",
            ParticipantUserId = (string?)null,
            FirstSessionStartUtc = start,
        }, "501");

        var confirmation = await InstanceAsync("aanmelding-bevestigen", "501");
        var mail = Assert.Single(Site.Mail.For(confirmation.Id));
        Assert.Equal("anna@example.nl", mail.To);
        Assert.Equal("Aanmelding bevestigd: HARRIE-training", mail.Subject);
        Assert.Contains("http://localhost:5000/mijn-aanmeldingen", mail.TextBody);
        Assert.Contains("http://localhost:5000/aanbod/harrie-training", mail.TextBody);
        Assert.Equal("agenda.ics", Assert.Single(mail.Attachments!).FileName);

        var reminder = await InstanceAsync("herinnering-eerste-bijeenkomst", "501");
        Assert.Equal(WorkflowStatus.Blocked, reminder.Status);
        Assert.Equal(start.AddDays(-2), Site.Jobs.Jobs[("workflow-timer", $"{reminder.Id}:twee-dagen-voor")]);

        // Cancelling first ends the reminder without a mail.
        await Site.RaiseAsync("EnrolmentCancelled", new { EnrolmentId = 501, OfferingTitle = "HARRIE-training", ParticipantName = "Anna de Vries", ParticipantEmail = "anna@example.nl", OfferingUrl = "/aanbod/harrie-training" }, "501");
        reminder = await InstanceAsync("herinnering-eerste-bijeenkomst", "501");
        Assert.Equal(WorkflowStatus.Finished, reminder.Status);
        Assert.Empty(Site.Mail.For(reminder.Id));
        Assert.False(Site.Jobs.Jobs.ContainsKey(("workflow-timer", $"{reminder.Id}:twee-dagen-voor")));
        Assert.Equal("Afmelding ontvangen: HARRIE-training", Assert.Single(Site.Mail.For((await InstanceAsync("afmelding-bevestigen", "501")).Id)).Subject);
    }

    [Fact]
    public async Task A_promotion_starts_one_reminder_and_mails_the_free_seat_with_the_calendar()
    {
        var enrolment = new
        {
            EnrolmentId = 701,
            EditionId = "editie-1",
            EditionName = "Groep 3",
            OfferingTitle = "Kennissessie",
            OfferingUrl = "/aanbod/kennissessie",
            ParticipantName = "Fleur",
            ParticipantEmail = "fleur@example.nl",
            FirstSessionStartUtc = Site.Clock.GetUtcNow().UtcDateTime.AddDays(30),
        };
        // The enrolment module raises both when someone moves up from the waitlist.
        await Site.RaiseAsync("EnrolmentPromoted", enrolment, "701");
        await Site.RaiseAsync("EnrolmentConfirmed", new
        {
            enrolment.EnrolmentId, enrolment.EditionId, enrolment.EditionName, enrolment.OfferingTitle, enrolment.OfferingUrl,
            enrolment.ParticipantName, enrolment.ParticipantEmail, enrolment.FirstSessionStartUtc, Promoted = true,
        }, "701");

        Assert.Single((await Site.InstancesAsync("herinnering-eerste-bijeenkomst")).Where(i => i.CorrelationId == "701"));
        var promoted = Assert.Single(await Site.InstancesAsync("wachtlijst-doorschuiven"));
        var mail = Assert.Single(Site.Mail.For(promoted.Id));
        Assert.Equal("Er is een plek vrijgekomen: Kennissessie", mail.Subject);
        Assert.Equal("agenda.ics", Assert.Single(mail.Attachments!).FileName);
        // The confirmation workflow ran but sent nothing: one mail per promotion.
        var confirmation = await InstanceAsync("aanmelding-bevestigen", "701");
        Assert.Empty(Site.Mail.For(confirmation.Id));
    }

    [Fact]
    public async Task Approval_type_mails_the_coordinator_signed_links_and_the_participant()
    {
        await Site.RaiseAsync("EnrolmentRequested", new
        {
            EnrolmentId = 601,
            EditionId = "editie-1",
            EditionName = "Groep 2",
            OfferingTitle = "Intervisie",
            OfferingUrl = "/aanbod/intervisie",
            ParticipantName = "Bert Jansen",
            ParticipantEmail = "bert@example.nl",
        }, "601");

        var instance = await InstanceAsync("goedkeuring-leercoordinator", "601");
        Assert.Equal(WorkflowStatus.Blocked, instance.Status);
        var mails = Site.Mail.For(instance.Id);
        var coordinator = Assert.Single(mails, m => m.To == "leeracademie@example.nl");
        Assert.Contains("/eenmalige-link/signaal/", coordinator.TextBody);
        Assert.Contains("/workflows/signaal?token=", await Site.DeliveredTextAsync(coordinator));
        Assert.Contains("Bert Jansen", coordinator.Subject);
        Assert.Single(mails, m => m.To == "bert@example.nl");
        var blocking = WorkflowManager.Blocking(instance).Select(b => b.ActivityId).Order().ToList();
        Assert.Equal(["afgemeld", "afgewezen", "goedgekeurd"], blocking);
    }

    [Fact]
    public async Task Employer_type_mails_the_contact_the_confirm_link_and_then_the_confirmation()
    {
        await Site.RaiseAsync("EmployerSignupRequested", new
        {
            SignupId = "ws-1",
            ContactName = "Carla Smit",
            ContactEmail = "carla@bedrijf.example.nl",
            OrganisationName = "Bouwbedrijf Smit",
            ConfirmUrl = "http://localhost:5000/werkgevers/bevestigen/abc",
            EditionId = "editie-1",
            EditionName = "Groep 1",
            OfferingTitle = "HARRIE-training",
            Participants = new[] { new { Name = "Dirk", Email = "dirk@bedrijf.example.nl" }, new { Name = "Eva", Email = "eva@bedrijf.example.nl" } },
            ExpiresUtc = new DateTime(2027, 3, 5, 11, 0, 0, DateTimeKind.Utc),
        }, "ws-1");
        await Site.RaiseAsync("EmployerSignupConfirmed", new
        {
            SignupId = "ws-1",
            ContactName = "Carla Smit",
            ContactEmail = "carla@bedrijf.example.nl",
            OrganisationName = "Bouwbedrijf Smit",
            ManageUrl = "http://localhost:5000/werkgever/medewerkers",
            EditionName = "Groep 1",
            OfferingTitle = "HARRIE-training",
            Participants = new[] { new { Name = "Dirk", Email = "dirk@bedrijf.example.nl" }, new { Name = "Eva", Email = "eva@bedrijf.example.nl" } },
        }, "ws-1");

        var instances = await Site.InstancesAsync("harrie-werkgeversaanmelding");
        Assert.Equal(2, instances.Count);
        Assert.All(instances, i => Assert.Equal(WorkflowStatus.Finished, i.Status));
        var request = Assert.Single(Site.Mail.For(instances[0].Id));
        Assert.Equal("carla@bedrijf.example.nl", request.To);
        Assert.Contains("- Dirk\n- Eva", request.TextBody.Replace("\r", ""));
        Assert.Contains("(http://localhost:5000/werkgevers/bevestigen/abc)", request.TextBody);
        Assert.Contains("vrijdag 5 maart 2027 om 12:00", request.TextBody);
        var confirmed = Assert.Single(Site.Mail.For(instances[1].Id));
        Assert.Equal("Aanmelding bevestigd: HARRIE-training", confirmed.Subject);
        Assert.Contains("voor 2 medewerkers", confirmed.TextBody);
        Assert.Contains("- Dirk\n- Eva", confirmed.TextBody.Replace("\r", ""));
        Assert.Contains("(http://localhost:5000/werkgever/medewerkers)", confirmed.TextBody);
    }

    /// <summary>The fixture's site is shared by this class's tests: each looks at its own correlation id.</summary>
    private async Task<WorkflowInstanceRecord> InstanceAsync(string typeId, string correlationId) =>
        Assert.Single((await Site.InstancesAsync(typeId)).Where(i => i.CorrelationId == correlationId));

    private static async Task<string> WriteRecipeAsync(string step)
    {
        var folder = Path.Combine(Path.GetTempPath(), "academy-tests", "workflow-recipes", Guid.NewGuid().ToString("n"), "recipes");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "test.recipe.json");
        await File.WriteAllTextAsync(file, $$"""{ "name": "test", "steps": [ {{step}} ] }""");
        return file;
    }

    private Task RunAsync(string file) =>
        Site.Factory.Services.GetRequiredService<RecipeExecutor>().ExecuteAsync(file);
}
