using System.Text.RegularExpressions;
using Academy.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Academy.E2E;

/// <summary>
/// The leer-coördinator invites a trainer from /admin/gebruikers; the trainer sets a password through the link in the
/// mail and opens /presentie. Every user-management page is checked with axe-core at 1280 and 375 px.
/// </summary>
[Collection("site")]
public sealed class UserManagementJourneyTests(SiteFixture site) : SiteTest(site)
{
    public const string TrainerPassword = "E2e-Nieuwe-Trainer!2026";

    [Fact]
    public async Task Coordinator_invites_a_trainer_who_sets_a_password_and_opens_presentie()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var email = $"trainer-{run}@example.nl";
        var coordinator = await NewSignedInPageAsync(SiteFixture.CoordinatorEmail, SiteFixture.CoordinatorPassword);

        await CheckBothWidthsAsync(coordinator, "/admin/gebruikers");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Iemand uitnodigen", Exact = true }).ClickAsync();
        await Expect(coordinator.GetByRole(AriaRole.Heading, new() { Name = "Iemand uitnodigen", Level = 1 })).ToBeVisibleAsync();
        await AxeBothWidthsAsync(coordinator, "the invitation form");
        // The coördinator may only hand out Trainer and Professional.
        await Expect(coordinator.GetByRole(AriaRole.Checkbox, new() { Name = "Beheerder", Exact = true })).ToHaveCountAsync(0);

        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Uitnodiging versturen", Exact = true }).ClickAsync();
        await Expect(coordinator.Locator("#foutmeldingen")).ToContainTextAsync("Vul het e-mailadres in.");
        await AxeBothWidthsAsync(coordinator, "the invitation form with errors");

        await coordinator.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(email);
        await coordinator.GetByLabel("Naam", new() { Exact = true }).FillAsync($"Tamara Trainer {run}");
        await coordinator.GetByRole(AriaRole.Checkbox, new() { Name = "Trainer", Exact = true }).CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Uitnodiging versturen", Exact = true }).ClickAsync();
        await Expect(coordinator.Locator("#statusmelding")).ToContainTextAsync("is uitgenodigd");
        await Expect(coordinator.Locator("#rollen")).ToContainTextAsync("Trainer");
        await AxeBothWidthsAsync(coordinator, "an account page after an invitation");

        var mail = await MailAsync(email, "Je account bij");
        var trainer = await NewPageAsync();
        await trainer.GotoAsync(LinkIn(mail, "/account/wachtwoord-instellen"));
        await trainer.GetByLabel("Nieuw wachtwoord", new() { Exact = true }).FillAsync(TrainerPassword);
        await trainer.GetByLabel("Herhaal het wachtwoord", new() { Exact = true }).FillAsync(TrainerPassword);
        await trainer.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord opslaan en inloggen", Exact = true }).ClickAsync();
        await Expect(trainer).Not.ToHaveURLAsync(new Regex("wachtwoord-instellen"));
        var presentie = await trainer.GotoAsync("/presentie");
        Assert.True(presentie is { Ok: true }, $"/presentie answered {presentie?.Status}");
        await Expect(trainer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        var admin = await NewAdminPageAsync();
        await CheckBothWidthsAsync(admin, "/admin/gebruikers/logboek?zoek=" + Uri.EscapeDataString(email));
        await Expect(admin.Locator("tbody")).ToContainTextAsync("Uitgenodigd");
    }

    /// <summary>Opens the page and runs axe-core at 1280 and at 375 px wide.</summary>
    internal static async Task CheckBothWidthsAsync(IPage page, string path)
    {
        await CheckPageAsync(page, path);
        await AxeBothWidthsAsync(page, path);
    }

    internal static async Task AxeBothWidthsAsync(IPage page, string because)
    {
        await page.SetViewportSizeAsync(375, 800);
        await Axe.AssertNoViolationsAsync(page, because + " at 375 px");
        await page.SetViewportSizeAsync(1280, 900);
        await Axe.AssertNoViolationsAsync(page, because + " at 1280 px");
    }
}
