using Academy.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Academy.E2E;

/// <summary>
/// The Werkcentrum pages with axe-core (WCAG 2.2 A/AA) at a desktop and a 375 px phone width, and a visitor on a phone
/// who finds an inlooppunt near them and its opening hours.
/// </summary>
[Collection("site")]
public sealed class WerkcentrumTests(SiteFixture site) : SiteTest(site)
{
    public const int Desktop = 1280;
    public const int Phone = 375;

    public static readonly string[] PublicPaths =
    [
        "/werkcentrum", "/werkcentrum?plaats=Velp", "/werkcentrum/werkzoekenden", "/werkcentrum/werkenden", "/werkcentrum/werkgevers",
        "/werkcentrum/inlooppunten", "/werkcentrum/inlooppunten?plaats=Arnhem", "/werkcentrum/inlooppunten/inlooppunt-arnhem",
        "/werkcentrum/nieuws", "/werkcentrum/nieuws/nieuws-werkcentrum-van-start", "/werkcentrum/veelgestelde-vragen",
    ];

    public static readonly string[] AdminPaths =
    [
        "/admin/werkcentrum", "/admin/werkcentrum/nieuw/WalkInPoint", "/admin/werkcentrum/nieuw/WerkcentrumService",
        "/admin/werkcentrum/nieuw/NewsItem", "/admin/werkcentrum/nieuw/FaqItem", "/admin/werkcentrum/inlooppunt-velp",
    ];

    public static TheoryData<string, int> PublicPages() => AtBothWidths(PublicPaths);

    public static TheoryData<string, int> AdminPages() => AtBothWidths(AdminPaths);

    private static TheoryData<string, int> AtBothWidths(IEnumerable<string> paths)
    {
        var data = new TheoryData<string, int>();
        foreach (var path in paths)
        {
            data.Add(path, Desktop);
            data.Add(path, Phone);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Werkcentrum_page_has_no_WCAG_violations(string path, int width)
    {
        var page = await NewPageAsync(o => o.ViewportSize = new ViewportSize { Width = width, Height = 900 });
        await CheckPageAsync(page, path, $"{path} op {width} px breed");
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Werkcentrum_admin_page_has_no_WCAG_violations(string path, int width)
    {
        var page = await NewAdminPageAsync(o => o.ViewportSize = new ViewportSize { Width = width, Height = 900 });
        await CheckPageAsync(page, path, $"{path} op {width} px breed");
    }

    [Fact]
    public async Task Admin_editor_with_errors_has_no_WCAG_violations()
    {
        var page = await NewAdminPageAsync(o => o.ViewportSize = new ViewportSize { Width = Phone, Height = 900 });
        await page.GotoAsync("/admin/werkcentrum/nieuw/WalkInPoint");
        await page.GetByLabel("maandag", new() { Exact = true }).FillAsync("de hele dag");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en publiceren" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("maandag");
        await Axe.AssertNoViolationsAsync(page, "de inlooppunt-editor met fouten op 375 px");
    }

    [Fact]
    public async Task A_visitor_on_a_phone_finds_an_inlooppunt_near_them_and_its_hours()
    {
        var page = await NewPageAsync(o => o.ViewportSize = new ViewportSize { Width = Phone, Height = 800 });
        await page.GotoAsync("/");

        // On a narrow screen the main menu sits behind the theme's menu button (a <summary>, so it works without JavaScript).
        await page.Locator("summary.site-nav__toggle").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Werkcentrum", Exact = true }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Werkcentrum" })).ToBeVisibleAsync();

        // Without JavaScript the place is chosen with a plain GET form.
        await page.GetByLabel("Jouw plaats").SelectOptionAsync("Zevenaar");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon inlooppunten" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("plaats=Zevenaar"));
        var card = page.Locator(".werkcentrum-card").Filter(new() { HasText = "Inlooppunt Werkcentrum Zevenaar" });
        await Expect(card).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Nu open tot|Vandaag open van|Vandaag gesloten|Nu gesloten"));

        await card.GetByRole(AriaRole.Link, new() { Name = "Inlooppunt Werkcentrum Zevenaar" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Inlooppunt Werkcentrum Zevenaar");
        var hours = page.GetByRole(AriaRole.Table, new() { Name = "Openingstijden deze week" });
        await Expect(hours.GetByRole(AriaRole.Row)).ToHaveCountAsync(8);
        await Expect(hours).ToContainTextAsync("van 09:00 tot 12:30");
        await Expect(hours.Locator("[aria-current=date]")).ToHaveCountAsync(1);

        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= Phone, $"De pagina is {width} px breed op een scherm van {Phone} px.");
        await Axe.AssertNoViolationsAsync(page, "de inlooppuntpagina op 375 px");
    }
}
