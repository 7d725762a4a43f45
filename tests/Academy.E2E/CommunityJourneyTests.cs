using Academy.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Academy.E2E;

/// <summary>
/// The community in a browser: a professional asks to join a closed group, the group's manager (the leer-coördinator,
/// who manages the recipe's groups) approves, the professional starts a topic; a casus with a BSN is refused with the
/// text still in the form. axe-core on every community page, at 1280 and at 375 px wide.
/// </summary>
[Collection("site")]
public sealed class CommunityJourneyTests(SiteFixture site) : SiteTest(site)
{
    private const string Group = "/community/werkgeversdienstverleners";
    private const string CasusGroup = "/community/casuistiek-werk-en-inkomen";

    [Fact]
    public async Task A_professional_joins_a_closed_group_after_approval_and_starts_a_topic_and_a_casus_with_a_bsn_is_refused()
    {
        var email = SiteFixture.Professionals[3];
        var professional = await NewSignedInPageAsync(email, SiteFixture.ProfessionalPassword);
        await CheckBothWidthsAsync(professional, "/community");
        await CheckBothWidthsAsync(professional, Group);
        await professional.GetByRole(AriaRole.Button, new() { Name = "Vraag om lid te worden", Exact = true }).ClickAsync();
        await Expect(professional.Locator("#statusmelding")).ToContainTextAsync("Een beheerder van de groep beoordeelt je verzoek");
        await Axe.AssertNoViolationsAsync(professional, "a group page after asking to join");

        var coordinator = await NewSignedInPageAsync(SiteFixture.CoordinatorEmail, SiteFixture.CoordinatorPassword);
        await CheckBothWidthsAsync(coordinator, Group + "/beheer");
        var name = SiteFixture.DisplayName(email);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = $"Goedkeuren ({name})", Exact = true }).ClickAsync();
        await Expect(coordinator.Locator("#statusmelding")).ToContainTextAsync("is nu lid van de groep");

        await professional.GotoAsync(Group);
        await professional.GetByRole(AriaRole.Link, new() { Name = "Nieuw onderwerp", Exact = true }).First.ClickAsync();
        await Axe.AssertNoViolationsAsync(professional, "the new-topic form");
        await professional.GetByLabel("Titel").FillAsync("Afspraken over accountmanagement");
        await professional.GetByLabel("Tekst", new() { Exact = true }).FillAsync("Hoe leggen jullie vast **wie** contact houdt met een werkgever?");
        await professional.GetByRole(AriaRole.Button, new() { Name = "Onderwerp plaatsen" }).ClickAsync();
        await Expect(professional.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Afspraken over accountmanagement");
        await Expect(professional.Locator(".community-post__body strong")).ToHaveTextAsync("wie");
        await CheckBothWidthsAsync(professional, new Uri(professional.Url).PathAndQuery);
        await professional.GetByRole(AriaRole.Link, new() { Name = $"Citeren ({name})" }).ClickAsync();
        await Expect(professional.GetByLabel("Je reactie")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^> Hoe leggen jullie vast"));
        await CheckBothWidthsAsync(professional, "/community/leden");

        await coordinator.GotoAsync(CasusGroup + "/nieuw");
        const string casus = "Meneer met BSN 111222333 zoekt werk in de zorg.";
        await coordinator.GetByLabel("Titel").FillAsync("Casus: werk in de zorg");
        await coordinator.GetByLabel("Tekst", new() { Exact = true }).FillAsync(casus);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Onderwerp plaatsen" }).ClickAsync();
        await Expect(coordinator.Locator("#foutmeldingen")).ToContainTextAsync("'111222333'");
        await Expect(coordinator.GetByLabel("Tekst", new() { Exact = true })).ToHaveValueAsync(casus);
        await Axe.AssertNoViolationsAsync(coordinator, "a refused casus with its errors");
        await CheckBothWidthsAsync(coordinator, CasusGroup);
        await CheckBothWidthsAsync(coordinator, "/admin/community");
    }

    internal static async Task CheckBothWidthsAsync(IPage page, string path)
    {
        await page.SetViewportSizeAsync(1280, 900);
        await CheckPageAsync(page, path, $"{path} at 1280 px");
        await page.SetViewportSizeAsync(375, 800);
        await Axe.AssertNoViolationsAsync(page, $"{path} at 375 px");
        await page.SetViewportSizeAsync(1280, 900);
    }
}
