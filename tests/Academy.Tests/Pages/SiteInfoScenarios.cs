using System.Net;
using System.Xml.Linq;
using Academy.Core.Content;
using Academy.Leeragenda.Models;
using Academy.Testing;
using Academy.Tests.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Pages;

/// <summary>
/// The public pages every site has, on SQLite and PostgreSQL: /sitemap.xml (published offerings and pages, no drafts,
/// no back office), /robots.txt, /toegankelijkheid with the defaults and with what the organisation saved, and /contact.
/// </summary>
public static class SiteInfoScenarios
{
    public const string PublicBaseUrl = "https://leeracademie.example.nl";
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static AcademyFactory WithPublicBaseUrl(AcademyFactory factory)
    {
        factory.Settings["Academy:PublicBaseUrl"] = PublicBaseUrl;
        return factory;
    }

    public static async Task SitemapListsPublishedPagesOnlyAsync(AcademyFactory factory)
    {
        var offering = new OfferingPart { Summary = "Voor de sitemap.", OrganiserId = "gemeente-arnhem", Form = OfferingForm.Fysiek };
        var start = DateTime.UtcNow.Date.AddDays(30).AddHours(9);
        var published = await TestOfferings.CreateAsync(factory.Services, offering, [start], TimeSpan.FromHours(2), 10, "Sitemaptraining");
        var draft = await TestOfferings.CreateAsync(factory.Services, offering, [start], TimeSpan.FromHours(2), 10, "Concepttraining", publish: false);
        string draftPageSlug;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var page = await content.NewAsync("Page");
            draftPageSlug = "concept-pagina-" + Guid.NewGuid().ToString("n")[..8];
            page.DisplayText = "Conceptpagina";
            page.Apply(new TitlePart { Title = "Conceptpagina" });
            page.Apply(new AutoroutePart { Path = draftPageSlug });
            await content.SaveDraftAsync(page);
        }

        var response = await factory.CreateClient().GetAsync("/sitemap.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Ns + "urlset", document.Root!.Name);
        var locs = document.Root.Elements(Ns + "url").Select(u => u.Element(Ns + "loc")!.Value).ToList();
        Assert.Equal(locs.Count, locs.Distinct().Count());
        Assert.All(locs, loc => Assert.StartsWith(PublicBaseUrl + "/", loc));
        Assert.Superset(new HashSet<string>
        {
            PublicBaseUrl + "/", PublicBaseUrl + "/leeragenda", PublicBaseUrl + "/leeragenda/harrie-training",
            PublicBaseUrl + "/leeragenda/" + published.Slug(), PublicBaseUrl + "/over-de-leeracademie", PublicBaseUrl + "/werkcentrum",
            PublicBaseUrl + "/toegankelijkheid", PublicBaseUrl + "/contact",
        }, locs.ToHashSet());
        Assert.DoesNotContain(PublicBaseUrl + "/leeragenda/" + draft.Slug(), locs);
        Assert.DoesNotContain(PublicBaseUrl + "/" + draftPageSlug, locs);
        Assert.DoesNotContain(locs, loc => loc.Contains("/admin", StringComparison.Ordinal) || loc.Contains("/account", StringComparison.Ordinal));
        var offeringUrl = document.Root.Elements(Ns + "url").Single(u => u.Element(Ns + "loc")!.Value.EndsWith("/" + published.Slug(), StringComparison.Ordinal));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", offeringUrl.Element(Ns + "lastmod")!.Value);
    }

    public static async Task RobotsTxtNamesTheSitemapAsync(AcademyFactory factory)
    {
        var response = await factory.CreateClient().GetAsync("/robots.txt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["User-agent: *", "Allow: /", "Disallow: /admin", "Disallow: /account", $"Sitemap: {PublicBaseUrl}/sitemap.xml"], lines);
    }

    public static async Task AccessibilityStatementIsEditableAsync(AcademyFactory factory)
    {
        var visitor = AdminTestKit.Anonymous(factory);
        var page = await visitor.GetAsync("/toegankelijkheid");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var text = page.Document.QuerySelector("main")!.TextContent;
        Assert.Contains("voldoet gedeeltelijk", text);
        Assert.Contains("3 december 2026", text);
        Assert.Equal("2026-12-03", page.Document.QuerySelector("main time")?.GetAttribute("datetime"));
        Assert.NotNull(page.Document.QuerySelector("main a[href='mailto:leeracademie@example.nl']"));

        var admin = await AdminTestKit.AdminAsync(factory);
        var form = (await admin.GetAsync("/admin/toegankelijkheid")).Form();
        var refused = await admin.SubmitAsync(form.Set("Status", "Onbekend").Set("LastCheckedOn", "gisteren").Set("ResponseDays", "0").Set("ReportEmail", "geen-adres"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(4, refused.ErrorSummary.Count);
        Assert.Equal("gisteren", refused.Value("LastCheckedOn"));

        var saved = await admin.SubmitAsync((await admin.GetAsync("/admin/toegankelijkheid")).Form()
            .Set("Status", "Full").Set("KnownIssues", "").Set("LastCheckedOn", "2027-01-15").Set("ReportEmail", "toegankelijk@example.nl").Set("ResponseDays", "3"));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        var after = (await visitor.GetAsync("/toegankelijkheid")).Document.QuerySelector("main")!;
        Assert.Contains("voldoet volledig", after.TextContent);
        Assert.Contains("15 januari 2027", after.TextContent);
        Assert.Contains("We weten op dit moment van geen problemen.", after.TextContent);
        Assert.Contains("binnen 3 werkdagen", after.TextContent);
        Assert.NotNull(after.QuerySelector("a[href='mailto:toegankelijk@example.nl']"));
        // The leer-coördinator opens the back office but does not manage the site's settings.
        var coordinator = await AdminTestKit.UserWithEmailAsync(factory, "Leercoördinator", $"coordinator-{Guid.NewGuid():n}@example.nl");
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetFollowingAsync("/admin/toegankelijkheid")).Status);
    }

    public static async Task ContactPageShowsTheRecipeDetailsAsync(AcademyFactory factory)
    {
        var page = await AdminTestKit.Anonymous(factory).GetAsync("/contact");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Contact", page.Document.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(page.Document.QuerySelector("main a[href='mailto:leeracademie@example.nl']"));
        Assert.Contains("Regionale Leeracademie Midden-Gelderland", page.Document.QuerySelector("main")!.TextContent);
        var footer = page.Document.QuerySelectorAll(".site-footer a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/toegankelijkheid", footer);
        Assert.Contains("/contact", footer);
    }

    /// <summary>TestOfferings gives "{prefix} {key}" the slug "test-{key}".</summary>
    private static string Slug(this TestOffering offering) => "test-" + offering.Title.Split(' ').Last();
}
