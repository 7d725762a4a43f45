using System.Text.RegularExpressions;
using Academy.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Academy.E2E;

/// <summary>
/// Issue 11: a professional of a partner organisation registers, confirms by the mailed link, logs in and enrols; someone
/// from another organisation is approved by the leer-coördinator first; a forgotten password is replaced by mail.
/// Every new page passes axe-core at 1280 and 375 px.
/// </summary>
[Collection("site")]
public sealed class RegistrationJourneyTests(SiteFixture site) : SiteTest(site)
{
    private const string Password = "E2e-Registratie!2026";
    private const string IgmPath = "/leeragenda/igm-basistraining";
    private const string IgmGroup = "Voorjaar (Arnhem)";

    [Fact]
    public async Task Partner_professional_registers_confirms_by_mail_logs_in_and_enrols()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var email = $"e2e-{run}@arnhem.nl"; // the recipe's domain of Gemeente Arnhem
        var page = await NewPageAsync();
        await page.GotoAsync("/account/inloggen");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nog geen account? Registreer je" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Registreren", Level = 1 })).ToBeVisibleAsync();
        await AxeAtBothWidthsAsync(page, "/account/registreren");

        // A common password: a Dutch message, the form kept.
        await FillRegistrationAsync(page, $"Robin {run}", email, "Gemeente Arnhem", null, "wachtwoord123");
        await Expect(page.Locator("#foutmeldingen")).ToContainTextAsync("veel gebruikt");
        await Expect(page.GetByLabel("E-mailadres", new() { Exact = true })).ToHaveValueAsync(email);
        await AxeAtBothWidthsAsync(page, "/account/registreren with errors");

        await FillRegistrationAsync(page, $"Robin {run}", email, "Gemeente Arnhem", null, Password);
        await Expect(page).ToHaveURLAsync(new Regex("/account/registreren/controleer-je-email"));
        await AxeAtBothWidthsAsync(page, "/account/registreren/controleer-je-email");

        await ConfirmByMailAsync(page, email);
        await Expect(page.Locator("#statusmelding")).ToContainTextAsync("je account is klaar");
        await AxeAtBothWidthsAsync(page, "the confirmed registration");

        await page.GetByRole(AriaRole.Link, new() { Name = "Inloggen", Exact = true }).Last.ClickAsync();
        await SiteActions.LogInAsync(page, email, Password);
        await page.GotoAsync(IgmPath);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Aanmelden ({IgmGroup})", Exact = true }).ClickAsync();
        await Expect(page.Locator("#statusmelding")).ToContainTextAsync(IgmGroup);
    }

    [Fact]
    public async Task Someone_from_another_organisation_is_approved_by_the_coordinator_first()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var email = $"e2e-{run}@buurtteam.example.nl";
        var name = $"Sanne {run}";
        var page = await NewPageAsync();
        await page.GotoAsync("/account/registreren");
        await FillRegistrationAsync(page, name, email, "Andere organisatie", "Buurtteam Oost", Password);
        await ConfirmByMailAsync(page, email);
        await Expect(page.Locator("#statusmelding")).ToContainTextAsync("De leer-coördinator bekijkt je aanmelding");

        // Pending: the login says so.
        await page.GotoAsync("/account/inloggen");
        await SiteActions.LogInAsync(page, email, Password);
        await Expect(page.Locator("#foutmeldingen")).ToContainTextAsync("wacht nog op goedkeuring");

        var coordinator = await NewSignedInPageAsync(SiteFixture.CoordinatorEmail, SiteFixture.CoordinatorPassword);
        await coordinator.GotoAsync("/admin");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Registraties", Exact = true }).ClickAsync();
        await Expect(coordinator.GetByRole(AriaRole.Row).Filter(new() { HasText = email })).ToContainTextAsync("Buurtteam Oost");
        await AxeAtBothWidthsAsync(coordinator, "/admin/registraties");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = $"{name} goedkeuren", Exact = true }).ClickAsync();
        await Expect(coordinator.Locator("#statusmelding")).ToContainTextAsync("goedgekeurd");

        var approved = await MailAsync(email, "Je account is goedgekeurd");
        await page.GotoAsync(LinkIn(approved, "/account/inloggen"));
        await SiteActions.LogInAsync(page, email, Password);
        await Expect(page).Not.ToHaveURLAsync(new Regex("/account/inloggen"));
    }

    [Fact]
    public async Task Forgotten_password_is_replaced_through_the_mailed_link()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var email = $"e2e-vergeten-{run}@uwv.nl"; // the recipe's domain of UWV
        var page = await NewPageAsync();
        await page.GotoAsync("/account/registreren");
        await FillRegistrationAsync(page, $"Kim {run}", email, "UWV Midden-Gelderland", null, Password);
        await ConfirmByMailAsync(page, email);

        await page.GotoAsync("/account/inloggen");
        await page.GetByRole(AriaRole.Link, new() { Name = "Wachtwoord vergeten?" }).ClickAsync();
        await AxeAtBothWidthsAsync(page, "/account/wachtwoord-vergeten");
        await page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Stuur me een link", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Controleer je e-mail", Level = 1 })).ToBeVisibleAsync();
        await AxeAtBothWidthsAsync(page, "/account/wachtwoord-vergeten/verstuurd");

        var mail = await MailAsync(email, "Nieuw wachtwoord kiezen");
        var link = LinkIn(mail, "/account/wachtwoord-herstellen");
        await page.GotoAsync(link);
        await AxeAtBothWidthsAsync(page, "/account/wachtwoord-herstellen");
        const string newPassword = "E2e-Nieuw-Wachtwoord!2026";
        await page.GetByLabel("Nieuw wachtwoord", new() { Exact = true }).FillAsync(newPassword);
        await page.GetByLabel("Herhaal het nieuwe wachtwoord", new() { Exact = true }).FillAsync(newPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord opslaan", Exact = true }).ClickAsync();
        await Expect(page.Locator("#statusmelding")).ToContainTextAsync("nieuwe wachtwoord is opgeslagen");

        // The link works once.
        await page.GotoAsync(link);
        await Expect(page.Locator("#foutmelding")).ToContainTextAsync("al gebruikt");
        await AxeAtBothWidthsAsync(page, "a used reset link");

        await page.GotoAsync("/account/inloggen");
        await SiteActions.LogInAsync(page, email, newPassword);
        await Expect(page).Not.ToHaveURLAsync(new Regex("/account/inloggen"));
        await CheckPageAsync(page, "/account/wachtwoord-wijzigen");
        await AxeAtBothWidthsAsync(page, "/account/wachtwoord-wijzigen");
        await CheckPageAsync(page, "/account/e-mail-wijzigen");
        await AxeAtBothWidthsAsync(page, "/account/e-mail-wijzigen");

        var admin = await NewAdminPageAsync();
        await CheckPageAsync(admin, "/admin/organisaties/gemeente-arnhem/domeinen");
        await Expect(admin.GetByLabel("E-maildomeinen", new() { Exact = true })).ToHaveValueAsync("arnhem.nl");
        await AxeAtBothWidthsAsync(admin, "/admin/organisaties/{id}/domeinen");
    }

    private static async Task FillRegistrationAsync(IPage page, string name, string email, string organisation, string? other, string password)
    {
        await page.GetByLabel("Naam", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Organisatie", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = organisation });
        if (other is not null)
        {
            await page.GetByLabel("Naam van je organisatie (bij 'Andere organisatie')", new() { Exact = true }).FillAsync(other);
        }
        await page.GetByLabel("Functie", new() { Exact = true }).FillAsync("Klantmanager");
        await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Ik heb de privacyverklaring gelezen en ga ermee akkoord").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Account aanmaken", Exact = true }).ClickAsync();
    }

    private async Task ConfirmByMailAsync(IPage page, string email)
    {
        var mail = await MailAsync(email, "Bevestig je e-mailadres");
        await page.GotoAsync(LinkIn(mail, "/account/registreren/bevestigen"));
        await AxeAtBothWidthsAsync(page, "/account/registreren/bevestigen");
        await page.GetByRole(AriaRole.Button, new() { Name = "E-mailadres bevestigen", Exact = true }).ClickAsync();
    }

    /// <summary>axe-core at 375 px (the phone width of the theme's menu button) and at 1280 px.</summary>
    private static async Task AxeAtBothWidthsAsync(IPage page, string because)
    {
        await page.SetViewportSizeAsync(375, 844);
        await Axe.AssertNoViolationsAsync(page, because + " at 375 px");
        await page.SetViewportSizeAsync(1280, 900);
        await Axe.AssertNoViolationsAsync(page, because + " at 1280 px");
    }
}
