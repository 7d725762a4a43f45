using Academy.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Academy.E2E;

/// <summary>
/// Moderation in a browser: a professional reports the leer-coördinator's reply, the administrator hides it from the
/// moderation queue in /admin, and the reply is gone for the professional. axe-core on the report page and the queue, at
/// 1280 and at 375 px wide.
/// </summary>
[Collection("site")]
public sealed class ModerationJourneyTests(SiteFixture site) : SiteTest(site)
{
    private const string Group = "/community/jobcoaches";
    private const string Text = "Bekijk mijn eigen cursusaanbod op mijn website, nu met korting voor alle jobcoaches!";

    [Fact]
    public async Task A_reported_post_is_hidden_from_the_queue()
    {
        var coordinator = await NewSignedInPageAsync(SiteFixture.CoordinatorEmail, SiteFixture.CoordinatorPassword);
        await coordinator.GotoAsync(Group);
        await coordinator.Locator("main .community-topic a").First.ClickAsync();
        var topic = new Uri(coordinator.Url).PathAndQuery;
        await coordinator.GetByLabel("Je reactie").FillAsync(Text);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Reactie plaatsen" }).ClickAsync();
        await Expect(coordinator.Locator("#statusmelding")).ToContainTextAsync("Je reactie is geplaatst");

        var professional = await NewSignedInPageAsync(SiteFixture.Professionals[4], SiteFixture.ProfessionalPassword);
        await professional.GotoAsync(topic);
        await professional.Locator("li.community-post", new() { HasText = Text }).GetByRole(AriaRole.Link, new() { Name = "Melden" }).ClickAsync();
        await Expect(professional.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bericht melden");
        await CommunityJourneyTests.CheckBothWidthsAsync(professional, new Uri(professional.Url).PathAndQuery);
        await professional.GetByRole(AriaRole.Button, new() { Name = "Melding versturen" }).ClickAsync();
        await Expect(professional.Locator("#foutmeldingen")).ToContainTextAsync("Kies waarom je dit bericht meldt");
        await Axe.AssertNoViolationsAsync(professional, "the report form with an error");
        await professional.GetByLabel("Reclame of spam").CheckAsync();
        await professional.GetByRole(AriaRole.Button, new() { Name = "Melding versturen" }).ClickAsync();
        await Expect(professional.Locator("#statusmelding")).ToContainTextAsync("Bedankt voor je melding");

        var admin = await NewAdminPageAsync();
        await CommunityJourneyTests.CheckBothWidthsAsync(admin, "/admin/community/moderatie");
        var item = admin.Locator("li.community-queue__item", new() { HasText = Text });
        await Expect(item).ToContainTextAsync("Reclame of spam");
        await item.GetByLabel("Reden", new() { Exact = true }).FillAsync("Reclame hoort niet in de community.");
        await item.GetByRole(AriaRole.Button, new() { Name = "Verbergen" }).ClickAsync();
        await Expect(admin.Locator("#statusmelding")).ToContainTextAsync("Het bericht is verborgen");
        await Expect(admin.Locator("li.community-queue__item", new() { HasText = Text })).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(admin, "the moderation queue after hiding a post");

        await professional.GotoAsync(topic);
        await Expect(professional.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Expect(professional.Locator("main")).Not.ToContainTextAsync(Text);
        await coordinator.GotoAsync(topic);
        await Expect(coordinator.Locator("li.community-post", new() { HasText = Text })).ToContainTextAsync("Verborgen door moderator");
    }
}
