using Academy.E2E.Infrastructure;

namespace Academy.E2E;

/// <summary>The pages work in a real browser that enforces the Content-Security-Policy (other tests bypass it for axe).</summary>
[Collection("site")]
public sealed class ContentSecurityPolicyTests(SiteFixture site) : SiteTest(site)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/leeragenda")]
    [InlineData("/account/inloggen")]
    [InlineData("/harrie")]
    public async Task Pages_raise_no_policy_violations_and_keep_their_styles(string path)
    {
        var page = await NewPageAsync(o => o.BypassCSP = false);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        var response = await page.GotoAsync(Site.BaseUrl + path);

        Assert.Equal(200, response?.Status);
        Assert.Contains("script-src 'self'", await response!.HeaderValueAsync("content-security-policy") ?? "");
        // The theme's three stylesheets loaded (one the policy blocked would not be listed).
        Assert.True(await page.EvaluateAsync<int>("() => document.styleSheets.length") >= 3);
        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }
}
