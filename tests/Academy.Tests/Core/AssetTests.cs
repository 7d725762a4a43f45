using System.Text.RegularExpressions;
using Academy.Testing;

namespace Academy.Tests.Core;

public partial class AssetTests(AcademyFactory factory) : IClassFixture<AcademyFactory>
{
    [Fact]
    public async Task Layout_links_assets_by_content_hash_and_they_are_served_for_a_year()
    {
        var client = factory.CreateClient();
        var html = await client.GetStringAsync("/leeragenda");
        var links = StylesheetLink().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(links, l => l.StartsWith("/assets/theme-werkcentrum/lib/utrecht.css?v=", StringComparison.Ordinal));
        Assert.Contains(links, l => l.StartsWith("/assets/theme-werkcentrum/css/site.css?v=", StringComparison.Ordinal));

        foreach (var link in links)
        {
            var response = await client.GetAsync(link);
            Assert.True(response.IsSuccessStatusCode, link);
            Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
        }
        var site = links.Single(l => l.Contains("site.css", StringComparison.Ordinal));
        Assert.Matches("v=[0-9a-f]{10}$", site);
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex StylesheetLink();
}
