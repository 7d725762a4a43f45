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

/// <summary>The offering page: facts, groups and seats, JSON-LD, and the 404 of an unknown offering.</summary>
public abstract partial class LeeragendaTests
{
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
}
