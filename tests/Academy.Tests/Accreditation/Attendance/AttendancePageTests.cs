using Academy.Accreditation.Abstractions;
using AngleSharp.Dom;
using System.Net;
using Academy.Enrolment.Abstractions;
using Academy.Testing;
using Academy.Tests.Admin;
using Academy.Tests.Enrolment.Pages;
using PdfSharp.Pdf.IO;
using static Academy.Tests.Accreditation.Attendance.AttendanceTestKit;

namespace Academy.Tests.Accreditation.Attendance;

/// <summary>The trainer's tablet pages, the coördinator's pages and the presentielijst, as a browser without JavaScript uses them.</summary>
public sealed class AttendancePageTests(SqliteAttendanceSite site) : IClassFixture<SqliteAttendanceSite>
{
    private AcademyFactory Factory => site.Factory;

    private static string Url(string prefix, AttendanceEdition e, int session = 0) => $"{prefix}/{e.EditionId}/{e.SessionIds[session]}";

    /// <summary>The index of a participant's line in the register form.</summary>
    private static int Line(HtmlForm form, long enrolmentId) =>
        Enumerable.Range(0, 50).First(i => form.Get($"Lines[{i}].EnrolmentId") == enrolmentId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task A_trainer_sees_only_the_groups_they_give_and_gets_404_for_another_group()
    {
        var trainer = await PagesTestKit.PersonAsync(Factory, "Trainer");
        var mine = await CreateEditionAsync(Factory, trainerEmails: trainer.Email.ToUpperInvariant());
        var theirs = await CreateEditionAsync(Factory, trainerEmails: "andere-trainer@example.nl");
        await SeedAsync(Factory, mine.EditionId, Guest("Eigen Deelnemer"));
        await SeedAsync(Factory, theirs.EditionId, Guest("Iemand Anders"));

        var index = await trainer.Browser.GetAsync("/presentie");
        var token = await trainer.Browser.TokenAsync(Url("/presentie", mine));
        var otherPage = await trainer.Browser.GetAsync(Url("/presentie", theirs));
        var otherPdf = await trainer.Browser.GetAsync(Url("/presentie", theirs) + "/presentielijst.pdf");
        var otherPost = await trainer.Browser.PostAsync(Url("/presentie", theirs), [new("__RequestVerificationToken", token)]);
        var adminPage = await trainer.Browser.GetFollowingAsync("/admin/presentie");

        Assert.Equal(HttpStatusCode.OK, index.Status);
        Assert.NotNull(index.Document.QuerySelector($"[data-edition='{mine.EditionId}']"));
        Assert.Null(index.Document.QuerySelector($"[data-edition='{theirs.EditionId}']"));
        Assert.Equal(HttpStatusCode.NotFound, otherPage.Status);
        Assert.Equal(HttpStatusCode.NotFound, otherPdf.Status);
        Assert.Equal(HttpStatusCode.NotFound, otherPost.Status);
        Assert.Equal(HttpStatusCode.Forbidden, adminPage.Status);
        Assert.Empty(await RecordsAsync(Factory, theirs.EditionId));
    }

    [Fact]
    public async Task A_professional_is_refused_and_a_visitor_is_sent_to_log_in()
    {
        var professional = await PagesTestKit.PersonAsync(Factory, "Professional");
        var edition = await CreateEditionAsync(Factory, trainerEmails: professional.Email);

        var asProfessional = await professional.Browser.GetAsync(Url("/presentie", edition));
        var denied = await professional.Browser.GetFollowingAsync("/presentie");
        var anonymous = await AdminTestKit.Anonymous(Factory).GetAsync("/presentie");

        Assert.Equal(HttpStatusCode.Redirect, asProfessional.Status);
        Assert.Contains("/account/geen-toegang", asProfessional.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.Status);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.Status);
        Assert.Contains("/account/inloggen", anonymous.Location);
    }

    [Fact]
    public async Task A_trainer_registers_both_sessions_with_the_form_and_the_participant_who_was_there_completes()
    {
        var trainer = await PagesTestKit.PersonAsync(Factory, "Trainer");
        var edition = await CreateEditionAsync(Factory, trainerEmails: trainer.Email);
        var people = await SeedAsync(Factory, edition.EditionId, Guest("Anouk Altijd"), Guest("Bram Beetje"));
        var (anouk, bram) = (people[0], people[1]);

        for (var session = 0; session < 2; session++)
        {
            var page = await trainer.Browser.GetAsync(Url("/presentie", edition, session));
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var form = page.Form("form.attendance-form");
            form.Set($"Lines[{Line(form, anouk.EnrolmentId)}].Status", "aanwezig")
                .Set($"Lines[{Line(form, bram.EnrolmentId)}].Status", session == 0 ? "aanwezig" : "deels")
                .Set($"Lines[{Line(form, bram.EnrolmentId)}].Minutes", "45");
            var saved = await trainer.Browser.SubmitAsync(form);
            Assert.Equal(HttpStatusCode.Redirect, saved.Status);
            Assert.Equal(Url("/presentie", edition, session), saved.Location);
        }

        var after = await trainer.Browser.GetAsync(Url("/presentie", edition, 1));
        Assert.Contains("De aanwezigheid is opgeslagen.", after.StatusMessage);
        Assert.Contains("Afgerond volgens de afrondingsregel: Anouk Altijd.", after.StatusMessage);
        Assert.True(after.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"#status-{bram.EnrolmentId}-deels")!.IsDefaultChecked);
        Assert.Equal("45", after.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"#minuten-{bram.EnrolmentId}")!.Value);
        var states = after.Document.QuerySelectorAll(".attendance-row").ToDictionary(r => r.GetAttribute("data-enrolment")!, r => r.QuerySelector(".attendance-row__state")!.TextContent);
        Assert.Contains("Afgerond", states[anouk.EnrolmentId.ToString()]);
        // 120 + 45 of 240 minutes = 68 %; the rule wants every session in full.
        Assert.Contains("Voldoet niet aan de afrondingsregel (68 % aanwezig, nodig 100 %)", states[bram.EnrolmentId.ToString()]);
        Assert.Equal(EnrolmentStatus.Completed, await StatusAsync(Factory, anouk.EnrolmentId));
        Assert.Equal(1, await CompletedEventsAsync(Factory, anouk.EnrolmentId));
    }

    [Fact]
    public async Task A_form_with_errors_comes_back_with_the_typed_values_and_saves_nothing()
    {
        var trainer = await PagesTestKit.PersonAsync(Factory, "Trainer");
        var edition = await CreateEditionAsync(Factory, trainerEmails: trainer.Email);
        var people = await SeedAsync(Factory, edition.EditionId, Guest("Carla Compleet"), Guest("Dave Deels"));
        var page = await trainer.Browser.GetAsync(Url("/presentie", edition));
        var form = page.Form("form.attendance-form");
        form.Set($"Lines[{Line(form, people[0].EnrolmentId)}].Status", "aanwezig")
            .Set($"Lines[{Line(form, people[1].EnrolmentId)}].Status", "deels")
            .Set($"Lines[{Line(form, people[1].EnrolmentId)}].Minutes", "twee uur");

        var result = await trainer.Browser.SubmitAsync(form);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Vul bij Dave Deels in hoeveel minuten die aanwezig was: een heel getal van 1 tot en met 119."], result.ErrorSummary);
        Assert.Equal($"#minuten-{people[1].EnrolmentId}", result.ErrorLinks.Single().Href);
        Assert.Equal("twee uur", result.Value($"Lines[{Line(form, people[1].EnrolmentId)}].Minutes"));
        // The field the summary links to carries the error: invalid, and described by the message.
        var minutes = result.Document.QuerySelector($"#minuten-{people[1].EnrolmentId}")!;
        Assert.Equal("true", minutes.GetAttribute("aria-invalid"));
        Assert.Contains($"fout-{people[1].EnrolmentId}", minutes.GetAttribute("aria-describedby")!.Split(' '));
        Assert.True(result.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"#status-{people[0].EnrolmentId}-aanwezig")!.IsDefaultChecked);
        Assert.Empty(await RecordsAsync(Factory, edition.EditionId));
    }

    [Fact]
    public async Task Everyone_present_fills_the_form_without_javascript_and_saves_nothing_by_itself()
    {
        var trainer = await PagesTestKit.PersonAsync(Factory, "Trainer");
        var edition = await CreateEditionAsync(Factory, trainerEmails: trainer.Email);
        await SeedAsync(Factory, edition.EditionId, Guest("Een Persoon"), Guest("Twee Persoon"), Guest("Drie Persoon"));

        var page = await trainer.Browser.GetAsync(Url("/presentie", edition) + "?alles=aanwezig");
        var form = page.Form("form.attendance-form");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(3, form.Values.Count(v => v.Key.EndsWith(".Status") && v.Value == "aanwezig"));
        Assert.Empty(await RecordsAsync(Factory, edition.EditionId));
        Assert.Equal(HttpStatusCode.Redirect, (await trainer.Browser.SubmitAsync(form)).Status);
        Assert.Equal(3, (await RecordsAsync(Factory, edition.EditionId)).Count);
    }

    [Fact]
    public async Task A_session_in_the_future_shows_no_form_yet_but_its_presentielijst()
    {
        var trainer = await PagesTestKit.PersonAsync(Factory, "Trainer");
        var edition = await CreateEditionAsync(Factory, [TimeSpan.FromDays(5)], trainerEmails: trainer.Email);
        await SeedAsync(Factory, edition.EditionId, Guest("Toekomstige Deelnemer"));

        var page = await trainer.Browser.GetAsync(Url("/presentie", edition));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("form.attendance-form"));
        Assert.Contains("nog niet begonnen", page.Document.QuerySelector("#nog-niet-open")!.TextContent);
        Assert.NotNull(page.Document.QuerySelector("a[href$='/presentielijst.pdf']"));
    }

    [Fact]
    public async Task The_presentielijst_is_a_pdf_with_a_title_for_the_trainer_and_the_coordinator()
    {
        var trainer = await PagesTestKit.PersonAsync(Factory, "Trainer");
        var edition = await CreateEditionAsync(Factory, trainerEmails: trainer.Email);
        // A full group (capacity 10) with long names that wrap in the table.
        await SeedAsync(Factory, edition.EditionId, Enumerable.Range(1, 10).Select(i => Guest($"Deelnemer {i:00} met een lange achternaam van Wijngaarden-Schoonderbeek")).ToArray());
        var admin = await AdminTestKit.AdminAsync(Factory);

        foreach (var (browser, prefix) in new[] { (trainer.Browser, "/presentie"), (admin, "/admin/presentie") })
        {
            var response = await browser.Client.GetAsync(Url(prefix, edition) + "/presentielijst.pdf");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            using var pdf = PdfReader.Open(await response.Content.ReadAsStreamAsync(), PdfDocumentOpenMode.Import);
            Assert.True(pdf.PageCount >= 1);
            Assert.StartsWith($"Presentielijst {edition.Title} – ", pdf.Info.Title);
            Assert.Equal($"{edition.EditionId}/{edition.SessionIds[0]}", pdf.Info.Subject);
        }
    }

    [Fact]
    public async Task The_coordinator_finds_the_group_and_sees_each_participants_completion_state()
    {
        var edition = await CreateEditionAsync(Factory, rule: CompletionRuleKind.MinimumPercent, percent: 80);
        var people = await SeedAsync(Factory, edition.EditionId, Guest("Fien Volledig"), Guest("Gijs Half"), Guest("Hanna Later"));
        Assert.True((await SaveAsync(Factory, edition.EditionId, edition.SessionIds[0], Present(people[0]), Present(people[1]), Present(people[2]))).Succeeded);
        Assert.True((await SaveAsync(Factory, edition.EditionId, edition.SessionIds[1], Present(people[0]), Absent(people[1]))).Succeeded);
        var admin = await AdminTestKit.AdminAsync(Factory);

        var list = await admin.GetAsync("/admin/presentie?q=" + Uri.EscapeDataString(edition.Title));
        var otherFilter = await admin.GetAsync("/admin/presentie?q=bestaat-zeker-niet&periode=komend");
        var page = await admin.GetAsync($"/admin/presentie/{edition.EditionId}");
        var unknown = await admin.GetAsync("/admin/presentie/bestaat-niet");

        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Single(list.Document.QuerySelectorAll("[data-edition]"));
        Assert.NotNull(list.Document.QuerySelector($"a[href='/admin/presentie/{edition.EditionId}']"));
        Assert.Empty(otherFilter.Document.QuerySelectorAll("[data-edition]"));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var states = page.Document.QuerySelectorAll("#tabel-afronding tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelector("td:last-child")!.TextContent.Trim());
        Assert.Equal("Afgerond", states["Fien Volledig"]);
        Assert.Equal("Voldoet niet aan de afrondingsregel (50 % aanwezig, nodig 80 %)", states["Gijs Half"]);
        Assert.Equal("Nog niet alle bijeenkomsten geregistreerd", states["Hanna Later"]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);

        // The dashboard card counts this edition's second session: one participant has no registration there.
        var dashboard = await admin.GetAsync("/admin");
        var card = dashboard.Document.QuerySelectorAll("h2").Single(h => h.TextContent.Trim() == "Presentie").ParentElement!;
        Assert.Matches(@"Bijeenkomsten met onvolledige presentie: [1-9]", System.Text.RegularExpressions.Regex.Replace(card.TextContent, @"\s+", " "));
        Assert.NotNull(card.QuerySelector("a[href='/admin/presentie']"));
    }
}
