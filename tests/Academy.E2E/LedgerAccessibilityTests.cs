using System.Text.RegularExpressions;
using Academy.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Academy.E2E;

/// <summary>
/// axe-core (WCAG 2.0/2.1/2.2 A and AA) on the certificate and ledger pages, with real data: the coördinator
/// adds a person to a HARRIE group and marks them completed; the workflow "Accreditatie-uren toekennen" mails
/// the certificate, whose link leads to the public check; the back office shows the ledger and the certificate.
/// </summary>
[Collection("site")]
public sealed class LedgerAccessibilityTests(SiteFixture site) : SiteTest(site)
{
    private const string EditionId = "harrie-training-groep-6";

    [Fact]
    public async Task Certificate_and_ledger_pages_have_no_WCAG_violations()
    {
        var email = $"certificaat-{Guid.NewGuid():n}@example.nl";
        var admin = await NewAdminPageAsync();
        await admin.GotoAsync($"/admin/aanmeldingen/groep/{EditionId}");
        await admin.Locator("#add-email").FillAsync(email);
        await admin.Locator("#add-name").FillAsync("Certificaat Toegankelijk");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Toevoegen", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Certificaat Toegankelijk", Exact = true }).First.ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Markeren als afgerond" }).ClickAsync();

        var mail = await MailAsync(email, "Je certificaat");
        var check = new Uri(LinkIn(mail, "/certificaat/")).PathAndQuery;

        var visitor = await NewPageAsync();
        await CheckPageAsync(visitor, "/certificaat");
        await visitor.Locator("#code").FillAsync("ABC-0O1I");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Controleren" }).ClickAsync();
        await Expect(visitor.Locator("#code-fout")).ToContainTextAsync("geen geldige certificaatcode");
        await Axe.AssertNoViolationsAsync(visitor, "/certificaat with a malformed code");
        await CheckPageAsync(visitor, check);
        await Expect(visitor.Locator("#certificaat-status")).ToContainTextAsync("Geldig");
        await visitor.GotoAsync("/certificaat/KKKK-KKKK-KKKK");
        await Expect(visitor.GetByRole(AriaRole.Main)).ToContainTextAsync("Dit certificaat is niet bekend.");
        await Axe.AssertNoViolationsAsync(visitor, "an unknown certificate");

        await CheckPageAsync(admin, $"/admin/accreditatie/leeruren?email={Uri.EscapeDataString(email)}");
        await Expect(admin.Locator("#totalen")).ToContainTextAsync("12 uren");
        await CheckPageAsync(admin, await FirstLinkAsync(admin, @"^/admin/accreditatie/leeruren/regel/\d+$"));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Ja, regel terugdraaien" }).ClickAsync();
        await Expect(admin.Locator("#foutmeldingen")).ToContainTextAsync("Geef een reden voor de correctie op.");
        await Axe.AssertNoViolationsAsync(admin, "a ledger entry with an error");
        await CheckPageAsync(admin, "/admin/accreditatie/leeruren");
        await CheckPageAsync(admin, "/admin/accreditatie/certificaten");
        await CheckPageAsync(admin, await FirstLinkAsync(admin, @"^/admin/accreditatie/certificaten/\d+$"));
        await CheckPageAsync(admin, "/admin/accreditatie/registers");
    }
}
