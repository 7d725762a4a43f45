using System.Globalization;
using System.Text.RegularExpressions;
using Academy.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Academy.E2E;

/// <summary>
/// The journey of the issue: "the leer-coördinator logs in, creates a Workshop with one edition of two
/// sessions and publishes it; a visitor finds it through the filters and downloads its .ics".
/// Forms are filled by their visible labels, so the test also proves the labels are there and right.
/// </summary>
[Collection("site")]
public sealed class LeeragendaJourneyTests(SiteFixture site) : SiteTest(site)
{
    private const string Place = "Doesburg";
    private const string Location = "Gemeentehuis Doesburg, Raadhuisplein 1";
    private const string GroupName = "Groep Doesburg";

    [Fact]
    public async Task Coordinator_publishes_a_workshop_and_a_visitor_without_javascript_finds_it_by_filters_and_downloads_its_ics()
    {
        var runId = Guid.NewGuid().ToString("N")[..8];
        var title = $"E2E-workshop samen werven {runId}";

        // Two days about three weeks ahead, in Amsterdam time (as the admin takes them).
        var firstDay = SiteActions.AmsterdamToday().AddDays(21);
        var secondDay = firstDay.AddDays(1);
        var sessions = new[]
        {
            new SessionPlan(firstDay, new TimeOnly(9, 30), new TimeOnly(12, 30)),
            new SessionPlan(secondDay, new TimeOnly(13, 0), new TimeOnly(16, 30)),
        };

        var publicPath = await CoordinatorPublishesWorkshopAsync(title, sessions);
        await VisitorFindsWorkshopAndDownloadsIcsAsync(title, publicPath, sessions);
    }

    // ------------------------------------------------------------------ the leer-coördinator

    /// <returns>The public path of the published workshop, from the editor's "Bekijk op de website" link.</returns>
    private async Task<string> CoordinatorPublishesWorkshopAsync(string title, IReadOnlyList<SessionPlan> sessions)
    {
        var page = await NewPageAsync();

        // The admin asks an anonymous visitor to log in first, and comes back afterwards.
        await page.GotoAsync("/admin/aanbod");
        await Expect(page).ToHaveURLAsync(new Regex("/account/inloggen"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inloggen", Level = 1 })).ToBeVisibleAsync();
        await SiteActions.LogInAsync(page, SiteFixture.CoordinatorEmail, SiteFixture.CoordinatorPassword);
        await Expect(page).ToHaveURLAsync(new Regex(@"/admin/aanbod$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aanbod", Exact = true, Level = 1 })).ToBeVisibleAsync();

        // Nieuw aanbod → Workshop.
        await page.GetByRole(AriaRole.Link, new() { Name = "Nieuw aanbod", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/admin/aanbod/nieuw$"));
        await page.GetByRole(AriaRole.Group, new() { Name = "Welk soort aanbod wilt u maken?" })
            .GetByRole(AriaRole.Radio, new() { Name = "Workshop", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Verder", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/admin/aanbod/nieuw/Workshop$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nieuw aanbod: Workshop", Level = 1 })).ToBeVisibleAsync();

        // General information.
        await page.GetByLabel("Titel", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Samenvatting", new() { Exact = true }).FillAsync(
            "Een praktische workshop over skillsgericht werven voor werkgeversdienstverleners in de regio.");
        await page.GetByLabel("Beschrijving", new() { Exact = true }).FillAsync(
            "## Wat leer je?\n\n- vacatures skillsgericht opstellen\n- kandidaten zonder diploma herkennen\n");
        await page.GetByLabel("Organisator", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Gemeente Doesburg (Doesburg)" });
        await page.GetByRole(AriaRole.Group, new() { Name = "Thema", Exact = true })
            .GetByLabel("Skillsgericht werken", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Doelgroep", Exact = true })
            .GetByLabel("Werkgeversdienstverleners en accountmanagers", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Vorm", Exact = true })
            .GetByRole(AriaRole.Radio, new() { Name = "Fysiek", Exact = true }).CheckAsync();
        await page.GetByLabel("Kosten in euro", new() { Exact = true }).FillAsync("0");

        // One group (edition) with its first session; the new form already has one empty group with one empty session.
        var group = Group(page);
        await group.GetByLabel("Naam van de groep", new() { Exact = true }).FillAsync(GroupName);
        await group.GetByLabel("Aantal plaatsen", new() { Exact = true }).FillAsync("16");
        await FillSessionAsync(page, 1, sessions[0]);

        // "Bijeenkomst toevoegen" posts the form and shows it again with a second, empty session.
        await group.GetByRole(AriaRole.Button, new() { Name = "Bijeenkomst toevoegen aan groep 1", Exact = true }).ClickAsync();
        await Expect(page.Locator("#statusmelding")).ToContainTextAsync("Bijeenkomst 2 is toegevoegd aan groep 1");
        var second = Session(page, 2);
        await Expect(second).ToBeVisibleAsync();
        // Nothing typed so far is lost, and the keyboard focus is in the new session.
        await Expect(page.GetByLabel("Titel", new() { Exact = true })).ToHaveValueAsync(title);
        await Expect(Session(page, 1).GetByLabel("Datum", new() { Exact = true })).ToHaveValueAsync(DateText(sessions[0].Day));
        await Expect(Session(page, 1).GetByLabel("Plaats", new() { Exact = true })).ToHaveValueAsync(Place);
        await Expect(second.GetByLabel("Datum", new() { Exact = true })).ToBeFocusedAsync();
        await FillSessionAsync(page, 2, sessions[1]);

        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en publiceren", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/admin/aanbod/(?!nieuw(/|$))[^/?#]+$"));
        var status = page.GetByRole(AriaRole.Status).Filter(new() { HasText = title });
        await Expect(status).ToHaveTextAsync($"'{title}' is opgeslagen en gepubliceerd.");
        await Expect(page.Locator("#publicatiestatus")).ToHaveTextAsync("Gepubliceerd");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{title} bewerken", Level = 1 })).ToBeVisibleAsync();

        var viewLink = page.GetByRole(AriaRole.Link, new() { Name = "Bekijk op de website", Exact = true });
        var publicPath = await viewLink.GetAttributeAsync("href");
        Assert.NotNull(publicPath);
        Assert.Matches(new Regex(@"^/leeragenda/[a-z0-9-]+$"), publicPath);
        Assert.EndsWith(title.Split(' ')[^1], publicPath); // the slug is derived from the (unique) title
        return publicPath;
    }

    private static ILocator Group(IPage page) =>
        page.GetByRole(AriaRole.Group, new() { NameRegex = new Regex(@"^Groep 1(:|$)") });

    private static ILocator Session(IPage page, int number) =>
        Group(page).GetByRole(AriaRole.Group, new() { Name = $"Bijeenkomst {number} van groep 1", Exact = true });

    private static async Task FillSessionAsync(IPage page, int number, SessionPlan plan)
    {
        var session = Session(page, number);
        await session.GetByLabel("Datum", new() { Exact = true }).FillAsync(DateText(plan.Day));
        await session.GetByLabel("Begintijd", new() { Exact = true }).FillAsync(TimeText(plan.Start));
        await session.GetByLabel("Eindtijd", new() { Exact = true }).FillAsync(TimeText(plan.End));
        await session.GetByLabel("Locatie", new() { Exact = true }).FillAsync(Location);
        await session.GetByLabel("Plaats", new() { Exact = true }).FillAsync(Place);
    }

    // ------------------------------------------------------------------ the visitor, without JavaScript

    private async Task VisitorFindsWorkshopAndDownloadsIcsAsync(string title, string publicPath, IReadOnlyList<SessionPlan> sessions)
    {
        var page = await NewPageAsync(options => options.JavaScriptEnabled = false);
        var month = sessions[0].Day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

        var response = await page.GotoAsync("/leeragenda");
        Assert.Equal(200, response?.Status);

        var search = page.GetByRole(AriaRole.Search, new() { Name = "Leeragenda doorzoeken", Exact = true });
        await search.GetByLabel("Soort aanbod", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Workshop" });
        await search.GetByLabel("Maand", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = month });
        await search.GetByLabel("Plaats", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = Place });
        await search.GetByRole(AriaRole.Button, new() { Name = "Toon resultaten", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(
            $@"/leeragenda\?(?=(.*&)?type=Workshop(&|$))(?=(.*&)?month={month}(&|$))(?=(.*&)?place={Place}(&|$))"));
        // The chosen filters are shown, and every result is a Workshop.
        var activeFilters = page.GetByRole(AriaRole.List, new() { Name = "Actieve filters", Exact = true });
        await Expect(activeFilters).ToContainTextAsync("Soort aanbod: Workshop");
        await Expect(activeFilters).ToContainTextAsync($"Plaats: {Place}");
        var cards = page.Locator("ol.offering-list > li");
        var count = await cards.CountAsync();
        Assert.True(count >= 1, "the filtered leeragenda shows no results at all");
        for (var i = 0; i < count; i++)
        {
            await Expect(cards.Nth(i).Locator(".badge").First).ToHaveTextAsync(new Regex(@"Workshop\s*$"));
        }

        var result = page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true });
        await Expect(result).ToHaveCountAsync(1);
        await Expect(result).ToHaveAttributeAsync("href", publicPath);
        await result.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(publicPath) + "$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Exact = true, Level = 1 })).ToBeVisibleAsync();

        // Both sessions of the group are listed, in Amsterdam time.
        var table = page.GetByRole(AriaRole.Table, new() { Name = $"Bijeenkomsten van {GroupName}", Exact = true });
        var rows = table.Locator("tbody > tr");
        await Expect(rows).ToHaveCountAsync(2);
        for (var i = 0; i < sessions.Count; i++)
        {
            var plan = sessions[i];
            await Expect(rows.Nth(i).Locator("time").First).ToHaveAttributeAsync("datetime", IsoLocal(plan.Day, plan.Start));
            await Expect(rows.Nth(i)).ToContainTextAsync($"{TimeText(plan.Start)} tot {TimeText(plan.End)} uur");
            await Expect(rows.Nth(i)).ToContainTextAsync(Place);
        }

        // "Zet in agenda" of the first session downloads its .ics file.
        var icsLink = rows.Nth(0).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Zet in agenda") });
        var href = await icsLink.GetAttributeAsync("href");
        Assert.NotNull(href);
        Assert.Matches(new Regex("^" + Regex.Escape(publicPath) + @"/bijeenkomsten/[^/]+\.ics$"), href);
        var download = await page.RunAndWaitForDownloadAsync(() => icsLink.ClickAsync());
        Assert.EndsWith(".ics", download.SuggestedFilename);
        var path = await download.PathAsync();
        Assert.NotNull(path);
        AssertIcsEvent(await File.ReadAllTextAsync(path), title, sessions[0]);

        // The second session's link serves its own event (fetched without the browser's download handling).
        var secondHref = await rows.Nth(1).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Zet in agenda") }).GetAttributeAsync("href");
        Assert.NotNull(secondHref);
        Assert.NotEqual(href, secondHref);
        var secondResponse = await page.APIRequest.GetAsync(secondHref);
        Assert.Equal(200, secondResponse.Status);
        Assert.StartsWith("text/calendar", secondResponse.Headers["content-type"]);
        AssertIcsEvent(await secondResponse.TextAsync(), title, sessions[1]);
    }

    private static void AssertIcsEvent(string ics, string title, SessionPlan plan)
    {
        Assert.Contains("\r\n", ics); // RFC 5545: CRLF line ends
        var lines = ics.Replace("\r\n ", "").Replace("\r\n\t", "") // unfold
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        Assert.Single(lines, l => l == "BEGIN:VEVENT");
        Assert.Single(lines, l => l == "END:VEVENT");
        Assert.Contains("SUMMARY:" + title, lines);
        Assert.Contains("DTSTART:" + UtcStamp(plan.Day, plan.Start), lines);
        Assert.Contains("DTEND:" + UtcStamp(plan.Day, plan.End), lines);
        Assert.Contains(lines, l => l.StartsWith("LOCATION:", StringComparison.Ordinal) && l.Contains(Place, StringComparison.Ordinal));
    }

    // ------------------------------------------------------------------ formats

    private sealed record SessionPlan(DateOnly Day, TimeOnly Start, TimeOnly End);

    /// <summary>How the admin takes a date: dd-mm-jjjj.</summary>
    private static string DateText(DateOnly day) => day.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    private static string TimeText(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string UtcStamp(DateOnly day, TimeOnly time) =>
        SiteActions.AmsterdamToUtc(day, time).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The datetime attribute of the detail page: local time with offset, e.g. 2027-03-09T09:00+01:00.</summary>
    private static string IsoLocal(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, SiteActions.Amsterdam.GetUtcOffset(local)).ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);
    }
}
