using System.Text.RegularExpressions;
using Academy.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Academy.E2E;

/// <summary>
/// Search as a visitor on a phone: the box in the header, a facet of the aanbod, a result opened; and axe-core on
/// /zoeken with results and without, on a desktop and a phone.
/// </summary>
[Collection("site")]
public sealed class SearchJourneyTests(SiteFixture site) : SiteTest(site)
{
    private const int Phone = 375;
    private const int Desktop = 1280;

    [Fact]
    public async Task A_visitor_on_a_phone_searches_from_the_header_filters_by_a_facet_and_opens_a_result()
    {
        var page = await NewPageAsync(o => o.ViewportSize = new ViewportSize { Width = Phone, Height = 800 });
        await page.GotoAsync("/");

        // The box is in the header, labelled, usable at 375 px next to the menu button.
        var header = page.Locator("header");
        var box = header.GetByRole(AriaRole.Searchbox, new() { Name = "Zoeken" });
        await Expect(box).ToBeVisibleAsync();
        await Expect(header.Locator("summary", new() { HasText = "Menu" })).ToBeVisibleAsync();
        await Reflow.AssertNoHorizontalScrollingAsync(page);

        // Typing shows suggestions (htmx); Enter submits the plain form.
        await box.PressSequentiallyAsync("loonkosten", new() { Delay = 30 });
        await Expect(header.Locator("#site-search-suggestions a").First).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await box.FillAsync("training");
        await box.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex(@"/zoeken\?q=training"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Zoeken", Level = 1 })).ToBeVisibleAsync();
        await Reflow.AssertNoHorizontalScrollingAsync(page);

        // The filters fold away on a phone; open them, tick a vorm and apply.
        await page.Locator(".search-facets summary").ClickAsync();
        var vorm = page.GetByRole(AriaRole.Group, new() { Name = "Vorm" });
        var first = vorm.GetByRole(AriaRole.Checkbox).First;
        var label = await vorm.Locator("label").First.InnerTextAsync();
        await first.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Filters toepassen" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"f-vorm="));
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Vorm" }).GetByRole(AriaRole.Checkbox).First).ToBeCheckedAsync();
        Assert.Contains("(", label);

        // Open the first result: an offering page.
        var result = page.Locator(".search-hit h3 a").First;
        var title = (await result.InnerTextAsync()).Trim();
        await result.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/leeragenda/"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(title);
    }

    public static TheoryData<string, int> SearchPages => new()
    {
        { "/zoeken", Desktop },
        { "/zoeken?q=training", Desktop },
        { "/zoeken?q=training", Phone },
        { "/zoeken?q=training&f-vorm=Fysiek", Desktop },
        { "/zoeken?q=qqxqqzzwv", Desktop },
        { "/zoeken?q=qqxqqzzwv", Phone },
    };

    [Theory]
    [MemberData(nameof(SearchPages))]
    public async Task Search_page_has_no_WCAG_violations(string path, int width)
    {
        var page = await NewPageAsync(o => o.ViewportSize = new ViewportSize { Width = width, Height = 900 });
        var response = await page.GotoAsync(path);

        Assert.Equal(200, response?.Status);
        if (path.Contains("training", StringComparison.Ordinal))
        {
            await Expect(page.Locator(".search-hit").First).ToBeVisibleAsync();
        }
        if (width == Phone)
        {
            await Reflow.AssertNoHorizontalScrollingAsync(page);
        }
        await Axe.AssertNoViolationsAsync(page, $"{path} op {width} px breed");
    }
}
