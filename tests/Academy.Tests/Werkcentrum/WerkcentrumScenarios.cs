using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Academy.Core.Content;
using Academy.Testing;
using Academy.Tests.Admin;
using Academy.Werkcentrum.Models;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Werkcentrum;

/// <summary>What the Werkcentrum pages must do on a set-up site, run on SQLite and on PostgreSQL.</summary>
public static partial class WerkcentrumScenarios
{
    public static readonly string[] Recipes = ["midden-gelderland", "flevoland", "stedendriehoek"];

    /// <summary>The site set up from <paramref name="recipe"/> serves its leeragenda and inlooppunten with the recipe's content.</summary>
    public static async Task RecipeSiteServesItsContentAsync(AcademyFactory factory, string recipe)
    {
        var steps = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "recipes", recipe + ".recipe.json")))!["steps"]!.AsArray();
        var items = steps.Where(s => (string?)s!["name"] == "Content").SelectMany(s => s!["Data"]!.AsArray()).Select(i => i!).ToList();
        string Title(JsonNode item) => (string)item["TitlePart"]!["Title"]!;
        var offeringTitles = items.Where(i => i["OfferingPart"] is not null).Select(Title).ToList();
        var walkIns = items.Where(i => (string?)i["ContentType"] == WerkcentrumTypes.WalkInPoint).ToList();
        Assert.NotEmpty(offeringTitles);
        Assert.True(walkIns.Count >= 4, $"{recipe} has {walkIns.Count} inlooppunten");

        var browser = AdminTestKit.Anonymous(factory);
        var agenda = await browser.GetAsync("/leeragenda");
        Assert.Equal(HttpStatusCode.OK, agenda.Status);
        var agendaText = WebUtility.HtmlDecode(agenda.Html);
        Assert.Contains(offeringTitles, t => agendaText.Contains(t, StringComparison.Ordinal));

        var list = await browser.GetAsync("/werkcentrum/inlooppunten");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        var listText = WebUtility.HtmlDecode(list.Html);
        Assert.All(walkIns, w => Assert.Contains(Title(w), listText));
        Assert.Matches("Nu open tot|Vandaag open van|Vandaag gesloten|Nu gesloten", listText);

        var first = walkIns[0];
        var detail = await browser.GetAsync("/werkcentrum/inlooppunten/" + (string)first["AutoroutePart"]!["Path"]!);
        Assert.Equal(HttpStatusCode.OK, detail.Status);
        Assert.Contains((string)first["WalkInPointPart"]!["Address"]!, WebUtility.HtmlDecode(detail.Html));

        foreach (var path in new[] { "/werkcentrum", "/werkcentrum/werkzoekenden", "/werkcentrum/werkenden", "/werkcentrum/werkgevers",
                     "/werkcentrum/nieuws", "/werkcentrum/veelgestelde-vragen", "/werkcentrum/nieuws/rss.xml", "/werkcentrum/nieuws/atom.xml" })
        {
            Assert.True((await browser.GetAsync(path)).Status == HttpStatusCode.OK, $"{recipe}: {path}");
        }
    }

    /// <summary>The landing page, the audience pages, the questions and the place filter (Midden-Gelderland recipe).</summary>
    public static async Task PublicPagesShowTheRecipeContentAsync(AcademyFactory factory)
    {
        var browser = AdminTestKit.Anonymous(factory);

        var landing = await browser.GetAsync("/werkcentrum");
        Assert.Equal(HttpStatusCode.OK, landing.Status);
        Assert.Equal(3, landing.Document.QuerySelectorAll(".werkcentrum-audiences a").Length);
        Assert.NotEmpty(landing.Document.QuerySelectorAll(".werkcentrum-cards .werkcentrum-card"));
        // The region's own Werkcentrum text (the page the module replaced) is the introduction.
        Assert.Contains("Elke deur is de goede deur", landing.Html);

        var nearby = await browser.GetAsync("/werkcentrum?plaats=velp");
        Assert.Contains("Inlooppunt Werkcentrum Velp", nearby.Html);
        Assert.DoesNotContain("Inlooppunt Werkcentrum Zevenaar", nearby.Html);

        var filtered = await browser.GetAsync("/werkcentrum/inlooppunten?plaats=Dieren");
        Assert.Single(filtered.Document.QuerySelectorAll(".werkcentrum-cards > li"));
        Assert.Contains("Inlooppunt Werkcentrum Dieren", filtered.Html);
        // An unknown place filters nothing away rather than failing.
        var all = (await browser.GetAsync("/werkcentrum/inlooppunten")).Document.QuerySelectorAll(".werkcentrum-cards > li").Length;
        Assert.True(all >= 4);
        Assert.Equal(all, (await browser.GetAsync("/werkcentrum/inlooppunten?plaats=%3Cscript%3E")).Document.QuerySelectorAll(".werkcentrum-cards > li").Length);

        var employers = await browser.GetAsync("/werkcentrum/werkgevers");
        Assert.Contains("Werkgeversdienstverlening", employers.Html);
        Assert.DoesNotContain("Loopbaanadviesteam", employers.Html);
        Assert.Contains("Loopbaanadviesteam", (await browser.GetAsync("/werkcentrum/werkzoekenden")).Html);

        var faq = await browser.GetAsync("/werkcentrum/veelgestelde-vragen");
        Assert.True(faq.Document.QuerySelectorAll("details > summary").Length >= 5);
        Assert.Equal(["Het Werkcentrum", "Inlooppunten", "Werkgevers"], faq.Document.QuerySelectorAll("h2").Select(h => h.TextContent.Trim()).Take(3));

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/werkcentrum/inlooppunten/bestaat-niet")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/werkcentrum/nieuws/bestaat-niet")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/werkcentrum/nieuws?pagina=99")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/werkcentrum/werkgevers-en-meer")).Status);
        // A news item's slug cannot be reached as an inlooppunt.
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/werkcentrum/inlooppunten/nieuws-werkcentrum-van-start")).Status);
    }

    /// <summary>RSS 2.0 and Atom parse as XML, hold the items with absolute links, and escape titles with &lt; and &amp;.</summary>
    public static async Task FeedsAreValidAndEscapedAsync(AcademyFactory factory)
    {
        const string title = "Vragen <over> werk & geld";
        var slug = "nieuws-tekens-" + Guid.NewGuid().ToString("n")[..8];
        await SaveAsync(factory, WerkcentrumTypes.News, title, slug, new NewsItemPart { Date = "2099-01-01", Summary = "Samenvatting met <b> & \"tekens\"" });
        var browser = AdminTestKit.Anonymous(factory);

        var rss = await browser.Client.GetAsync("/werkcentrum/nieuws/rss.xml");
        Assert.Equal("application/rss+xml", rss.Content.Headers.ContentType?.MediaType);
        var rssText = await rss.Content.ReadAsStringAsync();
        Assert.Contains("Vragen &lt;over&gt; werk &amp; geld", rssText);
        var channel = XDocument.Parse(rssText).Root!.Element("channel")!;
        var items = channel.Elements("item").ToList();
        Assert.True(items.Count >= 4);
        Assert.Equal(title, items[0].Element("title")!.Value);
        Assert.Equal("Samenvatting met <b> & \"tekens\"", items[0].Element("description")!.Value);
        Assert.All(items, i => Assert.True(Uri.TryCreate(i.Element("link")!.Value, UriKind.Absolute, out var link) && link.AbsolutePath.StartsWith("/werkcentrum/nieuws/", StringComparison.Ordinal)));
        Assert.EndsWith("/werkcentrum/nieuws/" + slug, items[0].Element("link")!.Value);
        // Midnight of the news date in Amsterdam, in RFC 1123 (UTC).
        Assert.Equal(new DateTimeOffset(2098, 12, 31, 23, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse(items[0].Element("pubDate")!.Value, System.Globalization.CultureInfo.InvariantCulture));

        var atom = await browser.Client.GetAsync("/werkcentrum/nieuws/atom.xml");
        Assert.Equal("application/atom+xml", atom.Content.Headers.ContentType?.MediaType);
        XNamespace ns = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(await atom.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(ns + "feed", feed.Name);
        var entries = feed.Elements(ns + "entry").ToList();
        Assert.Equal(items.Count, entries.Count);
        Assert.Equal(title, entries[0].Element(ns + "title")!.Value);
        Assert.True(Uri.IsWellFormedUriString(entries[0].Element(ns + "link")!.Attribute("href")!.Value, UriKind.Absolute));
        Assert.NotNull(feed.Element(ns + "updated"));

        // The pages link the feeds for feed readers.
        var page = await browser.GetAsync("/werkcentrum/nieuws");
        Assert.NotNull(page.Document.QuerySelector("link[rel=alternate][type='application/rss+xml'][href='/werkcentrum/nieuws/rss.xml']"));
        Assert.NotNull(page.Document.QuerySelector("link[rel=alternate][type='application/atom+xml'][href='/werkcentrum/nieuws/atom.xml']"));
        Assert.Contains(title, (await browser.GetAsync("/werkcentrum/nieuws/" + slug)).Document.QuerySelector("h1")!.TextContent);
    }

    /// <summary>The detail page carries schema.org Place JSON-LD that parses, also when the name tries to end the script.</summary>
    public static async Task JsonLdDescribesThePlaceAsync(AcademyFactory factory)
    {
        var slug = "punt-" + Guid.NewGuid().ToString("n")[..8];
        await SaveAsync(factory, WerkcentrumTypes.WalkInPoint, "Punt </script><script>alert(1)</script>", slug, new WalkInPointPart
        {
            Address = "Voorbeeldstraat 9", Postcode = "6811 AA", Place = "Arnhem",
            OpeningHours = new() { ["ma"] = ["09:00-12:30", "13:30-16:30"], ["vr"] = ["09:00-12:00"] },
            Exceptions = [new OpeningException { Date = "2099-12-25", Note = "Eerste Kerstdag" }],
        });
        var page = await AdminTestKit.Anonymous(factory).GetAsync("/werkcentrum/inlooppunten/" + slug);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain("<script>alert(1)", page.Html);

        var scripts = JsonLdScript().Matches(page.Html);
        var json = Assert.Single(scripts).Groups[1].Value;
        using var document = JsonDocument.Parse(json);
        var place = document.RootElement;
        Assert.Equal("https://schema.org", place.GetProperty("@context").GetString());
        Assert.Equal("Place", place.GetProperty("@type").GetString());
        Assert.Equal("Punt </script><script>alert(1)</script>", place.GetProperty("name").GetString());
        Assert.Equal("Arnhem", place.GetProperty("address").GetProperty("addressLocality").GetString());
        var specs = place.GetProperty("openingHoursSpecification").EnumerateArray().ToList();
        Assert.Equal(4, specs.Count);
        Assert.All(specs, s => Assert.Equal("OpeningHoursSpecification", s.GetProperty("@type").GetString()));
        Assert.Contains(specs, s => s.TryGetProperty("dayOfWeek", out var day) && day.GetString() == "https://schema.org/Monday" && s.GetProperty("opens").GetString() == "13:30");
        Assert.Contains(specs, s => s.TryGetProperty("validFrom", out var from) && from.GetString() == "2099-12-25" && s.GetProperty("closes").GetString() == "00:00");
    }

    /// <summary>The admin editor composes the part editors: bad hours give a Dutch message with the form kept; good input is published.</summary>
    public static async Task AdminEditorCreatesAnInlooppuntAsync(AcademyFactory factory)
    {
        var admin = await AdminTestKit.AdminAsync(factory);
        var index = await admin.GetAsync("/admin/werkcentrum");
        Assert.Equal(HttpStatusCode.OK, index.Status);
        Assert.Contains("Inlooppunt Werkcentrum Arnhem", index.Html);

        var name = "Inlooppunt Test " + Guid.NewGuid().ToString("n")[..6];
        var form = (await admin.GetAsync("/admin/werkcentrum/nieuw/WalkInPoint")).Form()
            .Set("Title", name).Set("Address", "Teststraat 1").Set("Place", "Testdorp").Set("Hours[0]", "negen tot vijf")
            .Set("Exceptions", "25-12; dicht");
        var refused = await admin.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(refused.ErrorSummary, e => e.Contains("maandag", StringComparison.Ordinal));
        Assert.Contains(refused.ErrorSummary, e => e.Contains("25-12; dicht", StringComparison.Ordinal));
        Assert.Equal("Teststraat 1", refused.Value("Address"));

        var fixedForm = refused.Form().Set("Hours[0]", "09:00-17:00").Set("Exceptions", "2099-12-25; gesloten; Eerste Kerstdag")
            .SetAll("PartnerIds", "werkcentrum");
        var saved = await admin.SubmitAsync(fixedForm);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        var list = await AdminTestKit.Anonymous(factory).GetAsync("/werkcentrum/inlooppunten?plaats=Testdorp");
        Assert.Contains(name, list.Html);
        // Someone without the permission gets no editor.
        var professional = await AdminTestKit.UserAsync(factory, "Professional");
        var denied = await professional.GetAsync("/admin/werkcentrum");
        Assert.Equal(HttpStatusCode.Redirect, denied.Status);
        Assert.Contains("/account/geen-toegang", denied.Location);
    }

    private static async Task SaveAsync<TPart>(AcademyFactory factory, string type, string title, string slug, TPart part) where TPart : ContentPart
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var item = await content.NewAsync(type);
        item.Apply(new TitlePart { Title = title }).Apply(new AutoroutePart { Path = slug }).Apply(new MarkdownBodyPart { Markdown = "Tekst." }).Apply(part);
        await content.SaveAndPublishAsync(item);
    }

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLdScript();
}
