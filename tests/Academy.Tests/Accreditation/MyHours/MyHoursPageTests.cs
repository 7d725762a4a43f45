using System.Net;
using Academy.Accreditation.Models;
using Academy.Testing;
using Academy.Tests.Admin;
using PdfSharp.Pdf.IO;
using static Academy.Tests.Accreditation.MyHours.MyHoursTestKit;
using static Academy.Tests.Enrolment.Pages.PagesTestKit;

namespace Academy.Tests.Accreditation.MyHours;

public sealed class MyHoursPageSqliteTests(SqliteMyHoursSite site) : MyHoursPageTests, IClassFixture<SqliteMyHoursSite>
{
    protected override Task<AcademyFactory> SiteAsync() => Task.FromResult(site.Factory);
}

public sealed class MyHoursPagePostgresTests(PostgresFixture postgres, PostgresMyHoursSite site) : MyHoursPageTests, IClassFixture<PostgresMyHoursSite>, IClassFixture<PostgresFixture>
{
    protected override Task<AcademyFactory> SiteAsync() => site.GetAsync(postgres);
}

/// <summary>"Mijn leeruren": totals are sums of the person's own ledger rows per register and period; the PDF shows the same.</summary>
public abstract class MyHoursPageTests
{
    protected abstract Task<AcademyFactory> SiteAsync();

    private static string PeriodTotal(Page page, string registerId, int firstYear) =>
        page.Document.QuerySelector($"#register-{registerId}-sectie .hours-periods tr[data-period='{firstYear}'] .hours-total")?.TextContent.Trim()
            ?? throw new InvalidOperationException($"No total for {registerId} {firstYear}:\n{page.Html}");

    [Fact]
    public async Task Totals_per_period_are_the_sums_of_the_entries_including_a_reversal()
    {
        var site = await SiteAsync();
        var me = await PersonAsync(site);
        var certificate = await CertificateAsync(site, me.UserId, me.Email, "Training Gespreksvoering", new DateOnly(2023, 3, 9));
        var award = (await AppendAsync(site, Entry(me.UserId, me.Email, Registerplein, 12m, new DateOnly(2023, 3, 9), certificateId: certificate.Id, accreditationCode: "PE-2023-77")))[0];
        await AppendAsync(site,
            Entry(me.UserId, me.Email, Registerplein, -12m, new DateOnly(2023, 3, 9), kind: LedgerEntryKind.Reversal, reason: "Dubbel geregistreerd", reverses: award.Id, certificateId: certificate.Id),
            Entry(me.UserId, me.Email, Registerplein, 4.5m, new DateOnly(2026, 6, 1), title: "Casuïstiek", kind: LedgerEntryKind.Manual, reason: "Aanwezigheid nagekeken"),
            Entry(me.UserId, me.Email, Registerplein, 12m, new DateOnly(2022, 1, 1), title: "Intervisie"),
            // The last day of the previous cycle counts there, not in 2022–2026.
            Entry(me.UserId, me.Email, Registerplein, 8m, new DateOnly(2021, 12, 31), title: "Kennissessie"),
            Entry(me.UserId, me.Email, ReIntegratie, 12m, new DateOnly(ThisYear, 1, 1), title: "HARRIE-training"),
            Entry(me.UserId, me.Email, ReIntegratie, 1.5m, new DateOnly(ThisYear, 1, 2), title: "Workshop", kind: LedgerEntryKind.Manual, reason: "Nagekomen"),
            Entry(me.UserId, me.Email, ReIntegratie, 3m, new DateOnly(ThisYear - 1, 12, 31), title: "Vorig jaar"));

        var page = await me.Browser.GetAsync("/mijn-leeruren?jaar=2023");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        // Registerplein, 5-year cycles from 2022: 12 - 12 + 4,5 + 12 in 2022–2026; 8 in 2017–2021.
        Assert.Equal("16,5", PeriodTotal(page, Registerplein, 2022));
        Assert.Equal("8", PeriodTotal(page, Registerplein, 2017));
        Assert.Contains("Totaal in 2022–2026: 16,5 uren", page.Document.QuerySelector($"#register-{Registerplein}-sectie .hours-register__selected")!.TextContent);
        // The chosen period lists its entries: the reversal as a correction with its reason, the manual entry marked.
        var rows = page.Document.QuerySelectorAll($"#register-{Registerplein}-sectie .hours-entry").ToList();
        Assert.Equal(4, rows.Count);
        var reversal = Assert.Single(rows, r => r.ClassList.Contains("hours-entry--reversal"));
        Assert.Equal("-12", reversal.QuerySelector(".hours-entry__hours")!.TextContent.Trim());
        Assert.Equal("Correctie: Dubbel geregistreerd", reversal.QuerySelector(".hours-entry__kind")!.TextContent.Trim());
        var manual = Assert.Single(rows, r => r.ClassList.Contains("hours-entry--manual"));
        Assert.Equal("Handmatig toegevoegd: Aanwezigheid nagekeken", manual.QuerySelector(".hours-entry__kind")!.TextContent.Trim());
        Assert.Equal("4,5", manual.QuerySelector(".hours-entry__hours")!.TextContent.Trim());
        var awarded = Assert.Single(rows, r => r.GetAttribute("data-entry") == award.Id.ToString());
        Assert.Contains("PE-2023-77", awarded.TextContent);
        Assert.NotNull(awarded.QuerySelector($"a[href='/mijn-leeruren/certificaten/{certificate.Code}.pdf']"));
        Assert.NotNull(awarded.QuerySelector($"a[href='/certificaat/{certificate.Code}']"));
        Assert.Null(reversal.QuerySelector("a"));
        Assert.DoesNotContain("Kennissessie", page.Document.QuerySelector($"#register-{Registerplein}-sectie .hours-entries")!.TextContent);

        // Re-integratie counts per calendar year: this year 12 + 1,5, last year 3.
        Assert.Equal("13,5", PeriodTotal(page, ReIntegratie, ThisYear));
        Assert.Equal("3", PeriodTotal(page, ReIntegratie, ThisYear - 1));
        Assert.Contains($"{ThisYear}: 13,5 uren", page.Document.QuerySelector($"#register-{ReIntegratie}-sectie .hours-register__current")!.TextContent);
        // SKJ (points) has nothing yet.
        Assert.Equal("0", PeriodTotal(page, Skj, 2023));
        Assert.Contains("Totaal (punten)", page.Document.QuerySelector($"#register-{Skj}-sectie .hours-periods")!.TextContent);
        Assert.Null(page.Document.QuerySelector("#geen-leeruren"));
        // Every year from the first entry up to now can be chosen, also one without entries.
        var years = page.Document.QuerySelectorAll("select[name=jaar] option").Select(o => int.Parse(o.GetAttribute("value")!)).ToList();
        Assert.Equal(Enumerable.Range(2021, ThisYear - 2020).Reverse(), years);

        // Another year picks the period that contains it.
        var earlier = await me.Browser.GetAsync("/mijn-leeruren?jaar=2019");
        var earlierRows = earlier.Document.QuerySelectorAll($"#register-{Registerplein}-sectie .hours-entry").ToList();
        Assert.Contains("Kennissessie", Assert.Single(earlierRows).TextContent);
        Assert.Contains("Leeruren in 2017–2021", earlier.Html);
        Assert.NotNull(earlier.Document.QuerySelector("select[name=jaar] option[value='2019'][selected]"));
    }

    [Fact]
    public async Task A_professional_sees_only_their_own_hours()
    {
        var site = await SiteAsync();
        var me = await PersonAsync(site);
        var other = await PersonAsync(site);
        var theirCertificate = await CertificateAsync(site, other.UserId, other.Email, "Hun training", new DateOnly(ThisYear, 2, 1));
        await AppendAsync(site,
            Entry(me.UserId, me.Email, ReIntegratie, 2m, new DateOnly(ThisYear, 2, 1), title: "Mijn training"),
            // Recorded for my e-mail address before I had an account (any case): mine.
            Entry(null, me.Email.ToUpperInvariant(), ReIntegratie, 3m, new DateOnly(ThisYear, 2, 2), title: "Via mijn werkgever"),
            Entry(other.UserId, other.Email, ReIntegratie, 40m, new DateOnly(ThisYear, 2, 1), title: "Hun training", certificateId: theirCertificate.Id),
            Entry(null, other.Email, ReIntegratie, 50m, new DateOnly(ThisYear, 2, 1), title: "Hun werkgever"),
            // My e-mail address on someone else's account entry is still theirs.
            Entry(other.UserId, me.Email, ReIntegratie, 60m, new DateOnly(ThisYear, 2, 1), title: "Ander account"));

        var page = await me.Browser.GetAsync("/mijn-leeruren");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("5", PeriodTotal(page, ReIntegratie, ThisYear));
        var titles = page.Document.QuerySelectorAll(".hours-entry th").Select(t => t.TextContent.Trim()).Order().ToList();
        Assert.Equal(["Mijn training", "Via mijn werkgever"], titles);
        Assert.DoesNotContain("Hun training", page.Html);
        Assert.DoesNotContain("Hun werkgever", page.Html);
        Assert.DoesNotContain("Ander account", page.Html);
        Assert.DoesNotContain(theirCertificate.Code, page.Html);

        var theirs = await other.Browser.GetAsync("/mijn-leeruren");
        Assert.Equal("150", PeriodTotal(theirs, ReIntegratie, ThisYear));
        Assert.DoesNotContain("Mijn training", theirs.Html);
    }

    [Fact]
    public async Task A_revoked_certificate_is_marked_and_no_longer_offered_as_pdf()
    {
        var site = await SiteAsync();
        var me = await PersonAsync(site);
        var revoked = await CertificateAsync(site, me.UserId, me.Email, "Ingetrokken training", new DateOnly(ThisYear, 4, 1), revoked: true);
        await AppendAsync(site, Entry(me.UserId, me.Email, ReIntegratie, 6m, new DateOnly(ThisYear, 4, 1), title: "Ingetrokken training", certificateId: revoked.Id));

        var page = await me.Browser.GetAsync("/mijn-leeruren");

        var cell = page.Document.QuerySelector(".hours-entry .hours-entry__certificate")!;
        Assert.Contains(revoked.Code, cell.TextContent);
        Assert.Contains("(ingetrokken)", cell.TextContent);
        Assert.Null(cell.QuerySelector("a[href$='.pdf']"));
        Assert.NotNull(cell.QuerySelector($"a[href='/certificaat/{revoked.Code}']"));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        var site = await SiteAsync();
        var anonymous = AdminTestKit.Anonymous(site);

        foreach (var url in new[] { "/mijn-leeruren", "/mijn-leeruren/overzicht.pdf" })
        {
            var page = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.StartsWith("/account/inloggen", Absolute(page.Location!));
        }
    }

    [Fact]
    public async Task Without_hours_the_page_says_so_and_shows_what_is_missing_for_each_register()
    {
        var site = await SiteAsync();
        var me = await PersonAsync(site);

        var page = await me.Browser.GetAsync("/mijn-leeruren?jaar=geen-jaar");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Je hebt nog geen leeruren.", page.Document.QuerySelector("#geen-leeruren")!.TextContent);
        Assert.Empty(page.Document.QuerySelectorAll(".hours-entry"));
        Assert.Equal(3, page.Document.QuerySelectorAll(".hours-register").Length);
        Assert.NotNull(page.Document.QuerySelector($"#register-{Registerplein}-sectie a[href='/mijn-registers#nummer-{Registerplein}']"));
        Assert.NotNull(page.Document.QuerySelector("#toestemming-melding a[href='/mijn-registers']"));
        Assert.NotNull(page.Document.QuerySelector($"select[name=jaar] option[value='{ThisYear}'][selected]"));
    }

    [Fact]
    public async Task Shows_the_register_number_and_whether_hours_are_shared()
    {
        var site = await SiteAsync();
        var me = await PersonAsync(site);
        await SubmitAsync(me.Browser, "/mijn-registers", "/mijn-registers", ("Numbers[registerplein]", "123456"), ("Consent", "true"));

        var page = await me.Browser.GetAsync("/mijn-leeruren");

        Assert.Equal("RP123456", page.Document.QuerySelector($"#register-{Registerplein}-sectie .hours-register__number")!.TextContent.Trim());
        Assert.Equal("Ja, je hebt toestemming gegeven.", page.Document.QuerySelector($"#register-{Registerplein}-sectie .hours-register__sharing")!.TextContent.Trim());
        Assert.Equal("Nee, er is geen registernummer.", page.Document.QuerySelector($"#register-{Skj}-sectie .hours-register__sharing")!.TextContent.Trim());
        Assert.Null(page.Document.QuerySelector("#toestemming-melding"));
    }

    [Fact]
    public async Task The_overview_pdf_has_its_title_and_grows_with_the_entries()
    {
        var site = await SiteAsync();
        var few = await PersonAsync(site);
        var many = await PersonAsync(site);
        await AppendAsync(site, Entry(few.UserId, few.Email, ReIntegratie, 12m, new DateOnly(ThisYear, 3, 1)));
        await AppendAsync(site, Enumerable.Range(0, 90)
            .Select(i => Entry(many.UserId, many.Email, ReIntegratie, 1.5m, new DateOnly(ThisYear, 1, 1).AddDays(i % 300), title: $"Bijeenkomst {i} over samenwerken in de wijk"))
            .ToArray());

        var small = await PdfAsync(few.Browser);
        var large = await PdfAsync(many.Browser);

        Assert.Equal("Overzicht leeruren", small.Info.Title);
        Assert.Equal("Overzicht leeruren", large.Info.Title);
        Assert.Equal(1, small.PageCount);
        Assert.True(large.PageCount >= 3, $"{large.PageCount} pages");

        var link = (await few.Browser.GetAsync("/mijn-leeruren")).Document.QuerySelector("a[href='/mijn-leeruren/overzicht.pdf']");
        Assert.NotNull(link);
        var other = (await few.Browser.GetAsync("/mijn-leeruren?jaar=2024")).Document.QuerySelector("a[href='/mijn-leeruren/overzicht.pdf?jaar=2024']");
        Assert.NotNull(other);
    }

    private static async Task<PdfSharp.Pdf.PdfDocument> PdfAsync(Browser browser)
    {
        var response = await browser.Client.GetAsync("/mijn-leeruren/overzicht.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return PdfReader.Open(stream, PdfDocumentOpenMode.Import);
    }
}
