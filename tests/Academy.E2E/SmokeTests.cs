using Academy.E2E.Infrastructure;

namespace Academy.E2E;

[Collection("site")]
public sealed class SmokeTests(SiteFixture site) : SiteTest(site)
{
    [Fact]
    public async Task Leeragenda_is_Dutch_and_meets_WCAG_AA()
    {
        var page = await NewPageAsync();

        var response = await page.GotoAsync(Site.BaseUrl + "/leeragenda");

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.Equal("nl", await page.GetAttributeAsync("html", "lang"));
        await Axe.AssertNoViolationsAsync(page, "de openbare leeragenda moet voor iedereen bruikbaar zijn");
    }
}
