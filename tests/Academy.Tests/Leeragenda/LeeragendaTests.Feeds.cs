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

/// <summary>The iCalendar feeds, the JSON API, and what unpublishing removes from them despite the output cache.</summary>
public abstract partial class LeeragendaTests
{
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

        await Academy.Tests.Search.SearchScenarios.IndexSearchOnlyAsync(factory);
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
            // The index searches whole offerings, so others that mention the word may stay; this one is gone.
            var (_, catalogue) = await GetHtmlAsync("/leeragenda?q=basisvaardigheden");
            Assert.DoesNotContain(catalogue.QuerySelectorAll(".offering-card h3 a"), a => a.GetAttribute("href") == "/leeragenda/" + id);
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
}
