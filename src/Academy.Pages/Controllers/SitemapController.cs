using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Academy.Core.Hosting;
using Academy.Core.Navigation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Academy.Pages.Controllers;

/// <summary>
/// /sitemap.xml from every module's <see cref="ISitemapSource"/> (public, published pages only) and /robots.txt, which
/// names it. Absolute addresses come from Academy:PublicBaseUrl, as search engines and mails need the public host.
/// </summary>
[AllowAnonymous]
public sealed class SitemapController(IEnumerable<ISitemapSource> sources, IOptions<AcademyOptions> options) : Controller
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>Paths search engines have no business in: the back office and the account pages.</summary>
    public static readonly IReadOnlyList<string> Disallowed = ["/admin", "/account"];

    private string BaseUrl => options.Value.PublicBaseUrl.TrimEnd('/');

    [HttpGet("sitemap.xml", Name = "Pages.Sitemap")]
    [OutputCache(Tags = [Academy.Core.Content.OutputCacheTags.Content], Duration = 300)]
    public async Task<IActionResult> Sitemap(CancellationToken cancellationToken)
    {
        var entries = new List<SitemapEntry>();
        foreach (var source in sources)
        {
            entries.AddRange(await source.GetEntriesAsync(HttpContext, cancellationToken));
        }
        var urls = entries
            .Where(e => !Disallowed.Any(d => e.Path.StartsWith(d, StringComparison.OrdinalIgnoreCase)))
            .GroupBy(e => e.Path, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(e => e.LastModifiedUtc).First())
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .Select(e => new XElement(Ns + "url",
                new XElement(Ns + "loc", BaseUrl + e.Path),
                e.LastModifiedUtc is { } modified ? new XElement(Ns + "lastmod", modified.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null));
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(Ns + "urlset", urls));
        return Content(document.Declaration + "\n" + document.Root, "application/xml", Encoding.UTF8);
    }

    [HttpGet("robots.txt", Name = "Pages.Robots")]
    public IActionResult Robots()
    {
        var text = new StringBuilder("User-agent: *\nAllow: /\n");
        foreach (var path in Disallowed)
        {
            text.Append("Disallow: ").Append(path).Append('\n');
        }
        text.Append("\nSitemap: ").Append(BaseUrl).Append(Url.RouteUrl("Pages.Sitemap")).Append('\n');
        return Content(text.ToString(), "text/plain", Encoding.UTF8);
    }
}
