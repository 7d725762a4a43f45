using System.Text.RegularExpressions;
using Academy.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Academy.E2E;

/// <summary>
/// "Stel je vraag" on a phone: a visitor asks a question and sees the reference number; a gids claims it, refers it
/// and closes it; the asker's confirmation mail arrives exactly once. Every new page passes axe at 375 and 1280 px.
/// </summary>
[Collection("site")]
public sealed class QuestionJourneyTests(SiteFixture site) : SiteTest(site)
{
    private static void Phone(BrowserNewContextOptions o) => o.ViewportSize = new ViewportSize { Width = 375, Height = 800 };

    [Fact]
    public async Task Visitor_asks_on_a_phone_and_a_gids_claims_refers_and_closes_it()
    {
        var asker = $"vraag-{Guid.NewGuid():N}@example.nl";
        var page = await NewPageAsync(Phone);

        await page.GotoAsync("/werkcentrum/vraag");
        await Axe.AssertNoViolationsAsync(page, "the empty question form at 375 px");
        await page.GetByLabel("Ik zoek werk", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Waar gaat je vraag over?").SelectOptionAsync(new SelectOptionValue { Label = "Scholing of een opleiding" });
        await page.GetByLabel("In welke gemeente woon of werk je?").SelectOptionAsync(new SelectOptionValue { Label = "Arnhem" });
        await page.GetByLabel("Je vraag", new() { Exact = true }).FillAsync("Kan ik met een uitkering een opleiding tot monteur volgen?");
        await page.GetByLabel("Per e-mail", new() { Exact = true }).CheckAsync();
        // Only the chosen way back is asked for.
        await Expect(page.GetByLabel("Je telefoonnummer")).ToBeHiddenAsync();
        await page.GetByLabel("Je e-mailadres").FillAsync(asker);
        await page.GetByLabel(new Regex("^Ik geef toestemming")).CheckAsync();
        await Axe.AssertNoViolationsAsync(page, "the filled-in question form at 375 px");
        await page.WaitForTimeoutAsync(3_200); // a person takes longer than the form's minimum fill time
        await page.GetByRole(AriaRole.Button, new() { Name = "Vraag versturen", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Je vraag is verstuurd", Level = 1 })).ToBeVisibleAsync();
        var reference = (await page.Locator("#melding-nummer").TextContentAsync())!.Trim();
        Assert.Matches(@"^WC-20\d\d-\d{6}$", reference);
        await Axe.AssertNoViolationsAsync(page, "the thank-you page at 375 px");

        var gids = await NewSignedInPageAsync(SiteFixture.GidsEmail, SiteFixture.GidsPassword);
        await gids.SetViewportSizeAsync(375, 800);
        await gids.GotoAsync("/gids/meldingen");
        await Axe.AssertNoViolationsAsync(gids, "the gidsen's queue at 375 px");
        await gids.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
        await Expect(gids.GetByRole(AriaRole.Heading, new() { Name = $"Melding {reference}", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(gids, "an open melding at 375 px");
        await gids.GetByRole(AriaRole.Button, new() { Name = "Melding oppakken", Exact = true }).ClickAsync();
        await Expect(gids.GetByRole(AriaRole.Status)).ToContainTextAsync("Je hebt de melding opgepakt.");
        await Axe.AssertNoViolationsAsync(gids, "a claimed melding at 375 px");
        await gids.GetByLabel("Partnerorganisatie").SelectOptionAsync(new SelectOptionValue { Label = "UWV Midden-Gelderland" });
        await gids.GetByRole(AriaRole.Button, new() { Name = "Doorverwijzing opslaan", Exact = true }).ClickAsync();
        await Expect(gids.GetByRole(AriaRole.Status)).ToContainTextAsync("De doorverwijzing is opgeslagen.");
        await gids.GetByRole(AriaRole.Button, new() { Name = "Melding afsluiten", Exact = true }).ClickAsync();
        await Expect(gids.GetByRole(AriaRole.Status)).ToContainTextAsync("De melding is afgesloten.");
        await Expect(gids.Locator("#melding-geschiedenis li")).ToHaveCountAsync(4);
        await Expect(gids.Locator("#melding-doorverwijzing")).ToHaveTextAsync("UWV Midden-Gelderland");

        var mail = await MailAsync(asker, reference);
        Assert.Contains(reference, mail.Text);
        await Task.Delay(2_000); // a second copy would have been sent by now
        Assert.Single(await Site.Mail.MessagesAsync(), m => m.To.Equals(asker, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Every_new_page_passes_axe_at_1280_and_375_pixels()
    {
        foreach (var configure in new Action<BrowserNewContextOptions>?[] { null, Phone })
        {
            var visitor = await NewPageAsync(configure);
            await CheckPageAsync(visitor, "/werkcentrum/vraag");
            await visitor.GetByRole(AriaRole.Button, new() { Name = "Vraag versturen", Exact = true }).ClickAsync();
            await Expect(visitor.Locator("#foutmeldingen")).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(visitor, "the question form with its errors");

            var gids = await NewSignedInPageAsync(SiteFixture.GidsEmail, SiteFixture.GidsPassword);
            if (configure is not null) await gids.SetViewportSizeAsync(375, 800);
            await CheckPageAsync(gids, "/gids/meldingen?status=afgesloten");

            var admin = await NewAdminPageAsync(configure);
            await CheckPageAsync(admin, "/admin/meldingen");
            await CheckPageAsync(admin, "/admin/meldingen?periode=week");
        }
    }
}
