using System.Text.RegularExpressions;
using Academy.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Academy.E2E;

/// <summary>
/// axe-core with the WCAG 2.0/2.1/2.2 A and AA rules on every kind of page: public pages at a desktop
/// width and (catalogue, detail) at a phone width of 390 CSS pixels, forms in their error state, and the
/// back office. No rule is excluded: a violation is a bug in the site.
/// </summary>
[Collection("site")]
public sealed class AccessibilityTests(SiteFixture site) : SiteTest(site)
{
    public const int Desktop = 1280;
    public const int Phone = 390;

    public static TheoryData<string, int> PublicPages => new()
    {
        { "/", Desktop },
        { "/leeragenda", Desktop },
        { "/leeragenda", Phone },
        { "/leeragenda?type=Training", Desktop },
        { "/leeragenda?type=Training", Phone },
        { "/leeragenda/harrie-training", Desktop },
        { "/leeragenda/harrie-training", Phone },
        { "/werkcentrum", Desktop },
        { "/over-de-leeracademie", Desktop },
        { "/account/inloggen", Desktop },
    };

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Public_page_has_no_WCAG_violations(string path, int width)
    {
        var page = await NewPageAsync(o => o.ViewportSize = Viewport(width));

        var response = await page.GotoAsync(path);

        Assert.Equal(200, response?.Status);
        if (width == Phone)
        {
            await Reflow.AssertNoHorizontalScrollingAsync(page);
        }
        await Axe.AssertNoViolationsAsync(page, $"{path} op {width} px breed");
    }

    [Fact]
    public async Task Filtered_catalogue_shows_the_filter_in_use()
    {
        // Guards the axe run on /leeragenda?type=Training: it must check the filtered state, not an ignored query.
        var page = await NewPageAsync();
        await page.GotoAsync("/leeragenda?type=Training");
        await Expect(page.GetByLabel("Soort aanbod", new() { Exact = true })).ToHaveValueAsync("Training");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Actieve filters", Exact = true })).ToContainTextAsync("Training");
    }

    [Fact]
    public async Task Not_found_page_has_no_WCAG_violations()
    {
        var page = await NewPageAsync();

        var response = await page.GotoAsync("/deze-pagina-bestaat-niet-" + Guid.NewGuid().ToString("N")[..6]);

        Assert.Equal(404, response?.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "de 404-pagina");
    }

    [Fact]
    public async Task Login_page_after_a_failed_login_has_no_WCAG_violations()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/inloggen");

        // An unknown account: the same message as a wrong password, without locking out a real account.
        await SiteActions.LogInAsync(page, "onbekend-" + Guid.NewGuid().ToString("N")[..6] + "@example.nl", "niet-het-goede-wachtwoord");

        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary).ToContainTextAsync("E-mailadres of wachtwoord is onjuist.");
        await Expect(page).ToHaveURLAsync(new Regex("/account/inloggen"));
        await Axe.AssertNoViolationsAsync(page, "het inlogformulier met een foutmelding");
    }

    public static TheoryData<string> AdminPages => new()
    {
        "/admin",
        "/admin/aanbod",
        "/admin/aanbod/nieuw",
        "/admin/aanbod/harrie-training",
        "/admin/inhoudstypes",
        "/admin/harrie",
    };

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Admin_page_has_no_WCAG_violations(string path)
    {
        var page = await NewAdminPageAsync();

        var response = await page.GotoAsync(path);

        Assert.Equal(200, response?.Status);
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(path) + "$"));
        await Axe.AssertNoViolationsAsync(page, $"de beheerpagina {path}");
    }

    [Fact]
    public async Task New_workshop_form_with_validation_errors_has_no_WCAG_violations()
    {
        var page = await NewAdminPageAsync();
        await page.GotoAsync("/admin/aanbod/nieuw/Workshop");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nieuw aanbod: Workshop", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan als concept", Exact = true }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Pas deze aan en probeer het opnieuw" });
        await Expect(summary).ToBeVisibleAsync();
        // The error is shown at the title field too, and the field is marked invalid.
        var title = page.GetByLabel("Titel", new() { Exact = true });
        await Expect(title).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page).ToHaveTitleAsync(new Regex("^Fout: "));
        await Axe.AssertNoViolationsAsync(page, "het formulier voor een nieuwe workshop met foutmeldingen");
    }

    [Fact]
    public async Task Part_editors_with_validation_errors_have_no_WCAG_violations()
    {
        // The enrolment and accreditation modules' part editors, composed into the offering form, with their own errors.
        var page = await NewAdminPageAsync();
        await page.GotoAsync("/admin/aanbod/nieuw/Workshop");
        await page.GetByLabel("Afmelden kan tot zoveel dagen voor de eerste bijeenkomst").FillAsync("drie");
        await page.GetByLabel("Minimaal een percentage van de tijd aanwezig").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan als concept", Exact = true }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Pas deze aan en probeer het opnieuw" });
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Vul het aantal dagen in als heel getal" })).ToHaveAttributeAsync("href", "#CancellationDays");
        var days = page.GetByLabel("Afmelden kan tot zoveel dagen voor de eerste bijeenkomst");
        await Expect(days).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Percentage van de tijd dat deelnemers minimaal aanwezig zijn")).ToHaveAttributeAsync("aria-invalid", "true");
        await Axe.AssertNoViolationsAsync(page, "het aanbodformulier met fouten in de delen aanmelden en accreditatie");
    }

    private static ViewportSize Viewport(int width) =>
        width == Phone ? new ViewportSize { Width = Phone, Height = 844 } : new ViewportSize { Width = Desktop, Height = 900 };
}
