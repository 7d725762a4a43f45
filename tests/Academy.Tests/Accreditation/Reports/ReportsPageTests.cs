using System.Net;
using System.Text;
using Academy.Enrolment.Abstractions;
using Academy.Testing;
using Academy.Tests.Admin;
using ClosedXML.Excel;
using static Academy.Tests.Accreditation.Reports.ReportsTestKit;

namespace Academy.Tests.Accreditation.Reports;

/// <summary>The coördinator's accreditation pages and downloads on a running site (SQLite and PostgreSQL).</summary>
public abstract class ReportsPageTests
{
    protected abstract Task<AcademyFactory> SiteAsync();

    private static string EditionUrl(string editionId) => $"/admin/accreditatie/edities/{editionId}";

    /// <summary>
    /// One edition accredited by Registerplein (12 uren) and SKJ (3,5 punten), with every case: reportable people,
    /// one without a number, one without consent, an employee without an account, a reversed award, and one not completed.
    /// </summary>
    private sealed record Seeded(TestEdition Edition, Participant Anna, Participant Formula, Participant NoNumber,
        Participant NoConsent, Participant NoAccount, Participant Reversed, Participant NotCompleted);

    private static async Task<Seeded> SeedAsync(AcademyFactory site)
    {
        var edition = await CreateEditionAsync(site, Accredit("registerplein", 12, "RP-2026-0042"), Accredit("skj", 3.5m, "SKJ-77"));
        var date = DateOnly.FromDateTime(DateTime.UtcNow);
        var seeded = new Seeded(edition,
            Person("Anna de Vries"), Person("=HYPERLINK(\"http://x\";\"klik\")"), Person("Bram Zonder Nummer"),
            Person("Chris Zonder Toestemming"), Person("Dana Werknemer", account: false), Person("Eva Teruggedraaid"), Person("Fien Nog Bezig"));
        foreach (var person in new[] { seeded.Anna, seeded.Formula, seeded.NoNumber, seeded.NoConsent, seeded.NoAccount, seeded.Reversed })
        {
            var enrolmentId = await EnrolAsync(site, edition.EditionId, person);
            var award = await AwardAsync(site, person, "registerplein", 12, date, enrolmentId, "RP-2026-0042", editionId: edition.EditionId);
            if (person == seeded.Reversed)
            {
                await ReverseAsync(site, award);
            }
            if (person == seeded.Anna)
            {
                // Only Anna also got SKJ points (with a half).
                await AwardAsync(site, person, "skj", 3.5m, date, enrolmentId, "SKJ-77", editionId: edition.EditionId);
            }
        }
        await EnrolAsync(site, edition.EditionId, seeded.NotCompleted, complete: false);

        await NumberAsync(site, seeded.Anna, "registerplein", "RP123456");
        await NumberAsync(site, seeded.Anna, "skj", "SKJ123456789");
        await NumberAsync(site, seeded.Formula, "registerplein", "RP000042");
        await NumberAsync(site, seeded.NoConsent, "registerplein", "RP222222");
        await NumberAsync(site, seeded.Reversed, "registerplein", "RP333333");
        await NumberAsync(site, seeded.NotCompleted, "registerplein", "RP444444");
        foreach (var person in new[] { seeded.Anna, seeded.Formula, seeded.NoNumber, seeded.Reversed, seeded.NotCompleted })
        {
            await ConsentAsync(site, person, true);
        }
        await ConsentAsync(site, seeded.NoConsent, false);
        return seeded;
    }

    [Fact]
    public async Task The_edition_page_lists_who_can_be_reported_and_separately_who_cannot_with_the_reason()
    {
        var site = await SiteAsync();
        var seeded = await SeedAsync(site);
        var admin = await AdminTestKit.AdminAsync(site);

        var page = await admin.GetAsync(EditionUrl(seeded.Edition.EditionId));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var section = page.Document.QuerySelector("section[aria-labelledby='register-registerplein']")!;
        var reportable = section.QuerySelectorAll("table.reports-reportable tbody tr")
            .Select(tr => string.Join(" | ", tr.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(2, reportable.Count);
        Assert.Contains(reportable, r => r.StartsWith("Anna de Vries | RP123456 |", StringComparison.Ordinal) && r.EndsWith("| 12 | RP-2026-0042", StringComparison.Ordinal));
        Assert.Contains(reportable, r => r.StartsWith(seeded.Formula.Name + " | RP000042", StringComparison.Ordinal));

        var notReportable = section.QuerySelectorAll("table.reports-not-reportable tbody tr")
            .ToDictionary(tr => tr.Children[0].TextContent.Trim(), tr => tr.Children[1].TextContent.Trim());
        Assert.Equal(4, notReportable.Count);
        Assert.Equal("Geen registernummer", notReportable["Bram Zonder Nummer"]);
        Assert.Equal("Geen toestemming om gegevens te delen", notReportable["Chris Zonder Toestemming"]);
        Assert.Equal("Geen account (aangemeld door de werkgever)", notReportable["Dana Werknemer"]);
        Assert.Equal("Toegekende uren zijn teruggedraaid", notReportable["Eva Teruggedraaid"]);
        Assert.DoesNotContain("Fien Nog Bezig", section.TextContent);

        // SKJ: only Anna has points and a number; everyone else is listed with why not.
        var skj = page.Document.QuerySelector("section[aria-labelledby='register-skj']")!;
        Assert.Single(skj.QuerySelectorAll("table.reports-reportable tbody tr"));
        Assert.Contains("Punten", skj.QuerySelector("table.reports-reportable thead")!.TextContent);
        Assert.Contains("3,5", skj.QuerySelector("table.reports-reportable tbody")!.TextContent);
        Assert.Equal(5, skj.QuerySelectorAll("table.reports-not-reportable tbody tr").Length);
        Assert.Contains("Geen uren toegekend voor dit register", skj.QuerySelector("table.reports-not-reportable")!.TextContent);

        Assert.NotNull(section.QuerySelector($"a[href='{EditionUrl(seeded.Edition.EditionId)}/registerplein/pe-online.txt']"));
        Assert.NotNull(section.QuerySelector($"a[href='{EditionUrl(seeded.Edition.EditionId)}/registerplein.csv']"));
        Assert.NotNull(section.QuerySelector($"a[href='{EditionUrl(seeded.Edition.EditionId)}/registerplein.xlsx']"));
    }

    [Fact]
    public async Task The_downloads_hold_only_reportable_people_and_list_the_others_apart()
    {
        var site = await SiteAsync();
        var seeded = await SeedAsync(site);
        var admin = await AdminTestKit.AdminAsync(site);
        var baseUrl = EditionUrl(seeded.Edition.EditionId);

        var pe = await admin.Client.GetAsync(baseUrl + "/registerplein/pe-online.txt");
        Assert.Equal(HttpStatusCode.OK, pe.StatusCode);
        Assert.Equal("text/plain", pe.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", pe.Headers.CacheControl!.ToString());
        // By name: "=HYPERLINK…" sorts before "Anna".
        var numbers = Encoding.UTF8.GetString(await pe.Content.ReadAsByteArrayAsync());
        Assert.Equal(["RP000042", "RP123456"], numbers.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Order());
        Assert.Equal(2, numbers.Split("\r\n").Length - 1);
        Assert.EndsWith("\r\n", numbers);
        Assert.Equal("SKJ123456789\r\n", await admin.Client.GetStringAsync(baseUrl + "/skj/pe-online.txt"));

        var csvResponse = await admin.Client.GetAsync(baseUrl + "/registerplein.csv");
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var csvBytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), csvBytes[..3]);
        var lines = Encoding.UTF8.GetString(csvBytes[3..]).Split("\r\n");
        Assert.Equal("Naam;Registernummer;Datum;Uren;Accreditatiecode", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("Anna de Vries;RP123456;", StringComparison.Ordinal) && l.EndsWith(";12;RP-2026-0042", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("\"'=HYPERLINK(", StringComparison.Ordinal));
        var blank = Array.IndexOf(lines, "");
        Assert.Equal(3, blank);
        Assert.Equal(["Niet te melden", "Naam;Reden"], lines[(blank + 1)..(blank + 3)]);
        Assert.Equal(4, lines.Length - blank - 4);
        Assert.Contains("Dana Werknemer;Geen account (aangemeld door de werkgever)", lines);
        Assert.DoesNotContain(lines, l => l.Contains("RP222222", StringComparison.Ordinal) || l.Contains("Fien", StringComparison.Ordinal));

        var xlsx = await admin.Client.GetAsync(baseUrl + "/registerplein.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["Te melden", "Niet te melden"], workbook.Worksheets.Select(w => w.Name));
        var sheet = workbook.Worksheet(1);
        Assert.Equal(["Naam", "Registernummer", "Datum", "Uren", "Accreditatiecode"], Enumerable.Range(1, 5).Select(c => sheet.Cell(1, c).GetString()));
        Assert.Equal(3, sheet.LastRowUsed().RowNumber());
        Assert.Equal(5, workbook.Worksheet(2).LastRowUsed().RowNumber());
        Assert.Equal(["Naam", "Reden"], Enumerable.Range(1, 2).Select(c => workbook.Worksheet(2).Cell(1, c).GetString()));
    }

    [Fact]
    public async Task Unknown_editions_editions_without_accreditation_and_foreign_registers_are_not_found()
    {
        var site = await SiteAsync();
        var admin = await AdminTestKit.AdminAsync(site);
        var accredited = await CreateEditionAsync(site, Accredit("registerplein", 12, null));
        var plain = await CreateEditionAsync(site);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(EditionUrl("bestaat-niet-" + Guid.NewGuid().ToString("n")))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(EditionUrl(plain.EditionId))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(EditionUrl("bestaat-niet") + "/registerplein/pe-online.txt")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(EditionUrl(accredited.EditionId) + "/skj/pe-online.txt")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(EditionUrl(accredited.EditionId) + "/onbekend.csv")).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(EditionUrl(accredited.EditionId) + "/registerplein.xlsx")).Status);
        // Nobody completed yet: an empty list, not an error.
        Assert.Equal("", await admin.Client.GetStringAsync(EditionUrl(accredited.EditionId) + "/registerplein/pe-online.txt"));
    }

    [Fact]
    public async Task Only_coordinators_get_in_professionals_trainers_and_visitors_do_not()
    {
        var site = await SiteAsync();
        var edition = await CreateEditionAsync(site, Accredit("registerplein", 12, null));
        string[] paths =
        [
            "/admin/accreditatie", EditionUrl(edition.EditionId), EditionUrl(edition.EditionId) + "/registerplein/pe-online.txt",
            EditionUrl(edition.EditionId) + "/registerplein.csv", EditionUrl(edition.EditionId) + "/registerplein.xlsx", "/admin/accreditatie/dashboard",
        ];
        var anonymous = AdminTestKit.Anonymous(site);
        var professional = await SignedInAsync(site, "Professional");
        var trainer = await SignedInAsync(site, "Trainer");
        foreach (var path in paths)
        {
            var page = await anonymous.GetAsync(path);
            Assert.True(page.Status == HttpStatusCode.Redirect && page.Location!.Contains("/account/inloggen", StringComparison.Ordinal), $"{path}: {(int)page.Status}");
            foreach (var user in new[] { professional, trainer })
            {
                var denied = await user.GetFollowingAsync(path);
                Assert.True(denied.Status == HttpStatusCode.Forbidden, $"{path}: {(int)denied.Status}");
            }
        }

        // The leer-coördinator's role (from the recipe) opens every page and file.
        var coordinator = await SignedInAsync(site, "Leercoördinator");
        foreach (var path in paths)
        {
            var page = await coordinator.GetAsync(path);
            Assert.True(page.Status == HttpStatusCode.OK, $"{path}: {(int)page.Status}");
        }
    }

    [Fact]
    public async Task The_overview_lists_accredited_editions_with_completions_and_links()
    {
        var site = await SiteAsync();
        var seeded = await SeedAsync(site);
        var plain = await CreateEditionAsync(site);
        var admin = await AdminTestKit.AdminAsync(site);

        var page = await admin.GetAsync("/admin/accreditatie");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var row = page.Document.QuerySelectorAll("tbody tr").Single(tr => tr.TextContent.Contains(seeded.Edition.Title, StringComparison.Ordinal));
        Assert.NotNull(row.QuerySelector($"a[href='{EditionUrl(seeded.Edition.EditionId)}']"));
        Assert.Contains("12 uren", row.TextContent);
        Assert.Contains("3,5 punten", row.TextContent);
        Assert.Equal("6", row.Children.Last().TextContent.Trim());
        Assert.DoesNotContain(plain.Title, page.Html);
        foreach (var link in new[] { "/admin/accreditatie/dashboard", "/admin/accreditatie/leeruren", "/admin/accreditatie/certificaten", "/admin/accreditatie/registers" })
        {
            Assert.NotNull(page.Document.QuerySelector($"a[href='{link}']"));
        }

        // Filtered on a register it does not carry, and on a period before it: gone.
        var other = await admin.GetAsync("/admin/accreditatie?register=adviesraad-re-integratie");
        Assert.DoesNotContain(seeded.Edition.Title, other.Html);
        var past = await admin.GetAsync("/admin/accreditatie?van=2020-01-01&tot=2020-12-31");
        Assert.DoesNotContain(seeded.Edition.Title, past.Html);

        var bad = await admin.GetAsync("/admin/accreditatie?van=morgen&tot=2020-01-01&register=%3Cx%3E");
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal(2, bad.ErrorSummary.Count);
        Assert.Equal("morgen", bad.Value("van"));
        // Each field the summary links to carries its own error, and the page title says there are errors.
        Assert.StartsWith("Fout: ", bad.Document.Title);
        foreach (var id in new[] { "filter-van", "filter-register" })
        {
            var field = bad.Document.GetElementById(id)!;
            Assert.Equal("true", field.GetAttribute("aria-invalid"));
            Assert.Equal($"{id}-fout", field.GetAttribute("aria-describedby"));
            Assert.Contains(bad.Document.GetElementById($"{id}-fout")!.TextContent.Replace("Fout:", "").Trim(), bad.ErrorSummary);
        }

        var dashboard = await admin.GetAsync("/admin");
        Assert.Contains("Certificaten uitgegeven dit kwartaal", dashboard.Html);
        Assert.NotNull(dashboard.Document.QuerySelector("a[href='/admin/accreditatie/dashboard']"));
    }

    [Fact]
    public async Task The_dashboard_hides_groups_under_five_people_in_charts_tables_and_totals()
    {
        var site = await SiteAsync();
        var register = await RegisterAsync(site);
        var organisations = await OrganisationsAsync(site);
        var (big, small) = (organisations[0], organisations[1]);
        var year = 2025;
        // Awards need an enrolment to count as completions; these stand for enrolments elsewhere (no link is checked).
        var enrolment = 9_000_000L;
        for (var i = 0; i < 6; i++)
        {
            await AwardAsync(site, Person($"Groot {i}"), register.Id, 12, new DateOnly(year, 2, 10), ++enrolment, organisationId: big.Id, themes: "Schulden|Jongeren");
        }
        var reversedAward = await AwardAsync(site, Person("Groot 6"), register.Id, 12, new DateOnly(year, 2, 11), ++enrolment, organisationId: big.Id, themes: "Schulden|Jongeren");
        await ReverseAsync(site, reversedAward);
        for (var i = 0; i < 3; i++)
        {
            await AwardAsync(site, Person($"Klein {i}"), register.Id, 100, new DateOnly(year, 5, 10), ++enrolment, organisationId: small.Id, themes: "Schulden");
        }
        var admin = await AdminTestKit.AdminAsync(site);

        var page = await admin.GetAsync($"/admin/accreditatie/dashboard?jaar={year}&register={register.Id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var organisationRows = page.Document.QuerySelectorAll("#tabel-organisatie tbody tr")
            .Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal([big.Name, "7", "6", "72"], organisationRows[0]);
        Assert.Equal([small.Name, "< 5", "< 5", "< 5"], organisationRows[1]);
        Assert.DoesNotContain("300", page.Document.QuerySelector("#tabel-organisatie")!.TextContent);
        // Total minus the big organisation would give away the small one.
        Assert.Contains("niet getoond", page.Document.QuerySelector("#tabel-organisatie tfoot")!.TextContent);
        Assert.Contains("niet getoond", page.Document.QuerySelector("#dashboard-totaal")!.TextContent);

        var quarters = page.Document.QuerySelectorAll("#tabel-kwartaal tbody tr").Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["Kwartaal 1", "7", "6", "72"], quarters[0]);
        Assert.Equal(["Kwartaal 2", "< 5", "< 5", "< 5"], quarters[1]);
        Assert.Equal(["Kwartaal 3", "0", "0", "0"], quarters[2]);
        var themes = page.Document.QuerySelectorAll("#tabel-thema tbody tr").Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Contains(["Schulden", "10", "9", "372"], themes);
        Assert.Contains(["Jongeren", "7", "6", "72"], themes);

        var chart = page.Document.QuerySelector("svg#grafiek-organisatie")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.NotEmpty(chart.QuerySelector("title")!.TextContent);
        Assert.Contains("minder dan 5", chart.QuerySelector("desc")!.TextContent);
        Assert.Single(chart.QuerySelectorAll("rect"));
        Assert.Contains("< 5 deelnemers, niet getoond", chart.TextContent);
        Assert.DoesNotContain("300", chart.TextContent);
        Assert.Equal(3, page.Document.QuerySelectorAll("svg[role=img]").Length);
        Assert.All(page.Document.QuerySelectorAll("table"), t => Assert.NotNull(t.QuerySelector("caption")));

        // Two more people in the small organisation's quarter: now five, shown, and the total too.
        for (var i = 3; i < 5; i++)
        {
            await AwardAsync(site, Person($"Klein {i}"), register.Id, 100, new DateOnly(year, 5, 10), ++enrolment, organisationId: small.Id, themes: "Schulden");
        }
        page = await admin.GetAsync($"/admin/accreditatie/dashboard?jaar={year}&register={register.Id}");
        organisationRows = page.Document.QuerySelectorAll("#tabel-organisatie tbody tr").Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal([small.Name, "5", "5", "500"], organisationRows[0]);
        Assert.Equal(["Totaal", "12", "11", "572"], page.Document.QuerySelectorAll("#tabel-organisatie tfoot tr").Single().Children.Select(c => c.TextContent.Trim()));
        Assert.Equal(2, page.Document.QuerySelector("svg#grafiek-organisatie")!.QuerySelectorAll("rect").Length);
    }

    [Fact]
    public async Task The_dashboard_rejects_an_unknown_year_or_register_with_a_message()
    {
        var site = await SiteAsync();
        var admin = await AdminTestKit.AdminAsync(site);

        var page = await admin.GetAsync("/admin/accreditatie/dashboard?jaar=abc&register=bestaat-niet");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(["Kies een jaar uit de lijst.", "Kies een register uit de lijst."], page.ErrorSummary);
        Assert.StartsWith("Fout: ", page.Document.Title);
        Assert.Equal("true", page.Document.GetElementById("filter-jaar")!.GetAttribute("aria-invalid"));
        Assert.Equal("filter-register-fout", page.Document.GetElementById("filter-register")!.GetAttribute("aria-describedby"));
        Assert.Equal(3, page.Document.QuerySelectorAll("svg[role=img]").Length);
    }
}
