using System.Text.RegularExpressions;
using Academy.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Academy.E2E;

/// <summary>
/// HARRIE: an employer without an account signs up employees on /harrie, confirms through the mailed link,
/// sets a password through the link in the confirmation mail and swaps an employee on /werkgever.
/// </summary>
[Collection("site")]
public sealed class EmployerJourneyTests(SiteFixture site) : SiteTest(site)
{
    public const string HarrieTitle = "HARRIE-training: de ideale collega op de werkvloer";

    [Fact]
    public async Task Employer_signs_up_three_employees_confirms_by_mail_sets_a_password_and_swaps_one()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var contact = $"hr-{run}@bakkerij.example.nl";
        var employees = Enumerable.Range(1, 3).Select(i => (Name: $"Medewerker {i} {run}", Email: $"mw{i}-{run}@bakkerij.example.nl")).ToList();
        var page = await NewPageAsync();

        await page.GotoAsync("/harrie");
        await Axe.AssertNoViolationsAsync(page, "the empty HARRIE sign-up form");
        await FillOrganisationAsync(page, "Bakkerij De Korenbloem " + run, "12345678", contact);
        var groups = page.GetByRole(AriaRole.Group, new() { Name = "Groep", Exact = true }).GetByRole(AriaRole.Radio);
        await groups.First.CheckAsync();
        for (var i = 0; i < employees.Count; i++)
        {
            await page.GetByLabel($"Naam van medewerker {i + 1}", new() { Exact = true }).FillAsync(employees[i].Name);
            await page.GetByLabel($"E-mailadres van medewerker {i + 1}", new() { Exact = true }).FillAsync(employees[i].Email);
            await page.GetByLabel($"Functie van medewerker {i + 1}", new() { Exact = true }).FillAsync("Bakker");
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Medewerkers aanmelden", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/harrie/controleer-je-email"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Controleer je e-mail", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "/harrie/controleer-je-email");

        var confirmMail = await MailAsync(contact, $"Bevestig je aanmelding voor {HarrieTitle}");
        foreach (var employee in employees) Assert.Contains(employee.Name, confirmMail.Text);
        await page.GotoAsync(LinkIn(confirmMail, "/harrie/bevestigen/"));
        await Axe.AssertNoViolationsAsync(page, "the HARRIE confirm page");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelding bevestigen", Exact = true }).ClickAsync();

        // Each employee gets an invitation with the dates as .ics.
        foreach (var employee in employees)
        {
            var invitation = await MailAsync(employee.Email, $"Aanmelding bevestigd: {HarrieTitle}");
            Assert.Contains("agenda.ics", invitation.AttachmentNames);
        }

        var confirmed = await MailAsync(contact, $"Aanmelding bevestigd: {HarrieTitle}");
        var contactPage = await NewPageAsync();
        await contactPage.GotoAsync(LinkIn(confirmed, "/account/wachtwoord-instellen"));
        await Expect(contactPage.GetByRole(AriaRole.Heading, new() { Name = "Wachtwoord instellen", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(contactPage, "/account/wachtwoord-instellen");
        await contactPage.GetByLabel("Nieuw wachtwoord", new() { Exact = true }).FillAsync("E2e-Werkgever!2026");
        await contactPage.GetByLabel("Herhaal het wachtwoord", new() { Exact = true }).FillAsync("E2e-Werkgever!2026");
        await contactPage.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord opslaan en inloggen", Exact = true }).ClickAsync();

        await contactPage.GotoAsync(LinkIn(confirmed, "/werkgever"));
        await Expect(contactPage.GetByRole(AriaRole.Heading, new() { Name = "Je aanmeldingen voor de HARRIE-training", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(contactPage, "/werkgever");
        // On a phone every employee is a block of its own: status and the links stay on screen (they were off it at 650 px).
        foreach (var width in new[] { 375, 320 })
        {
            await contactPage.SetViewportSizeAsync(width, 844);
            await Reflow.AssertNoHorizontalScrollingAsync(contactPage);
            var cancel = await contactPage.GetByRole(AriaRole.Link, new() { Name = $"Afmelden ({employees[1].Name})", Exact = true }).BoundingBoxAsync();
            Assert.True(cancel is not null && cancel.X + cancel.Width <= width, $"Afmelden ends at {cancel?.X + cancel?.Width} px on a {width} px screen");
            await Axe.AssertNoViolationsAsync(contactPage, $"/werkgever op {width} px breed");
        }
        await contactPage.SetViewportSizeAsync(1280, 900);

        // The cancel page of an employee (not confirmed: only looked at).
        await contactPage.GetByRole(AriaRole.Link, new() { Name = $"Afmelden ({employees[1].Name})", Exact = true }).ClickAsync();
        await Expect(contactPage.GetByRole(AriaRole.Heading, new() { Name = $"{employees[1].Name} afmelden", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(contactPage, "the employer's cancel page");
        await contactPage.GetByRole(AriaRole.Link, new() { Name = "Nee, terug", Exact = true }).ClickAsync();

        await contactPage.GetByRole(AriaRole.Link, new() { Name = $"Vervangen ({employees[0].Name})", Exact = true }).ClickAsync();
        await Expect(contactPage.GetByRole(AriaRole.Heading, new() { Name = $"{employees[0].Name} vervangen", Level = 1 })).ToBeVisibleAsync();
        await Expect(contactPage).ToHaveTitleAsync(new Regex("^" + Regex.Escape(employees[0].Name) + " vervangen"));
        await Axe.AssertNoViolationsAsync(contactPage, "the employer's swap page");
        var newcomer = (Name: $"Invaller {run}", Email: $"invaller-{run}@bakkerij.example.nl");
        await contactPage.GetByLabel("Naam", new() { Exact = true }).FillAsync(newcomer.Name);
        await contactPage.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(newcomer.Email);
        await contactPage.GetByLabel("Functie", new() { Exact = true }).FillAsync("Verkoper");
        await contactPage.GetByRole(AriaRole.Button, new() { Name = "Deelnemer vervangen", Exact = true }).ClickAsync();

        await Expect(contactPage).ToHaveURLAsync(new Regex("/werkgever$"));
        await Expect(contactPage.GetByRole(AriaRole.Main)).ToContainTextAsync(newcomer.Name);
        var invitation2 = await MailAsync(newcomer.Email, HarrieTitle);
        Assert.Contains("agenda.ics", invitation2.AttachmentNames);
    }

    [Fact]
    public async Task Kvk_number_with_letters_shows_a_dutch_error_and_keeps_what_was_typed()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/harrie");
        await FillOrganisationAsync(page, "Fietsenmaker Het Spaakje", "12AB5678", "info@spaakje.example.nl");
        await page.GetByRole(AriaRole.Button, new() { Name = "Medewerkers aanmelden", Exact = true }).ClickAsync();

        await Expect(page.Locator("#foutmeldingen")).ToContainTextAsync("Een KvK-nummer bestaat alleen uit cijfers, bijvoorbeeld 12345678.");
        await Expect(page).ToHaveTitleAsync(new Regex("^Fout: "));
        var kvk = page.GetByLabel("KvK-nummer", new() { Exact = true });
        await Expect(kvk).ToHaveValueAsync("12AB5678");
        await Expect(kvk).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Naam van de organisatie", new() { Exact = true })).ToHaveValueAsync("Fietsenmaker Het Spaakje");
        await Expect(page.GetByLabel("Postcode", new() { Exact = true })).ToHaveValueAsync("6811 AB");
        await Axe.AssertNoViolationsAsync(page, "/harrie with errors");
    }

    private static async Task FillOrganisationAsync(IPage page, string organisation, string kvk, string contactEmail)
    {
        await page.GetByLabel("Naam van de organisatie", new() { Exact = true }).FillAsync(organisation);
        await page.GetByLabel("KvK-nummer", new() { Exact = true }).FillAsync(kvk);
        await page.GetByLabel("Straat en huisnummer", new() { Exact = true }).FillAsync("Korenmarkt 12");
        await page.GetByLabel("Postcode", new() { Exact = true }).FillAsync("6811 AB");
        await page.GetByLabel("Plaats", new() { Exact = true }).FillAsync("Arnhem");
        await page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Harriët de Vries");
        await page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(contactEmail);
    }
}
