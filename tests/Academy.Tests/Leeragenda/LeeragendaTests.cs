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
        var card = byTitle.QuerySelectorAll(".offering-card").Single();

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
        Assert.Contains("Kosten: € 95", Normalize(paid.QuerySelectorAll(".offering-card").Single().TextContent));
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
        AssertNarrowed(api, found, api.Where(o => Normalize(Plain($"{o.Title} {o.Summary} {o.OrganiserName}")).ToLowerInvariant().Contains("casuistiek")));
        Assert.Equal(found.Order(), (await CatalogueSlugsAsync("q=CASU%C3%8FSTIEK")).Order());

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

    // ---------------------------------------------------------------- offering page

    [Fact]
    public async Task Offering_page_shows_facts_the_eight_harrie_groups_with_seats_and_session_tables()
    {
        var (response, html) = await GetHtmlAsync("/leeragenda/harrie-training");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(html.QuerySelectorAll("h1"));
        Assert.StartsWith("HARRIE-training", html.QuerySelector("h1")!.TextContent.Trim());
        var facts = Normalize(html.QuerySelector(".offering-facts")!.TextContent);
        Assert.Contains("Werkgeversservicepunt Midden-Gelderland", facts);
        Assert.Contains("Inclusief werkgeverschap", facts);
        Assert.Contains("Werkgevers", facts);
        Assert.Contains("Gratis", facts);
        Assert.Contains("Om niet voor werkgevers", facts);
        Assert.NotNull(html.QuerySelector(".offering__body h2"));
        // Anonymous visitors are asked to log in to enrol (the enrolment module's edition actions).
        Assert.Equal(8, html.QuerySelectorAll(".edition-action a[href^='/account/inloggen?ReturnUrl=']").Length);

        var editions = html.QuerySelectorAll("li.edition");
        Assert.Equal(8, editions.Length);
        foreach (var edition in editions)
        {
            Assert.Equal("12", edition.QuerySelector(".edition-capacity")!.TextContent.Trim());
            Assert.Equal("12", edition.QuerySelector(".edition-seats-left")!.TextContent.Trim());
            var table = edition.QuerySelector("table")!;
            Assert.NotNull(table.QuerySelector("caption"));
            Assert.All(table.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
            Assert.Equal(2, table.QuerySelectorAll("tbody tr").Length);
            Assert.All(table.QuerySelectorAll("tbody th"), th => Assert.Equal("row", th.GetAttribute("scope")));
            Assert.All(table.QuerySelectorAll("tbody a"), a => Assert.Matches(@"^/leeragenda/harrie-training/bijeenkomsten/harrie-training-groep-\d-dag-\d\.ics$", a.GetAttribute("href")!));
        }
        Assert.Equal("Groep 1", editions[0].QuerySelector("h3")!.TextContent.Trim());

        var (_, online) = await GetHtmlAsync("/leeragenda/webinar-dennis-eva");
        Assert.Contains("Online", online.QuerySelector("li.edition tbody td:nth-child(3)")!.TextContent);
    }

    [Fact]
    public async Task Offering_page_embeds_schema_org_course_json_ld()
    {
        using (var client = (await SiteAsync()).CreateClient())
        {
            Assert.Contains("<script type=\"application/ld+json\">", await client.GetStringAsync("/leeragenda/harrie-training"));
        }
        var (_, html) = await GetHtmlAsync("/leeragenda/harrie-training");
        var script = html.QuerySelectorAll("script[type='application/ld+json']").Single();
        Assert.DoesNotContain("<", script.InnerHtml);

        using var json = JsonDocument.Parse(script.TextContent);
        var course = json.RootElement;
        Assert.Equal("https://schema.org", course.GetProperty("@context").GetString());
        Assert.Equal("Course", course.GetProperty("@type").GetString());
        Assert.StartsWith("HARRIE-training", course.GetProperty("name").GetString());
        Assert.Equal("Organization", course.GetProperty("provider").GetProperty("@type").GetString());
        var instances = course.GetProperty("hasCourseInstance").EnumerateArray().ToList();
        Assert.Equal(8, instances.Count);
        foreach (var instance in instances)
        {
            Assert.Equal("CourseInstance", instance.GetProperty("@type").GetString());
            Assert.Equal("onsite", instance.GetProperty("courseMode").GetString());
            AssertIsoUtc(instance.GetProperty("startDate").GetString()!);
            AssertIsoUtc(instance.GetProperty("endDate").GetString()!);
            Assert.Equal("Place", instance.GetProperty("location").GetProperty("@type").GetString());
            Assert.Equal("EUR", instance.GetProperty("offers").GetProperty("priceCurrency").GetString());
            Assert.Equal(0m, instance.GetProperty("offers").GetProperty("price").GetDecimal());
            Assert.Equal(12, instance.GetProperty("maximumAttendeeCapacity").GetInt32());
        }

        var (_, online) = await GetHtmlAsync("/leeragenda/webinar-dennis-eva");
        using var onlineJson = JsonDocument.Parse(online.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var first = onlineJson.RootElement.GetProperty("hasCourseInstance")[0];
        Assert.Equal("online", first.GetProperty("courseMode").GetString());
        Assert.Equal("VirtualLocation", first.GetProperty("location").GetProperty("@type").GetString());

        var (_, paid) = await GetHtmlAsync("/leeragenda/intervisie-jobcoaches");
        using var paidJson = JsonDocument.Parse(paid.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal(95m, paidJson.RootElement.GetProperty("hasCourseInstance")[0].GetProperty("offers").GetProperty("price").GetDecimal());
    }

    [Fact]
    public async Task Seats_left_come_from_the_enrolment_contract_and_a_full_group_says_vol()
    {
        var factory = await SiteAsync();
        var taken = new Dictionary<string, int> { ["harrie-training-groep-1"] = 12, ["harrie-training-groep-2"] = 5 };
        await using var site = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddScoped<IEditionSeats>(_ => new FixedSeats(taken))));
        using var client = site.CreateClient();

        var html = await Parser.ParseDocumentAsync(await client.GetStringAsync("/leeragenda/harrie-training"));
        var editions = html.QuerySelectorAll("li.edition").ToDictionary(e => e.QuerySelector("h3")!.TextContent.Trim());
        Assert.Equal("Vol", editions["Groep 1"].QuerySelector(".edition-seats-left")!.TextContent.Trim());
        Assert.Equal("7", editions["Groep 2"].QuerySelector(".edition-seats-left")!.TextContent.Trim());
        Assert.Equal("12", editions["Groep 3"].QuerySelector(".edition-seats-left")!.TextContent.Trim());

        using var json = JsonDocument.Parse(html.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal(0, json.RootElement.GetProperty("hasCourseInstance")[0].GetProperty("remainingAttendeeCapacity").GetInt32());

        using var api = JsonDocument.Parse(await client.GetStringAsync("/api/leeragenda"));
        var harrie = api.RootElement.GetProperty("offerings").EnumerateArray().Single(o => o.GetProperty("id").GetString() == "harrie-training");
        var seats = harrie.GetProperty("editions").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("seatsLeft").GetInt32());
        Assert.Equal(0, seats["harrie-training-groep-1"]);
        Assert.Equal(7, seats["harrie-training-groep-2"]);
    }

    private sealed class FixedSeats(IReadOnlyDictionary<string, int> taken) : IEditionSeats
    {
        public Task<IReadOnlyDictionary<string, int>> TakenAsync(IReadOnlyCollection<string> editionIds) =>
            Task.FromResult<IReadOnlyDictionary<string, int>>(editionIds.Where(taken.ContainsKey).ToDictionary(id => id, id => taken[id]));
    }

    [Fact]
    public async Task Unknown_offering_is_a_themed_404()
    {
        var (response, html) = await GetHtmlAsync("/leeragenda/bestaat-niet");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("nl", html.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Pagina niet gevonden", html.QuerySelector("h1")!.TextContent);
    }

    // ---------------------------------------------------------------- feeds

    [Fact]
    public async Task Calendar_feed_has_one_valid_event_per_upcoming_session()
    {
        var api = await ApiOfferingsAsync();
        using var client = (await SiteAsync()).CreateClient();
        var response = await client.GetAsync("/leeragenda.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Contains("leeragenda.ics", response.Content.Headers.ContentDisposition!.ToString());
        var ics = await response.Content.ReadAsStringAsync();

        var sessionCount = api.Sum(o => o.Sessions.Count);
        Assert.Equal(sessionCount, Regex.Matches(ics, "^BEGIN:VEVENT\r$", RegexOptions.Multiline).Count);
        AssertWellFormedIcs(ics);

        var calendar = Ical.Net.Calendar.Load(ics)!;
        Assert.Equal(sessionCount, calendar.Events.Count);
        var harrie = calendar.Events.Single(e => e.Uid == "harrie-training-groep-1-dag-1@leeracademie");
        Assert.StartsWith("HARRIE-training", harrie.Summary);
        Assert.Contains("Groep 1", harrie.Summary);
        Assert.Contains("Arnhem", harrie.Location);
        Assert.EndsWith("/leeragenda/harrie-training", harrie.Url!.ToString());
        Assert.StartsWith("Tweedaagse training", harrie.Description);
        var apiSession = api.Single(o => o.Slug == "harrie-training").Sessions.Single(s => s.Id == "harrie-training-groep-1-dag-1");
        Assert.Matches($"DTSTART:{apiSession.Start:yyyyMMdd'T'HHmmss}Z", ics);
    }

    [Fact]
    public async Task Session_calendar_file_has_the_one_session_or_is_404()
    {
        using var client = (await SiteAsync()).CreateClient();
        var response = await client.GetAsync("/leeragenda/harrie-training/bijeenkomsten/harrie-training-groep-2-dag-1.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("harrie-training-groep-2-dag-1.ics", response.Content.Headers.ContentDisposition!.ToString());
        var ics = await response.Content.ReadAsStringAsync();
        AssertWellFormedIcs(ics);
        var calendar = Ical.Net.Calendar.Load(ics)!;
        var single = Assert.Single(calendar.Events);
        Assert.Equal("harrie-training-groep-2-dag-1@leeracademie", single.Uid);
        Assert.Contains("Zevenaar", single.Location);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/leeragenda/harrie-training/bijeenkomsten/bestaat-niet.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/leeragenda/igm-verdieping/bijeenkomsten/harrie-training-groep-2-dag-1.ics")).StatusCode);
    }

    [Fact]
    public async Task Api_returns_published_offerings_with_editions_and_iso_utc_sessions()
    {
        using var client = (await SiteAsync()).CreateClient();
        var response = await client.GetAsync("/api/leeragenda");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        AssertIsoUtc(root.GetProperty("generatedUtc").GetString()!);
        var offerings = root.GetProperty("offerings").EnumerateArray().ToList();
        Assert.True(offerings.Count >= 30);
        Assert.Equal(offerings.Count, offerings.Select(o => o.GetProperty("id").GetString()).Distinct().Count());

        var harrie = offerings.Single(o => o.GetProperty("id").GetString() == "harrie-training");
        Assert.Equal("Training", harrie.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(harrie.GetProperty("typeName").GetString()));
        Assert.Equal("harrie-training", harrie.GetProperty("slug").GetString());
        Assert.Matches("^https?://[^/]+/leeragenda/harrie-training$", harrie.GetProperty("url").GetString()!);
        Assert.StartsWith("Tweedaagse", harrie.GetProperty("summary").GetString());
        Assert.Equal("werkgeversservicepunt", harrie.GetProperty("organiser").GetProperty("id").GetString());
        Assert.Equal("Werkgeversservicepunt Midden-Gelderland", harrie.GetProperty("organiser").GetProperty("name").GetString());
        Assert.Contains(harrie.GetProperty("themes").EnumerateArray(), t => t.GetProperty("id").GetString() == "inclusief-werkgeverschap" && t.GetProperty("name").GetString() == "Inclusief werkgeverschap");
        Assert.Contains(harrie.GetProperty("audiences").EnumerateArray(), t => t.GetProperty("id").GetString() == "werkgevers");
        Assert.Equal("fysiek", harrie.GetProperty("form").GetString());
        var cost = harrie.GetProperty("cost");
        Assert.Equal(0m, cost.GetProperty("euros").GetDecimal());
        Assert.True(cost.GetProperty("free").GetBoolean());
        Assert.StartsWith("Om niet", cost.GetProperty("note").GetString());

        var editions = harrie.GetProperty("editions").EnumerateArray().ToList();
        Assert.Equal(8, editions.Count);
        Assert.All(editions, e =>
        {
            Assert.StartsWith("harrie-training-groep-", e.GetProperty("id").GetString());
            Assert.Equal(12, e.GetProperty("capacity").GetInt32());
            Assert.Equal(12, e.GetProperty("seatsLeft").GetInt32());
            var sessions = e.GetProperty("sessions").EnumerateArray().ToList();
            Assert.Equal(2, sessions.Count);
            Assert.All(sessions, s =>
            {
                AssertIsoUtc(s.GetProperty("start").GetString()!);
                AssertIsoUtc(s.GetProperty("end").GetString()!);
                Assert.False(s.GetProperty("online").GetBoolean());
                Assert.False(string.IsNullOrEmpty(s.GetProperty("place").GetString()));
                Assert.False(string.IsNullOrEmpty(s.GetProperty("location").GetString()));
            });
        });

        var webinar = offerings.Single(o => o.GetProperty("id").GetString() == "webinar-dennis-eva");
        var webinarSession = webinar.GetProperty("editions")[0].GetProperty("sessions")[0];
        Assert.True(webinarSession.GetProperty("online").GetBoolean());
        Assert.Equal(JsonValueKind.Null, webinarSession.GetProperty("place").ValueKind);
        var paid = offerings.Single(o => o.GetProperty("id").GetString() == "intervisie-jobcoaches");
        Assert.Equal(95m, paid.GetProperty("cost").GetProperty("euros").GetDecimal());
        Assert.False(paid.GetProperty("cost").GetProperty("free").GetBoolean());
    }

    // ---------------------------------------------------------------- publishing and the output cache

    [Fact]
    public async Task Unpublished_offering_disappears_from_catalogue_page_feeds_and_api_despite_the_output_cache()
    {
        const string id = "kennissessie-basisvaardigheden";
        var factory = await SiteAsync();
        using var client = factory.CreateClient();
        var session = (await ApiOfferingsAsync()).Single(o => o.Id == id).Sessions[0].Id;
        string[] urls = ["/leeragenda?q=basisvaardigheden", "/leeragenda/" + id, "/leeragenda.ics", "/api/leeragenda", $"/leeragenda/{id}/bijeenkomsten/{session}.ics"];

        // Fill the output cache and show it serves these pages.
        foreach (var url in urls)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        }
        var cached = await client.GetAsync("/leeragenda/" + id);
        Assert.True(cached.Headers.Age is not null, "The offering page should come from the output cache.");
        Assert.Contains(id, await (await client.GetAsync("/leeragenda?q=basisvaardigheden")).Content.ReadAsStringAsync());

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<ContentManager>().UnpublishAsync(id));
        }
        try
        {
            var (_, catalogue) = await GetHtmlAsync("/leeragenda?q=basisvaardigheden");
            Assert.Equal(0, ResultCount(catalogue));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/leeragenda/" + id)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/leeragenda/{id}/bijeenkomsten/{session}.ics")).StatusCode);
            Assert.DoesNotContain($"UID:{session}@leeracademie", await client.GetStringAsync("/leeragenda.ics"));
            Assert.DoesNotContain(await ApiOfferingsAsync(), o => o.Id == id);
        }
        finally
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ContentManager>().PublishAsync(id);
        }

        // Publishing again brings it back, also past the cache.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/leeragenda/" + id)).StatusCode);
        Assert.Contains($"UID:{session}@leeracademie", await client.GetStringAsync("/leeragenda.ics"));
    }

    // ---------------------------------------------------------------- home page and pages

    [Fact]
    public async Task Home_page_has_site_name_search_form_and_the_next_six_offerings()
    {
        var api = await ApiOfferingsAsync();
        var (response, html) = await GetHtmlAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nl", html.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Regionale Leeracademie Midden-Gelderland", html.QuerySelectorAll("h1").Single().TextContent.Trim());
        Assert.Contains("Samen leren", html.QuerySelector("main")!.TextContent);
        var search = html.QuerySelector("form[action='/leeragenda'][method=get]")!;
        var input = search.QuerySelector("input[name=q]")!;
        Assert.NotNull(search.QuerySelector($"label[for='{input.Id}']"));

        var cards = html.QuerySelectorAll(".offering-card h3 a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(6, cards.Count);
        var (_, catalogue) = await GetHtmlAsync("/leeragenda");
        Assert.Equal(Cards(catalogue).Take(6).Select(s => "/leeragenda/" + s), cards);
        Assert.All(cards, href => Assert.Contains(api, o => "/leeragenda/" + o.Slug == href));
    }

    [Fact]
    public async Task Pages_are_served_by_slug_without_shadowing_module_routes()
    {
        // The Werkcentrum module's /werkcentrum took over the page of that slug and shows its title and text.
        var (response, html) = await GetHtmlAsync("/werkcentrum");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Werkcentrum Midden-Gelderland", html.QuerySelectorAll("h1").Single().TextContent.Trim());
        Assert.NotNull(html.QuerySelector(".werkcentrum-intro h2"));

        var (about, aboutHtml) = await GetHtmlAsync("/over-de-leeracademie");
        Assert.Equal(HttpStatusCode.OK, about.StatusCode);
        Assert.Single(aboutHtml.QuerySelectorAll("h1"));
        Assert.NotNull(aboutHtml.QuerySelector(".page__body"));

        var (missing, missingHtml) = await GetHtmlAsync("/bestaat-niet");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("nl", missingHtml.DocumentElement.GetAttribute("lang"));

        // An offering's slug is not a page, and module routes still win.
        Assert.Equal(HttpStatusCode.NotFound, (await GetHtmlAsync("/harrie-training")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetHtmlAsync("/leeragenda")).Response.StatusCode);
        using var client = (await SiteAsync()).CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
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
