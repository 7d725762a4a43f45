using System.Net;
using Academy.Accreditation.Models;
using Academy.Accreditation.Services.Ledger;
using Academy.Testing;
using Academy.Tests.Admin;
using Academy.Tests.Enrolment.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Accreditation.Ledger.LedgerTestKit;

namespace Academy.Tests.Accreditation.Ledger;

/// <summary>The public certificate check, the owner's PDF, and who may see the coördinator's pages.</summary>
public sealed class CertificatePageTests(SqliteLedgerSite site) : IClassFixture<SqliteLedgerSite>
{
    private AcademyFactory Factory => site.Factory;

    [Fact]
    public async Task A_valid_certificate_shows_name_offering_date_and_hours_and_nothing_more()
    {
        var done = await CompleteAsync(Factory, await CreateEditionAsync(Factory, Accredit(Registerplein, 1.5m, "RP-CHECK"), Accredit(Skj, 2, "SKJ-CHECK")));
        var certificate = Assert.Single(await CertificatesAsync(Factory, done.EnrolmentId));

        var page = await AdminTestKit.Anonymous(Factory).GetAsync($"/certificaat/{certificate.Code}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var status = page.Document.QuerySelector("#certificaat-status")!.TextContent;
        Assert.Contains("Geldig", status);
        Assert.Contains(done.Participant.Name, page.Html);
        Assert.Contains(certificate.OfferingTitle, page.Html);
        var rows = page.Document.QuerySelectorAll("#uren tbody tr").Select(r => r.TextContent.Replace("\n", " ")).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains("Registerplein") && r.Contains("1,5 uren") && r.Contains("RP-CHECK"));
        Assert.Contains(rows, r => r.Contains("SKJ") && r.Contains("2 punten"));
        Assert.DoesNotContain(done.Participant.Email, page.Html);
        Assert.DoesNotContain("@", page.Document.QuerySelector("main")?.TextContent ?? page.Document.Body!.TextContent);
        Assert.Equal("no-store", page.Response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task An_unknown_or_malformed_code_is_not_found_and_the_form_explains_the_format()
    {
        var anonymous = AdminTestKit.Anonymous(Factory);

        var unknown = await anonymous.GetAsync("/certificaat/KKKK-KKKK-KKKK");
        var malformedPath = await anonymous.GetAsync("/certificaat/niet-een-code");
        var malformedForm = await anonymous.GetAsync("/certificaat?code=ABC-0O1I");
        var empty = await anonymous.GetAsync("/certificaat?code=");
        var form = await anonymous.GetAsync("/certificaat");
        var typed = await anonymous.GetAsync("/certificaat?code=kkkk kkkk kkkk");

        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Contains("Dit certificaat is niet bekend.", unknown.Html);
        Assert.Equal(HttpStatusCode.NotFound, malformedPath.Status);
        Assert.Equal(HttpStatusCode.BadRequest, malformedForm.Status);
        Assert.StartsWith("Fout:", malformedForm.Document.QuerySelector("#code-fout")!.TextContent.Trim());
        Assert.Contains("Dit is geen geldige certificaatcode.", malformedForm.Document.QuerySelector("#code-fout")!.TextContent);
        Assert.Equal("ABC-0O1I", malformedForm.Value("code"));
        Assert.Equal("true", malformedForm.Input("code")!.GetAttribute("aria-invalid"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Null(form.Document.QuerySelector("#code-fout"));
        Assert.Equal(HttpStatusCode.Redirect, typed.Status);
        Assert.Equal("/certificaat/KKKK-KKKK-KKKK", typed.Location);
    }

    [Fact]
    public async Task A_revoked_certificate_says_so_and_shows_no_hours_as_valid()
    {
        var done = await CompleteAsync(Factory, await CreateEditionAsync(Factory, Accredit(Registerplein, 8, "RP-INTREK")));
        var certificate = Assert.Single(await CertificatesAsync(Factory, done.EnrolmentId));
        var admin = await AdminTestKit.AdminAsync(Factory);
        var detail = await admin.GetAsync($"/admin/accreditatie/certificaten/{certificate.Id}");
        Assert.Equal(HttpStatusCode.OK, detail.Status);

        var refused = await admin.SubmitAsync(detail.Form("form[action$='/intrekken']").Set("reason", " "));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["Geef een reden op waarom het certificaat wordt ingetrokken."], refused.ErrorSummary);
        Assert.Null(Assert.Single(await CertificatesAsync(Factory, done.EnrolmentId)).RevokedUtc);
        Assert.Single(await EntriesAsync(Factory, done.EnrolmentId));

        var revoked = await admin.SubmitAsync(detail.Form("form[action$='/intrekken']").Set("reason", "Dubbel uitgegeven"));
        Assert.Equal(HttpStatusCode.Redirect, revoked.Status);
        Assert.Contains("is ingetrokken", (await admin.GetAsync(revoked.Location!)).StatusMessage);

        var page = await AdminTestKit.Anonymous(Factory).GetAsync($"/certificaat/{certificate.Code}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Ingetrokken op", page.Document.QuerySelector("#certificaat-status")!.TextContent);
        Assert.DoesNotContain("Geldig", page.Document.QuerySelector("#certificaat-status")!.TextContent);
        Assert.Null(page.Document.QuerySelector("#uren"));
        Assert.Equal(0m, (await EntriesAsync(Factory, done.EnrolmentId)).Sum(e => e.Hours));
    }

    [Fact]
    public async Task The_owner_downloads_the_pdf_and_anyone_else_gets_404()
    {
        var owner = await PagesTestKit.PersonAsync(Factory);
        var done = await CompleteAsync(Factory, await CreateEditionAsync(Factory, Accredit(Registerplein, 2)), owner.AsParticipant);
        var code = Assert.Single(await CertificatesAsync(Factory, done.EnrolmentId)).Code;
        var url = $"/mijn-leeruren/certificaten/{code}.pdf";

        var own = await owner.Browser.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("application/pdf", own.Content.Headers.ContentType?.MediaType);
        Assert.Equal(("Certificaat van deelname", code, 1), ReadPdf(await own.Content.ReadAsByteArrayAsync()));

        var other = await PagesTestKit.PersonAsync(Factory);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Browser.Client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Browser.Client.GetAsync("/mijn-leeruren/certificaten/KKKK-KKKK-KKKK.pdf")).StatusCode);
        var anonymous = await AdminTestKit.Anonymous(Factory).GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.Status);
        Assert.StartsWith("/account/inloggen", PagesTestKit.Absolute(anonymous.Location!));
    }

    [Fact]
    public async Task A_certificate_without_an_account_belongs_to_the_account_with_its_email()
    {
        var person = await PagesTestKit.PersonAsync(Factory);
        var done = await CompleteAsync(Factory, await CreateEditionAsync(Factory, Accredit(Registerplein, 2)),
            new Academy.Enrolment.Abstractions.Participant(null, "Zonder Account", person.Email.ToUpperInvariant()));
        var certificate = Assert.Single(await CertificatesAsync(Factory, done.EnrolmentId));
        Assert.Null((await PersonRowAsync(Factory, certificate.PersonId))!.UserId);

        Assert.Equal(HttpStatusCode.OK, (await person.Browser.Client.GetAsync($"/mijn-leeruren/certificaten/{certificate.Code}.pdf")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_and_professionals_get_no_admin_pages()
    {
        var done = await CompleteAsync(Factory, await CreateEditionAsync(Factory, Accredit(Registerplein, 2)));
        var entry = (await EntriesAsync(Factory, done.EnrolmentId))[0];
        var certificate = Assert.Single(await CertificatesAsync(Factory, done.EnrolmentId));
        string[] paths =
        [
            "/admin/accreditatie/leeruren", $"/admin/accreditatie/leeruren?email={Uri.EscapeDataString(done.Participant.Email)}",
            $"/admin/accreditatie/leeruren/regel/{entry.Id}", "/admin/accreditatie/certificaten",
            $"/admin/accreditatie/certificaten/{certificate.Id}", "/admin/accreditatie/registers",
        ];
        var anonymous = AdminTestKit.Anonymous(Factory);
        var professional = await PagesTestKit.PersonAsync(Factory);
        foreach (var path in paths)
        {
            var page = await anonymous.GetAsync(path);
            Assert.True(page.Status == HttpStatusCode.Redirect, $"{path}: {(int)page.Status}");
            Assert.StartsWith("/account/inloggen", PagesTestKit.Absolute(page.Location!));
            var denied = await professional.Browser.GetFollowingAsync(path);
            Assert.True(denied.Status == HttpStatusCode.Forbidden, $"{path}: {(int)denied.Status}");
        }

        var token = await professional.Browser.TokenAsync("/account/uitloggen");
        var reverse = await professional.Browser.PostAsync($"/admin/accreditatie/leeruren/regel/{entry.Id}/terugdraaien",
            [new("__RequestVerificationToken", token), new("reason", "Ik mag dit niet")]);
        var revoke = await professional.Browser.PostAsync($"/admin/accreditatie/certificaten/{certificate.Id}/intrekken",
            [new("__RequestVerificationToken", token), new("reason", "Ik mag dit niet")]);
        Assert.StartsWith("/account/geen-toegang", PagesTestKit.Absolute(reverse.Location!));
        Assert.StartsWith("/account/geen-toegang", PagesTestKit.Absolute(revoke.Location!));
        Assert.Single(await EntriesAsync(Factory, done.EnrolmentId));
        Assert.Null(Assert.Single(await CertificatesAsync(Factory, done.EnrolmentId)).RevokedUtc);

        var coordinator = await PagesTestKit.PersonAsync(Factory, "Accreditatiecoordinator", "AccessAdmin", "ManageAccreditation");
        foreach (var path in paths)
        {
            Assert.Equal(HttpStatusCode.OK, (await coordinator.Browser.GetAsync(path)).Status);
        }
    }

    [Fact]
    public async Task The_coordinator_sees_totals_as_the_sum_of_entries_reverses_and_adds_by_hand()
    {
        var done = await CompleteAsync(Factory, await CreateEditionAsync(Factory, Accredit(Registerplein, 12, "RP-A"), Accredit(Reintegratie, 3)));
        var email = done.Participant.Email;
        var admin = await AdminTestKit.AdminAsync(Factory);
        var person = await admin.GetAsync($"/admin/accreditatie/leeruren?email={Uri.EscapeDataString(email.ToUpperInvariant())}");
        Assert.Equal(HttpStatusCode.OK, person.Status);
        Assert.Equal("12 uren", Total(person, Registerplein));
        Assert.Equal("3 uren", Total(person, Reintegratie));

        var award = (await EntriesAsync(Factory, done.EnrolmentId)).Single(e => e.RegisterId == Registerplein);
        var entryPage = await admin.GetAsync($"/admin/accreditatie/leeruren/regel/{award.Id}");
        var noReason = await admin.SubmitAsync(entryPage.Form().Set("reason", ""));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Equal(["Geef een reden voor de correctie op."], noReason.ErrorSummary);
        Assert.Equal(2, (await EntriesOfAsync(Factory, email)).Count);

        var reversed = await admin.SubmitAsync(entryPage.Form().Set("reason", "Niet aanwezig op de tweede dag"));
        Assert.Equal(HttpStatusCode.Redirect, reversed.Status);
        var again = await admin.SubmitAsync(entryPage.Form().Set("reason", "Nog eens"));
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal(["Deze regel is al teruggedraaid."], again.ErrorSummary);
        Assert.Equal(3, (await EntriesOfAsync(Factory, email)).Count);

        person = await admin.GetAsync(PagesTestKit.Absolute(reversed.Location!));
        Assert.Contains("is teruggedraaid", person.StatusMessage);
        Assert.Equal("0 uren", Total(person, Registerplein));

        var bad = await admin.SubmitAsync(person.Form("form[action$='/handmatig']")
            .Set("RegisterId", Registerplein).Set("Hours", "2,345").Set("Date", "15-03-2026").Set("Title", "Congres sociaal domein").Set("Reason", "Buiten de academie gevolgd"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal(["Gebruik hoogstens 2 cijfers achter de komma."], bad.ErrorSummary);
        Assert.Equal("Congres sociaal domein", bad.Value("Title"));
        Assert.Equal(3, (await EntriesOfAsync(Factory, email)).Count);

        var added = await admin.SubmitAsync(bad.Form("form[action$='/handmatig']").Set("Hours", "2,5"));
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        person = await admin.GetAsync(PagesTestKit.Absolute(added.Location!));
        Assert.Equal("2,5 uren", Total(person, Registerplein));
        var entries = await EntriesOfAsync(Factory, email);
        Assert.Equal(entries.Where(e => e.RegisterId == Registerplein).Sum(e => e.Hours), 2.5m);
        var manual = entries.Single(e => e.Kind == LedgerEntryKind.Manual);
        Assert.Equal((new DateOnly(2026, 3, 15), "Buiten de academie gevolgd"), (manual.ActivityDate, manual.Reason));
    }

    [Fact]
    public async Task The_registers_page_lists_number_format_unit_and_cycle()
    {
        var page = await (await AdminTestKit.AdminAsync(Factory)).GetAsync("/admin/accreditatie/registers");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var registerplein = page.Document.QuerySelector($"tr[data-register='{Registerplein}']")!.TextContent;
        Assert.Contains("RP + 6 cijfers", registerplein);
        Assert.Contains("5 jaar, vanaf 2022", registerplein);
        Assert.Contains("punten", page.Document.QuerySelector($"tr[data-register='{Skj}']")!.TextContent);
        Assert.Contains("per kalenderjaar", page.Document.QuerySelector($"tr[data-register='{Reintegratie}']")!.TextContent);
    }

    [Fact]
    public void The_ledger_api_has_no_way_to_change_an_entry()
    {
        var methods = typeof(HoursLedger).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly)
            .Select(m => m.Name).ToHashSet();

        Assert.Equal(new HashSet<string> { "AwardKey", "ReversalKey", "IsValidAward", "AwardAsync", "ReverseAsync", "AddManualAsync", "EntriesOf", "ListAsync", "TotalsAsync", "Totals", "ReversedIdsAsync" }, methods);
        // No property hands out the table or the context.
        Assert.Empty(typeof(HoursLedger).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static));
    }

    [Fact]
    public async Task The_default_workflow_type_is_imported_valid_and_enabled()
    {
        var (json, enabled, errors) = await WithAsync(Factory, async sp =>
        {
            var type = await sp.GetRequiredService<Academy.Core.Data.AcademyDbContext>().Set<Academy.Workflows.Models.WorkflowTypeRecord>()
                .AsNoTracking().SingleAsync(t => t.Id == "accreditatie-uren-toekennen");
            return (type.Json, type.IsEnabled, sp.GetRequiredService<Academy.Workflows.Services.WorkflowValidator>().Validate(type.Json).Errors);
        });

        Assert.True(enabled);
        Assert.Empty(errors);
        Assert.Contains("\"AwardAccreditationHours\"", json);
        Assert.Contains("\"MailCertificate\"", json);
    }

    private static string Total(Page page, string registerId) =>
        page.Document.QuerySelector($"#totalen tr[data-register='{registerId}'] td")!.TextContent.Trim();
}

/// <summary>The public check is throttled per client, with a Dutch page.</summary>
public sealed class CertificateThrottleTests
{
    [Fact]
    public async Task Over_the_limit_a_client_gets_429_with_a_dutch_page()
    {
        using var factory = new AcademyFactory();
        factory.Settings["Academy:Certificates:ChecksPerWindow"] = "2";
        var anonymous = AdminTestKit.Anonymous(factory);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/certificaat/KKKK-KKKK-KKKK")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/certificaat/KKKK-KKKK-KKK3")).Status);
        var throttled = await anonymous.GetAsync("/certificaat/KKKK-KKKK-KKK4");

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.Status);
        Assert.Equal("Te veel controles", throttled.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("te veel certificaten gecontroleerd", throttled.Document.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("nl", throttled.Document.DocumentElement.GetAttribute("lang"));
        // The form itself is not throttled.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/certificaat")).Status);
    }
}
