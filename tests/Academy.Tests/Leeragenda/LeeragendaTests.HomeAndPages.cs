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

/// <summary>The home page and the pages served by slug.</summary>
public abstract partial class LeeragendaTests
{
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
}
