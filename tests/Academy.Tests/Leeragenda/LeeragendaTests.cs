using Academy.Leeragenda.Abstractions;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Academy.Core.Content;
using Academy.Core.Contracts;
using Academy.Core.Recipes;
using Academy.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Leeragenda;

/// <summary>
/// The public leeragenda over HTTP against the seeded Midden-Gelderland site: catalogue filters and paging,
/// the offering page with JSON-LD, the iCalendar feeds, the JSON API, the home page and pages, and cache
/// eviction on unpublish. Runs on SQLite and on PostgreSQL (see the two subclasses).
/// </summary>
public abstract partial class LeeragendaTests
{
    private static readonly HtmlParser Parser = new();

    protected abstract Task<AcademyFactory> SiteAsync();

    // ---------------------------------------------------------------- catalogue

    [Fact]
    public async Task Catalogue_lists_every_offering_with_upcoming_sessions_sorted_and_paged_by_20()
    {
        var api = await ApiOfferingsAsync();
        var (response, page1) = await GetHtmlAsync("/leeragenda");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nl", page1.DocumentElement.GetAttribute("lang"));
        Assert.Single(page1.QuerySelectorAll("h1"));
        Assert.Equal(api.Count, ResultCount(page1));
        Assert.Contains($"{api.Count} resultaten", page1.QuerySelector("[aria-live=polite]")!.TextContent);
        Assert.Equal(20, Cards(page1).Count);

        // Sorted by the next session (then title).
        var starts = page1.QuerySelectorAll(".offering-card").Select(c => c.QuerySelector("time")!).Select(t => DateTimeOffset.Parse(t.GetAttribute("datetime")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(starts.OrderBy(s => s).ToList(), starts);

        // Filters are grouped in fieldsets with legends, and every control has a label.
        var form = page1.QuerySelector("form[method=get][action='/leeragenda']")!;
        Assert.True(form.QuerySelectorAll("fieldset > legend").Length >= 3);
        foreach (var control in form.QuerySelectorAll("select, input:not([type=hidden])"))
        {
            Assert.NotNull(form.QuerySelector($"label[for='{control.Id}']"));
        }

        var pagination = page1.QuerySelector("nav.pagination")!;
        Assert.Equal("1", pagination.QuerySelector("[aria-current=page]")!.TextContent.Replace("Pagina", "").Trim());
        Assert.Contains(pagination.QuerySelectorAll("a"), a => a.TextContent.Contains("Volgende") && a.GetAttribute("href") == "/leeragenda?pagina=2");
        Assert.DoesNotContain(pagination.QuerySelectorAll("a"), a => a.TextContent.Contains("Vorige"));

        var (_, page2) = await GetHtmlAsync("/leeragenda?pagina=2");
        var pagination2 = page2.QuerySelector("nav.pagination")!;
        Assert.Equal("2", pagination2.QuerySelector("[aria-current=page]")!.TextContent.Replace("Pagina", "").Trim());
        Assert.Contains(pagination2.QuerySelectorAll("a"), a => a.TextContent.Contains("Vorige") && a.GetAttribute("href") == "/leeragenda");
        var all = Cards(page1).Concat(Cards(page2)).ToList();
        Assert.Equal(api.Count, all.Count);
        Assert.Equal(api.Select(o => o.Slug).Order(), all.Order());
    }

    [Fact]
    public async Task Catalogue_card_shows_type_summary_date_place_form_cost_and_organiser()
    {
        var (_, byTitle) = await GetHtmlAsync("/leeragenda?type=Training&q=ideale+collega");
        // The index also finds offerings that mention these words elsewhere (stemming, the whole text): pick the card.
        var card = byTitle.QuerySelectorAll(".offering-card").Single(c => c.QuerySelector("h3 a")!.GetAttribute("href") == "/leeragenda/harrie-training");

        Assert.Equal("/leeragenda/harrie-training", card.QuerySelector("h3 a")!.GetAttribute("href"));
        var text = Normalize(card.TextContent);
        Assert.Contains("Training", text);
        Assert.Contains("Tweedaagse training", text);
        Assert.Contains("Eerstvolgende datum:", text);
        Assert.Matches(@"(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) \d{1,2} [a-z]+ \d{4}, 09:00 tot 16:00 uur", text);
        Assert.Contains("Arnhem", text);
        Assert.Contains("Vorm: Fysiek", text);
        Assert.Contains("Kosten: Gratis", text);
        Assert.Contains("Organisator: Werkgeversservicepunt Midden-Gelderland", text);

        var (_, paid) = await GetHtmlAsync("/leeragenda?q=intervisie+voor+jobcoaches");
        Assert.Contains("Kosten: € 95", Normalize(paid.QuerySelectorAll(".offering-card").Single(c => c.QuerySelector("h3 a")!.GetAttribute("href") == "/leeragenda/intervisie-jobcoaches").TextContent));
    }

    [Fact]
    public async Task Type_filter_narrows_to_trainings_and_includes_harrie()
    {
        var api = await ApiOfferingsAsync();
        var slugs = await CatalogueSlugsAsync("type=Training");

        Assert.Contains("harrie-training", slugs);
        AssertNarrowed(api, slugs, api.Where(o => o.Type == "Training"));
    }

    [Fact]
    public async Task Thema_doelgroep_and_organiser_filters_narrow_to_matching_offerings()
    {
        var api = await ApiOfferingsAsync();

        AssertNarrowed(api, await CatalogueSlugsAsync("thema=inclusief-werkgeverschap"), api.Where(o => o.Themes.Contains("inclusief-werkgeverschap")));
        AssertNarrowed(api, await CatalogueSlugsAsync("doelgroep=jobcoaches"), api.Where(o => o.Audiences.Contains("jobcoaches")));
        AssertNarrowed(api, await CatalogueSlugsAsync("organiser=uwv-midden-gelderland"), api.Where(o => o.OrganiserId == "uwv-midden-gelderland"));
        AssertNarrowed(api, await CatalogueSlugsAsync("thema=inclusief-werkgeverschap&doelgroep=werkgevers"),
            api.Where(o => o.Themes.Contains("inclusief-werkgeverschap") && o.Audiences.Contains("werkgevers")));
    }

    [Fact]
    public async Task Vorm_and_gratis_filters_narrow_results()
    {
        var api = await ApiOfferingsAsync();

        var online = await CatalogueSlugsAsync("vorm=online");
        AssertNarrowed(api, online, api.Where(o => o.Form == "online"));
        Assert.All(online, slug => Assert.Equal("online", api.Single(o => o.Slug == slug).Form));

        var free = await CatalogueSlugsAsync("gratis=1");
        AssertNarrowed(api, free, api.Where(o => o.Free));
        Assert.DoesNotContain("intervisie-jobcoaches", free);
        Assert.DoesNotContain("cursus-loopbaanadvies-llo", free);
    }

    [Fact]
    public async Task Month_and_place_filters_apply_to_sessions()
    {
        var api = await ApiOfferingsAsync();
        var months = api.SelectMany(o => o.Sessions.Select(s => (o.Slug, Month: AmsterdamTime.ToLocal(s.Start).ToString("yyyy-MM", CultureInfo.InvariantCulture))))
            .GroupBy(x => x.Month)
            .Select(g => (Month: g.Key, Slugs: g.Select(x => x.Slug).Distinct().ToList()))
            .OrderBy(g => g.Month)
            .ToList();
        var month = months.First(m => m.Slugs.Count > 1 && m.Slugs.Count < api.Count);
        var byMonth = await CatalogueSlugsAsync("month=" + month.Month);
        AssertNarrowed(api, byMonth, api.Where(o => month.Slugs.Contains(o.Slug)));

        // The month is offered as a Dutch label.
        var (_, html) = await GetHtmlAsync("/leeragenda");
        var option = html.QuerySelector($"select[name=month] option[value='{month.Month}']")!;
        var expectedLabel = DateTime.ParseExact(month.Month, "yyyy-MM", CultureInfo.InvariantCulture).ToString("MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"));
        Assert.Equal(expectedLabel, option.TextContent.Trim());
        Assert.Equal(12, html.QuerySelectorAll("select[name=month] option[value]").Count(o => o.GetAttribute("value") != ""));

        var byPlace = await CatalogueSlugsAsync("place=Zevenaar");
        Assert.Contains("harrie-training", byPlace);
        AssertNarrowed(api, byPlace, api.Where(o => o.Sessions.Any(s => s.Place == "Zevenaar")));
        Assert.Contains(html.QuerySelectorAll("select[name=place] option"), o => o.GetAttribute("value") == "Zevenaar");
    }

    [Fact]
    public async Task Text_filter_ignores_accents_and_case_and_escapes_wildcards()
    {
        var api = await ApiOfferingsAsync();
        var found = await CatalogueSlugsAsync("q=casuistiek");

        Assert.Contains("casuistiek-igm", found);
        // The index searches the whole offering (body and themes too), so it finds at least what the old filter on
        // title, summary and organiser found, and still narrows.
        var inTitleOrSummary = api.Where(o => Normalize(Plain($"{o.Title} {o.Summary} {o.OrganiserName}")).ToLowerInvariant().Contains("casuistiek")).Select(o => o.Slug).ToList();
        Assert.NotEmpty(inTitleOrSummary);
        Assert.Subset(found.ToHashSet(), inTitleOrSummary.ToHashSet());
        Assert.True(found.Count < api.Count, "The filter should narrow the results.");
        Assert.Equal(found.Order(), (await CatalogueSlugsAsync("q=CASU%C3%8FSTIEK")).Order());

        // Stemming: "trainingen" finds offerings that say "training".
        Assert.Contains("harrie-training", await CatalogueSlugsAsync("q=trainingen"));

        // % and _ are literal characters, not wildcards.
        Assert.Empty(await CatalogueSlugsAsync("q=%25"));
        Assert.Empty(await CatalogueSlugsAsync("q=_"));
    }

    [Fact]
    public async Task Active_filters_are_listed_with_remove_links_and_an_empty_result_explains_itself()
    {
        var (_, html) = await GetHtmlAsync("/leeragenda?type=Training&vorm=online&gratis=1");
        var active = html.QuerySelectorAll(".active-filters li");
        Assert.Equal(3, active.Length);
        var removeType = active.Select(li => li.QuerySelector("a")!).Single(a => a.TextContent.Contains("Soort aanbod"));
        Assert.StartsWith("filter verwijderen", removeType.TextContent.Trim());
        Assert.Equal("/leeragenda?vorm=online&gratis=1", removeType.GetAttribute("href"));

        // Selected values are kept in the form.
        Assert.NotNull(html.QuerySelector("select[name=type] option[value=Training][selected]"));
        Assert.NotNull(html.QuerySelector("input[name=vorm][value=online][checked]"));
        Assert.NotNull(html.QuerySelector("input[name=gratis][checked]"));

        var (response, empty) = await GetHtmlAsync("/leeragenda?q=zzzgeenresultaat");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, ResultCount(empty));
        Assert.Contains("Er is geen aanbod gevonden", empty.QuerySelector(".empty-state")!.TextContent);
        Assert.Empty(Cards(empty));
    }

    // ---------------------------------------------------------------- helpers

    protected sealed record ApiSession(string Id, DateTime Start, DateTime End, string? Place, bool Online);

    protected sealed record ApiOffering(
        string Id, string Type, string Slug, string Title, string Summary, string? OrganiserId, string? OrganiserName,
        IReadOnlyList<string> Themes, IReadOnlyList<string> Audiences, string Form, bool Free, IReadOnlyList<ApiSession> Sessions);

    protected async Task<IReadOnlyList<ApiOffering>> ApiOfferingsAsync()
    {
        using var client = (await SiteAsync()).CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/leeragenda"));
        return json.RootElement.GetProperty("offerings").EnumerateArray().Select(o => new ApiOffering(
            o.GetProperty("id").GetString()!,
            o.GetProperty("type").GetString()!,
            o.GetProperty("slug").GetString()!,
            o.GetProperty("title").GetString()!,
            o.GetProperty("summary").GetString()!,
            o.GetProperty("organiser").ValueKind == JsonValueKind.Null ? null : o.GetProperty("organiser").GetProperty("id").GetString(),
            o.GetProperty("organiser").ValueKind == JsonValueKind.Null ? null : o.GetProperty("organiser").GetProperty("name").GetString(),
            o.GetProperty("themes").EnumerateArray().Select(t => t.GetProperty("id").GetString()!).ToList(),
            o.GetProperty("audiences").EnumerateArray().Select(t => t.GetProperty("id").GetString()!).ToList(),
            o.GetProperty("form").GetString()!,
            o.GetProperty("cost").GetProperty("free").GetBoolean(),
            o.GetProperty("editions").EnumerateArray().SelectMany(e => e.GetProperty("sessions").EnumerateArray()).Select(s => new ApiSession(
                s.GetProperty("id").GetString()!,
                s.GetProperty("start").GetDateTime().ToUniversalTime(),
                s.GetProperty("end").GetDateTime().ToUniversalTime(),
                s.GetProperty("place").GetString(),
                s.GetProperty("online").GetBoolean())).ToList())).ToList();
    }

    protected async Task<(HttpResponseMessage Response, IHtmlDocument Html)> GetHtmlAsync(string url)
    {
        if (url.Contains("q=", StringComparison.Ordinal))
        {
            // The text filter asks the search index; bring it up to date (only the search's work, nothing else).
            await Academy.Tests.Search.SearchScenarios.IndexSearchOnlyAsync(await SiteAsync());
        }
        using var client = (await SiteAsync()).CreateClient();
        var response = await client.GetAsync(url);
        var html = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return (response, html);
    }

    /// <summary>The slugs of every result of a catalogue query, following the page links.</summary>
    protected async Task<List<string>> CatalogueSlugsAsync(string query)
    {
        var slugs = new List<string>();
        string? url = "/leeragenda?" + query;
        var total = -1;
        for (var guard = 0; url is not null && guard < 10; guard++)
        {
            var (response, html) = await GetHtmlAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            total = total < 0 ? ResultCount(html) : total;
            slugs.AddRange(Cards(html));
            url = html.QuerySelectorAll("nav.pagination a[rel=next]").FirstOrDefault()?.GetAttribute("href");
        }
        Assert.Equal(total, slugs.Count);
        Assert.Equal(slugs.Count, slugs.Distinct().Count());
        return slugs;
    }

    private static List<string> Cards(IHtmlDocument html) =>
        html.QuerySelectorAll(".offering-card h3 a").Select(a => a.GetAttribute("href")!["/leeragenda/".Length..]).ToList();

    private static int ResultCount(IHtmlDocument html)
    {
        var text = html.QuerySelector("#resultaten-aantal")!.TextContent.Trim();
        return int.Parse(NumberPrefix().Match(text).Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The catalogue found exactly the expected offerings, some but not all of them.</summary>
    private static void AssertNarrowed(IReadOnlyList<ApiOffering> all, IReadOnlyCollection<string> found, IEnumerable<ApiOffering> expected)
    {
        var expectedSlugs = expected.Select(o => o.Slug).Order().ToList();
        Assert.NotEmpty(expectedSlugs);
        Assert.True(expectedSlugs.Count < all.Count, "The filter should narrow the results.");
        Assert.Equal(expectedSlugs, found.Order().ToList());
    }

    private static void AssertIsoUtc(string value)
    {
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$", value);
        Assert.True(DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out _));
    }

    private static void AssertWellFormedIcs(string ics)
    {
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics);
        Assert.EndsWith("END:VCALENDAR\r\n", ics);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", ""));
        foreach (var line in ics.Split("\r\n"))
        {
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"Line longer than 75 octets: {line}");
        }
        Assert.Contains("VERSION:2.0\r\n", ics);
        Assert.Contains("PRODID:", ics);
    }

    /// <summary>Collapses whitespace (and non-breaking spaces) so text assertions ignore markup layout.</summary>
    private static string Normalize(string text) => Whitespace().Replace(text.Replace('\u00a0', ' '), " ").Trim();

    /// <summary>Lowercase without accents, as the catalogue's text filter compares.</summary>
    private static string Plain(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString();
    }

    [GeneratedRegex(@"^\d+")]
    private static partial Regex NumberPrefix();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
