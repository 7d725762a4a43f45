using System.Net;
using System.Text;
using Academy.Core.Data;
using Academy.Email.Models;
using Academy.Enrolment.Abstractions;
using Academy.Testing;
using Academy.Tests.Admin;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Enrolment.Pages.PagesTestKit;

namespace Academy.Tests.Enrolment.Pages;

/// <summary>The coördinator's enrolment admin: access, overview, participant changes, exports and group mail.</summary>
public abstract class EnrolmentAdminPageTests
{
    protected abstract Task<AcademyFactory> SiteAsync();

    private static string Group(string editionId) => $"/admin/aanmeldingen/groep/{editionId}";

    private static string Detail(long id) => $"/admin/aanmeldingen/aanmelding/{id}";

    [Fact]
    public async Task Admin_pages_need_ManageEnrolments()
    {
        var site = await SiteAsync();
        var offering = await CreateOfferingAsync(site);
        var enrolment = await EnrolAsync(site, offering.EditionId, Guest("Beschermd"));
        string[] paths =
        [
            "/admin/aanmeldingen", Group(offering.EditionId), Group(offering.EditionId) + "/deelnemers.csv",
            Group(offering.EditionId) + "/deelnemers.xlsx", Group(offering.EditionId) + "/mailen", Detail(enrolment.EnrolmentId!.Value),
        ];

        var anonymous = AdminTestKit.Anonymous(site);
        var professional = await PersonAsync(site);
        foreach (var path in paths)
        {
            var page = await anonymous.GetAsync(path);
            Assert.True(page.Status == HttpStatusCode.Redirect, $"{path}: {(int)page.Status}");
            Assert.StartsWith("/account/inloggen", Absolute(page.Location!));
            var denied = await professional.Browser.GetFollowingAsync(path);
            Assert.True(denied.Status == HttpStatusCode.Forbidden, $"{path}: {(int)denied.Status}");
        }

        var token = await professional.Browser.TokenAsync("/account/uitloggen");
        var cancel = await professional.Browser.PostAsync(Detail(enrolment.EnrolmentId.Value) + "/annuleren", [new("__RequestVerificationToken", token)]);
        Assert.StartsWith("/account/geen-toegang", Absolute(cancel.Location!));
        Assert.Equal(EnrolmentStatus.Confirmed, (await RecordAsync(site, enrolment.EnrolmentId.Value)).Status);

        var coordinator = await PersonAsync(site, "Aanmeldingenbeheerder", "AccessAdmin", "ManageEnrolments");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Browser.GetAsync("/admin/aanmeldingen")).Status);
        var dashboard = await coordinator.Browser.GetAsync("/admin");
        Assert.Contains("Aanmeldingen", dashboard.Document.QuerySelector("nav.admin-nav")!.TextContent);
        Assert.Contains("Wacht op goedkeuring", dashboard.Html);
    }

    [Fact]
    public async Task The_overview_lists_upcoming_groups_with_their_figures_and_filters_by_text()
    {
        var site = await SiteAsync();
        var admin = await AdminTestKit.AdminAsync(site);
        var offering = await CreateOfferingAsync(site, capacity: 1);
        await EnrolAsync(site, offering.EditionId, Guest("Een"));
        await EnrolAsync(site, offering.EditionId, Guest("Twee"));

        var page = await admin.GetAsync("/admin/aanmeldingen?q=" + Uri.EscapeDataString(offering.Title.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = page.Document.QuerySelectorAll("tbody tr").ToList();
        var row = Assert.Single(rows);
        Assert.Contains(offering.Title, row.TextContent);
        Assert.Equal(["1 van 1", "1", "0"], row.QuerySelectorAll("td").Skip(1).Select(td => td.TextContent.Trim()));
        Assert.NotNull(row.QuerySelector($"a[href='{Group(offering.EditionId)}']"));

        var none = await admin.GetAsync("/admin/aanmeldingen?q=bestaat-echt-niet-" + Guid.NewGuid().ToString("n"));
        Assert.Empty(none.Document.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task The_coordinator_adds_people_with_or_without_an_account_and_bad_input_keeps_the_form()
    {
        var site = await SiteAsync();
        var admin = await AdminTestKit.AdminAsync(site);
        var member = await PersonAsync(site);
        var offering = await CreateOfferingAsync(site);
        var action = Group(offering.EditionId) + "/toevoegen";

        var invalid = await SubmitAsync(admin, Group(offering.EditionId), action, ("Name", "Zonder Adres"), ("Email", "geen-adres"));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Contains("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.", invalid.ErrorSummary);
        Assert.Equal("Zonder Adres", invalid.Value("Name"));
        Assert.Equal("geen-adres", invalid.Value("Email"));
        Assert.Empty(await RecordsAsync(site, offering.EditionId));

        var noName = await SubmitAsync(admin, Group(offering.EditionId), action, ("Email", "onbekend-" + Guid.NewGuid().ToString("n")[..8] + "@example.nl"));
        Assert.Equal(HttpStatusCode.BadRequest, noName.Status);
        Assert.Contains("Vul de naam in: er is geen account met dit e-mailadres.", noName.ErrorSummary);

        var added = await SubmitAsync(admin, Group(offering.EditionId), action, ("Name", "Gast Persoon"), ("Email", "Gast.Persoon@Example.nl"), ("Function", "Jobcoach"));
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        var withAccount = await SubmitAsync(admin, Group(offering.EditionId), action, ("Email", member.Email.ToUpperInvariant()));
        Assert.Equal(HttpStatusCode.Redirect, withAccount.Status);

        var records = await RecordsAsync(site, offering.EditionId);
        Assert.Equal(2, records.Count);
        Assert.Equal(("Gast Persoon", "gast.persoon@example.nl", "Jobcoach", (string?)null), (records[0].ParticipantName, records[0].ParticipantEmail, records[0].ParticipantFunction, records[0].UserId));
        Assert.Equal((member.UserId, member.Name, EnrolmentStatus.Confirmed), (records[1].UserId, records[1].ParticipantName, records[1].Status));

        var group = await admin.GetAsync(added.Location!);
        Assert.Contains("is toegevoegd: bevestigd", group.StatusMessage);
        Assert.Equal(2, group.Document.QuerySelectorAll("#tabel-bevestigd tbody tr").Length);
        // The member now sees it under "Mijn aanmeldingen".
        Assert.Contains(offering.Title, (await member.Browser.GetAsync("/mijn-aanmeldingen")).Html);
    }

    [Fact]
    public async Task Moving_to_another_group_cancels_here_enrols_there_and_promotes_the_waitlist()
    {
        var site = await SiteAsync();
        var admin = await AdminTestKit.AdminAsync(site);
        var offering = await CreateOfferingAsync(site, capacity: 1, editions: 2);
        var (from, to) = (offering.EditionIds[0], offering.EditionIds[1]);
        var mover = await EnrolAsync(site, from, Guest("Verhuizer"));
        var waiting = await EnrolAsync(site, from, Guest("Wachtende"));

        var invalid = await SubmitAsync(admin, Detail(mover.EnrolmentId!.Value), Detail(mover.EnrolmentId.Value) + "/verplaatsen", ("targetEditionId", ""));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Contains("Kies de groep waar de deelnemer naartoe gaat.", invalid.ErrorSummary);
        Assert.Equal(EnrolmentStatus.Confirmed, (await RecordAsync(site, mover.EnrolmentId.Value)).Status);

        var moved = await SubmitAsync(admin, Detail(mover.EnrolmentId.Value), Detail(mover.EnrolmentId.Value) + "/verplaatsen", ("targetEditionId", to));
        Assert.Equal(HttpStatusCode.Redirect, moved.Status);

        var old = await RecordAsync(site, mover.EnrolmentId.Value);
        Assert.Equal(EnrolmentStatus.Cancelled, old.Status);
        Assert.Equal("Verplaatst naar Groep 2", old.CancelReason);
        var there = Assert.Single(await RecordsAsync(site, to));
        Assert.Equal(("Verhuizer", EnrolmentStatus.Confirmed), (there.ParticipantName, there.Status));
        Assert.Equal(EnrolmentStatus.Confirmed, (await RecordAsync(site, waiting.EnrolmentId!.Value)).Status);
        Assert.Contains("is verplaatst naar Groep 2", (await admin.GetAsync(moved.Location!)).StatusMessage);
    }

    [Fact]
    public async Task Cancelling_with_a_reason_frees_the_seat_for_the_waitlist()
    {
        var site = await SiteAsync();
        var admin = await AdminTestKit.AdminAsync(site);
        var offering = await CreateOfferingAsync(site, capacity: 1);
        var first = await EnrolAsync(site, offering.EditionId, Guest("Eerste"));
        var second = await EnrolAsync(site, offering.EditionId, Guest("Tweede"));

        var detail = await admin.GetAsync(Detail(first.EnrolmentId!.Value));
        Assert.Contains("Weet u zeker dat u de aanmelding van Eerste wilt annuleren?", detail.Html);
        var done = await admin.SubmitAsync(detail.Form($"form[action='{Detail(first.EnrolmentId.Value)}/annuleren']").Set("reason", "Ziek gemeld"));

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        var record = await RecordAsync(site, first.EnrolmentId.Value);
        Assert.Equal((EnrolmentStatus.Cancelled, "Ziek gemeld"), (record.Status, record.CancelReason));
        Assert.Equal(EnrolmentStatus.Confirmed, (await RecordAsync(site, second.EnrolmentId!.Value)).Status);
        var group = await admin.GetAsync(done.Location!);
        Assert.Contains("Ziek gemeld", group.Document.QuerySelector("#tabel-beeindigd")!.TextContent);
    }

    [Fact]
    public async Task Pending_requests_are_approved_or_declined_with_a_reason()
    {
        var site = await SiteAsync();
        var admin = await AdminTestKit.AdminAsync(site);
        var offering = await CreateOfferingAsync(site, requiresApproval: true);
        var approve = await EnrolAsync(site, offering.EditionId, Guest("Goed"));
        var decline = await EnrolAsync(site, offering.EditionId, Guest("Niet"));
        Assert.Equal(EnrolmentStatus.Pending, approve.Status);

        var approved = await SubmitAsync(admin, Detail(approve.EnrolmentId!.Value), Detail(approve.EnrolmentId.Value) + "/goedkeuren");
        Assert.Equal(HttpStatusCode.Redirect, approved.Status);
        Assert.Equal(EnrolmentStatus.Confirmed, (await RecordAsync(site, approve.EnrolmentId.Value)).Status);

        var noReason = await SubmitAsync(admin, Detail(decline.EnrolmentId!.Value), Detail(decline.EnrolmentId.Value) + "/afwijzen", ("reason", "   "));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Contains("Vul de reden van de afwijzing in; de deelnemer krijgt die te lezen.", noReason.ErrorSummary);
        Assert.Equal(EnrolmentStatus.Pending, (await RecordAsync(site, decline.EnrolmentId.Value)).Status);

        var declined = await SubmitAsync(admin, Detail(decline.EnrolmentId.Value), Detail(decline.EnrolmentId.Value) + "/afwijzen", ("reason", "Doelgroep past niet"));
        Assert.Equal(HttpStatusCode.Redirect, declined.Status);
        var record = await RecordAsync(site, decline.EnrolmentId.Value);
        Assert.Equal((EnrolmentStatus.Declined, "Doelgroep past niet"), (record.Status, record.DeclineReason));
        Assert.Contains("Afgewezen (Doelgroep past niet)", (await admin.GetAsync(declined.Location!)).Document.QuerySelector("#tabel-beeindigd")!.TextContent);

        // Approving twice is refused with the service's Dutch message, nothing changes.
        var token = await admin.TokenAsync(Detail(approve.EnrolmentId.Value));
        var again = await admin.PostAsync(Detail(approve.EnrolmentId.Value) + "/goedkeuren", [new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Contains("Deze aanmelding wacht niet op goedkeuring.", again.ErrorSummary);
    }

    [Fact]
    public async Task A_confirmed_enrolment_is_marked_completed()
    {
        var site = await SiteAsync();
        var admin = await AdminTestKit.AdminAsync(site);
        var offering = await CreateOfferingAsync(site);
        var enrolment = await EnrolAsync(site, offering.EditionId, Guest("Afronder"));

        var done = await SubmitAsync(admin, Detail(enrolment.EnrolmentId!.Value), Detail(enrolment.EnrolmentId.Value) + "/afgerond");

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Equal(EnrolmentStatus.Completed, (await RecordAsync(site, enrolment.EnrolmentId.Value)).Status);
        Assert.Null((await admin.GetAsync(Detail(enrolment.EnrolmentId.Value))).Document.QuerySelector("form[action$='/afgerond']"));
    }

    [Fact]
    public async Task The_participant_list_downloads_as_csv_and_xlsx_with_the_same_rows()
    {
        var site = await SiteAsync();
        var admin = await AdminTestKit.AdminAsync(site);
        var offering = await CreateOfferingAsync(site, capacity: 1);
        await EnrolAsync(site, offering.EditionId, new Participant(null, "=HYPERLINK(\"http://x\")", $"a-{Guid.NewGuid():n}@example.nl", "Jansen; coach"));
        await EnrolAsync(site, offering.EditionId, Guest("Tweede \"Wacht\""));

        var csvResponse = await admin.Client.GetAsync(Group(offering.EditionId) + "/deelnemers.csv");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".csv", csvResponse.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal("Naam;E-mail;Organisatie;Functie;Status;Plaats op wachtlijst;Aangemeld op", lines[0]);
        Assert.StartsWith("\"'=HYPERLINK(\"\"http://x\"\")\";", lines[1]);
        Assert.Contains(";\"Jansen; coach\";Bevestigd;;", lines[1]);
        Assert.StartsWith("\"Tweede \"\"Wacht\"\"\";", lines[2]);
        Assert.Contains(";Op de wachtlijst;1;", lines[2]);

        var xlsxResponse = await admin.Client.GetAsync(Group(offering.EditionId) + "/deelnemers.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet(1);
        Assert.Equal("Naam", sheet.Cell(1, 1).GetString());
        Assert.Equal("'=HYPERLINK(\"http://x\")", sheet.Cell(2, 1).GetString());
        Assert.False(sheet.Cell(2, 1).HasFormula);
        Assert.Equal("Tweede \"Wacht\"", sheet.Cell(3, 1).GetString());
        Assert.Equal("1", sheet.Cell(3, 6).GetString());
        Assert.Equal(3, sheet.LastRowUsed().RowNumber());

        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync(Group("bestaat-niet") + "/deelnemers.csv")).StatusCode);
    }

    [Fact]
    public async Task Mailing_the_group_queues_one_mail_per_recipient_once_even_when_submitted_twice()
    {
        var site = await SiteAsync();
        var admin = await AdminTestKit.AdminAsync(site);
        var offering = await CreateOfferingAsync(site, capacity: 2);
        await EnrolAsync(site, offering.EditionId, Guest("Anna"));
        await EnrolAsync(site, offering.EditionId, Guest("Bram"));
        await EnrolAsync(site, offering.EditionId, Guest("Wachter"));
        var url = Group(offering.EditionId) + "/mailen";

        var compose = await admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, compose.Status);
        var form = compose.Form().Set("Subject", "Praktische informatie").Set("Body", "Beste {{ Participant.Name }},\n\nNeem je laptop mee naar **{{ Edition.OfferingTitle }}**.");
        var messageId = form.Get("MessageId")!;

        var empty = await admin.SubmitAsync(compose.Form().Set("Subject", " ").Set("Body", "Mijn tekst blijft staan"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Contains("Vul het onderwerp in.", empty.ErrorSummary);
        Assert.Equal("Mijn tekst blijft staan", empty.Document.QuerySelector("textarea[name=Body]")!.TextContent.Trim());

        var broken = await admin.SubmitAsync(compose.Form().Set("Subject", "Kapot").Set("Body", "Hallo {{ Participant.Name"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.Status);
        Assert.Single(broken.ErrorSummary);
        Assert.Equal(0, await GroupMailsAsync(site, messageId));

        var first = await admin.SubmitAsync(form);
        var second = await admin.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.Equal(HttpStatusCode.Redirect, second.Status);

        await using var scope = site.Services.CreateAsyncScope();
        var mails = await scope.ServiceProvider.GetRequiredService<AcademyDbContext>().Set<MailMessageRecord>().AsNoTracking()
            .Where(m => m.IdempotencyKey.StartsWith("groepsmail:" + messageId)).OrderBy(m => m.ToName).ToListAsync();
        Assert.Equal(["Anna", "Bram"], mails.Select(m => m.ToName));
        Assert.All(mails, m => Assert.Equal("Praktische informatie", m.Subject));
        Assert.Contains($"Beste Anna,", mails[0].Text);
        Assert.Contains($"<strong>{offering.Title}</strong>", mails[0].Html);
        Assert.Contains("Het bericht is verstuurd naar 2 deelnemers.", (await admin.GetAsync(first.Location!)).StatusMessage);

        // A new form (new message id) to everyone reaches the waitlist too.
        var all = (await admin.GetAsync(url)).Form().Set("Subject", "Voor allen").Set("Body", "Tekst").Set("Recipients", "allen");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(all)).Status);
        Assert.Equal(3, await GroupMailsAsync(site, all.Get("MessageId")!));
    }

    private static async Task<int> GroupMailsAsync(AcademyFactory site, string messageId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AcademyDbContext>().Set<MailMessageRecord>()
            .CountAsync(m => m.IdempotencyKey.StartsWith("groepsmail:" + messageId));
    }
}
