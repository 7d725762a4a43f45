using System.Text.RegularExpressions;
using Academy.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Academy.E2E;

/// <summary>
/// The community in a browser: a professional asks to join a closed group, the group's manager (the leer-coördinator,
/// who manages the recipe's groups) approves, the professional starts a topic; a casus with a BSN is refused with the
/// text still in the form; "nuttig" and the accepted answer through the posts' buttons. axe-core on every community
/// page, at 1280 and at 375 px wide.
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
        await professional.GetByLabel(new Regex("^Dit is een vraag")).CheckAsync();
        await professional.GetByRole(AriaRole.Button, new() { Name = "Onderwerp plaatsen" }).ClickAsync();
        await Expect(professional.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Afspraken over accountmanagement");
        await Expect(professional.Locator(".community-post__body strong")).ToHaveTextAsync("wie");
        var topic = new Uri(professional.Url).AbsolutePath;
        await CheckBothWidthsAsync(professional, topic);
        await professional.GetByRole(AriaRole.Link, new() { Name = $"Citeren ({name})" }).ClickAsync();
        await Expect(professional.GetByLabel("Je reactie")).ToHaveValueAsync(new Regex("^> Hoe leggen jullie vast"));
        await CheckBothWidthsAsync(professional, "/community/leden");

        // The posts' buttons share the page's one form and each names its own address: "nuttig" by keyboard, then the
        // asker marks the manager's reply as the answer.
        await coordinator.GotoAsync(topic);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = $"Nuttig ({name})", Exact = true }).FocusAsync();
        await coordinator.Keyboard.PressAsync("Enter");
        await Expect(coordinator.GetByRole(AriaRole.Button, new() { Name = $"Niet meer nuttig ({name})", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(coordinator.Locator(".community-post__actions span").First).ToHaveTextAsync("Nuttig: 1");
        await coordinator.GetByLabel("Je reactie").FillAsync("Bij ons legt de accountmanager het vast in het klantsysteem.");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Reactie plaatsen" }).ClickAsync();
        await Expect(coordinator.Locator("#statusmelding")).ToContainTextAsync("Je reactie is geplaatst.");
        await professional.GotoAsync(topic);
        await professional.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Dit is het antwoord") }).ClickAsync();
        await Expect(professional.Locator(".community-post--accepted .community-post__body")).ToContainTextAsync("klantsysteem");
        await Axe.AssertNoViolationsAsync(professional, "a question with its accepted answer");

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

    [Fact]
    public async Task A_group_page_with_leeragenda_offerings_and_the_new_topic_form_pass_axe_at_both_widths()
    {
        var coordinator = await NewSignedInPageAsync(SiteFixture.CoordinatorEmail, SiteFixture.CoordinatorPassword);
        // The recipe gives this group the theme "methodisch-werken": its page lists the leeragenda's offerings of it.
        await CheckBothWidthsAsync(coordinator, "/community/igm-in-de-praktijk");
        await Expect(coordinator.Locator("section[aria-labelledby=uit-de-leeragenda] .offering-card").First).ToBeVisibleAsync();
        await CheckBothWidthsAsync(coordinator, "/community/igm-in-de-praktijk/nieuw");
        await CheckBothWidthsAsync(coordinator, "/community/harrie-alumni");
        var visitor = await NewPageAsync();
        await CheckBothWidthsAsync(visitor, "/community/igm-in-de-praktijk");
    }

    /// <summary>axe-core on <paramref name="path"/> at 1280 and at 375 px wide.</summary>
    internal static async Task CheckBothWidthsAsync(IPage page, string path)
    {
        await page.SetViewportSizeAsync(1280, 900);
        await CheckPageAsync(page, path, $"{path} at 1280 px");
        await page.SetViewportSizeAsync(375, 800);
        await Axe.AssertNoViolationsAsync(page, $"{path} at 375 px");
        await page.SetViewportSizeAsync(1280, 900);
    }
}
