using System.Net;
using Academy.Testing;

namespace Academy.Tests.Admin;

public class DashboardTests(AcademyFactory factory) : IClassFixture<AcademyFactory>
{
    [Fact]
    public async Task The_dashboard_shows_the_cards_modules_contribute()
    {
        var browser = await AdminTestKit.AdminAsync(factory);
        var response = await browser.Client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h2 class=\"utrecht-heading-2\" id=\"kaart-0\">Aanbod</h2>", html);
        Assert.Contains("Gepubliceerd: <strong>35</strong>", html);
        Assert.Contains("href=\"/admin/aanbod/", html);
    }
}
