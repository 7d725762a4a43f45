using System.Text.RegularExpressions;
using Academy.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Academy.E2E;

/// <summary>
/// The finished public theme on a phone and a desktop: every public page fits 320 and 375 px without sideways scrolling,
/// passes axe-core (target-size included) at 375 and 1280 px, and sets every text element in the one self-hosted
/// typeface; the header's menu button works with the keyboard and without JavaScript; skip link and focus are visible.
/// </summary>
[Collection("site")]
public sealed class ThemeTests(SiteFixture site) : SiteTest(site)
{
    public static readonly int[] NarrowWidths = [320, 375];

    public static TheoryData<string> PublicPaths => new()
    {
        "/", "/leeragenda", "/leeragenda/harrie-training", "/harrie", "/account/inloggen", "/certificaat", "/werkcentrum",
        "/toegankelijkheid", "/contact",
    };

    [Theory]
    [MemberData(nameof(PublicPaths))]
    public async Task Public_page_fits_a_phone_passes_axe_and_uses_one_typeface(string path)
    {
        var page = await NewPageAsync(o => o.ViewportSize = new ViewportSize { Width = 375, Height = 844 });
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response?.Status);

        await AssertFitsAndPassesAsync(page, path);
    }

    [Fact]
    public async Task Admin_fits_a_phone_passes_axe_and_uses_one_typeface()
    {
        var page = await NewAdminPageAsync(o => o.ViewportSize = new ViewportSize { Width = 375, Height = 844 });
        await page.GotoAsync("/admin");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        await AssertFitsAndPassesAsync(page, "/admin");
        // The back-office menu folds behind its button on a phone and opens with it.
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Beheermenu" });
        await page.SetViewportSizeAsync(375, 844);
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Aanbod", Exact = true })).Not.ToBeVisibleAsync();
        await menu.Locator("summary").ClickAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Aanbod", Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>A Beheerder sees every menu entry (about fifteen): on a desktop the links wrap instead of widening the page.</summary>
    [Fact]
    public async Task A_long_menu_wraps_on_a_desktop()
    {
        var page = await NewAdminPageAsync(o => o.ViewportSize = new ViewportSize { Width = 1280, Height = 900 });
        await page.GotoAsync("/leeragenda");
        foreach (var width in new[] { 1280, 800 })
        {
            await page.SetViewportSizeAsync(width, 900);
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, innerWidth]");
            Assert.True(widths[0] <= widths[1], $"/leeragenda signed in as Beheerder is {widths[0]} px wide at {widths[1]} px");
        }
    }

    /// <summary>At 320 and 375 px: no sideways scrolling; at 375 and 1280 px: no axe violation and one typeface.</summary>
    private static async Task AssertFitsAndPassesAsync(IPage page, string path)
    {
        foreach (var width in NarrowWidths)
        {
            await page.SetViewportSizeAsync(width, 844);
            await Reflow.AssertNoHorizontalScrollingAsync(page);
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, innerWidth]");
            Assert.True(widths[0] <= widths[1], $"{path} is {widths[0]} px wide at {widths[1]} px");
        }
        await page.SetViewportSizeAsync(375, 844);
        await Axe.AssertNoViolationsAsync(page, $"{path} op 375 px breed");
        await AssertOneTypefaceAsync(page, path);
        await page.SetViewportSizeAsync(1280, 900);
        await Axe.AssertNoViolationsAsync(page, $"{path} op 1280 px breed");
        await AssertOneTypefaceAsync(page, path);
    }

    /// <summary>Headings, lists, table cells, labels and buttons have the body's font, which is Noto Sans served by the site.</summary>
    private static async Task AssertOneTypefaceAsync(IPage page, string path)
    {
        var report = await page.EvaluateAsync<string[]>(
            """
            async () => {
              await document.fonts.ready;
              const body = getComputedStyle(document.body).fontFamily;
              const problems = [];
              if (!/^"?Noto Sans"?,/.test(body)) problems.push('body: ' + body);
              for (const e of document.querySelectorAll('h1, h2, h3, h4, li, td, th, label, button, summary, legend, input, select, p')) {
                const family = getComputedStyle(e).fontFamily;
                if (family !== body) problems.push(e.tagName.toLowerCase() + ' "' + (e.textContent || '').trim().slice(0, 30) + '": ' + family);
              }
              if (!document.fonts.check('16px "Noto Sans"')) problems.push('Noto Sans is not loaded');
              const fonts = performance.getEntriesByType('resource').filter(r => /\.woff2(\?|$)/.test(r.name));
              if (fonts.length === 0) problems.push('no woff2 font was loaded');
              for (const f of fonts) if (new URL(f.name).origin !== location.origin) problems.push('font from another site: ' + f.name);
              return problems.slice(0, 10);
            }
            """);
        Assert.True(report.Length == 0, $"{path} does not use one self-hosted typeface:\n{string.Join("\n", report)}");
    }

    [Fact]
    public async Task The_menu_button_opens_the_menu_with_the_keyboard_and_the_skip_link_shows_on_focus()
    {
        var page = await NewPageAsync(o => o.ViewportSize = new ViewportSize { Width = 375, Height = 844 });
        await page.GotoAsync("/");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" });
        var leeragenda = nav.GetByRole(AriaRole.Link, new() { Name = "Leeragenda", Exact = true });
        await Expect(leeragenda).Not.ToBeVisibleAsync();

        // The first Tab reaches the skip link, which then shows on screen in the focus colours.
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Naar de inhoud" });
        await Expect(skip).ToBeFocusedAsync();
        var box = await skip.BoundingBoxAsync();
        Assert.True(box is { Width: > 20, Height: >= 24 } && box.Y >= 0 && box.Y < 100, $"skip link box {box?.X},{box?.Y} {box?.Width}x{box?.Height}");

        // Tab on to the menu button (after the site name) and open it with Enter: the links show, Tab reaches them.
        var button = nav.Locator("summary");
        await Expect(button).ToHaveTextAsync("Menu");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Expect(button).ToBeFocusedAsync();
        var outline = await button.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth");
        Assert.StartsWith("solid 3px", outline);
        await page.Keyboard.PressAsync("Enter");
        await Expect(leeragenda).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(leeragenda).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/leeragenda$"));

        // On a desktop there is no button: the links show at once.
        await page.SetViewportSizeAsync(1280, 900);
        await Expect(nav.Locator("summary")).Not.ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Werkcentrum", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Without_JavaScript_the_menu_still_opens_and_its_links_work()
    {
        var page = await NewPageAsync(o =>
        {
            o.JavaScriptEnabled = false;
            o.ViewportSize = new ViewportSize { Width = 320, Height = 700 };
        });
        await page.GotoAsync("/contact");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" });
        var link = nav.GetByRole(AriaRole.Link, new() { Name = "Over de leeracademie", Exact = true });
        await Expect(link).Not.ToBeVisibleAsync();

        await nav.Locator("summary").ClickAsync();

        await Expect(link).ToBeVisibleAsync();
        await link.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/over-de-leeracademie$"));
    }

    [Fact]
    public async Task On_a_phone_the_leeragenda_shows_results_before_the_folded_filters()
    {
        var page = await NewPageAsync(o => o.ViewportSize = new ViewportSize { Width = 375, Height = 844 });
        await page.GotoAsync("/leeragenda");
        var theme = page.GetByLabel("Thema", new() { Exact = true });
        await Expect(theme).Not.ToBeVisibleAsync();

        var firstResult = page.Locator(".offering-list > li").First;
        var top = (await firstResult.BoundingBoxAsync())!.Y;
        Assert.True(top < 844, $"the first result starts {top} px down on a 844 px high phone screen");

        await page.GetByText("Filters tonen", new() { Exact = true }).ClickAsync();
        await Expect(theme).ToBeVisibleAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await Expect(page.GetByText("Filters tonen", new() { Exact = true })).Not.ToBeVisibleAsync();
    }

    [Fact]
    public async Task On_a_desktop_the_error_summary_heading_stands_above_its_list()
    {
        var page = await NewPageAsync(o => o.ViewportSize = new ViewportSize { Width = 1280, Height = 900 });
        await page.GotoAsync("/werkcentrum/vraag");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vraag versturen", Exact = true }).ClickAsync();
        var summary = page.Locator("#foutmeldingen");
        await Expect(summary).ToBeVisibleAsync();
        var heading = (await summary.Locator("h2").BoundingBoxAsync())!;
        var list = (await summary.Locator("ul").BoundingBoxAsync())!;
        Assert.True(list.Y >= heading.Y + heading.Height - 0.5, $"the list starts at {list.Y}, beside the heading ({heading.Y}+{heading.Height})");
        Assert.True(list.X < heading.X + 50, $"the list starts {list.X - heading.X} px right of the heading");
    }

    [Fact]
    public async Task On_a_phone_the_harrie_employee_labels_sit_above_their_fields()
    {
        var page = await NewPageAsync(o => o.ViewportSize = new ViewportSize { Width = 375, Height = 844 });
        await page.GotoAsync("/harrie");

        foreach (var label in new[] { "Naam van medewerker 1", "E-mailadres van medewerker 1", "Functie van medewerker 2" })
        {
            var text = page.Locator("label", new() { HasTextString = label }).First;
            var field = page.GetByLabel(label, new() { Exact = true });
            await Expect(text).ToBeVisibleAsync();
            var labelBox = (await text.BoundingBoxAsync())!;
            var fieldBox = (await field.BoundingBoxAsync())!;
            Assert.True(labelBox.Y + labelBox.Height <= fieldBox.Y + 0.5, $"'{label}' ({labelBox.Y}+{labelBox.Height}) overlaps its field at {fieldBox.Y}");
        }
        // The intro paragraphs have room between them.
        var gap = await page.EvaluateAsync<double>(
            "() => { const p = [...document.querySelectorAll('main .utrecht-rich-text p')]; return p[1].getBoundingClientRect().top - p[0].getBoundingClientRect().bottom; }");
        Assert.True(gap >= 12, $"only {gap} px between the intro paragraphs");
    }
}
