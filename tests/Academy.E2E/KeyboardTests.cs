using Academy.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Academy.E2E;

/// <summary>Keyboard users can skip the header and navigation (WCAG 2.4.1) and see where focus is (2.4.7).</summary>
[Collection("site")]
public sealed class KeyboardTests(SiteFixture site) : SiteTest(site)
{
    [Theory]
    [InlineData("/leeragenda")]
    [InlineData("/leeragenda/harrie-training")]
    public async Task First_Tab_focuses_the_visible_skip_link_and_Enter_moves_focus_to_the_main_content(string path)
    {
        var page = await NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response?.Status);

        await page.Keyboard.PressAsync("Tab");

        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Naar de inhoud", Exact = true });
        await Expect(skipLink).ToBeFocusedAsync();
        await Expect(skipLink).ToHaveAttributeAsync("href", "#inhoud");
        // "visible on focus": a focused skip link must be on screen, not clipped to a 1-pixel box.
        var box = await skipLink.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Width > 10 && box.Height > 10, $"the focused skip link is {box.Width}x{box.Height} px: it must be visible when it has focus");
        Assert.True(box.X >= 0 && box.Y >= 0, $"the focused skip link is at ({box.X}, {box.Y}), outside the viewport");

        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("main#inhoud")).ToBeFocusedAsync();
        // The next Tab continues inside the main content, not back in the header.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('inhoud').contains(document.activeElement)"),
            "after the skip link, Tab must move to the first focusable element inside <main id=\"inhoud\">");
    }
}
