using System.Net;
using Academy.Testing;
using Academy.Tests.Admin;

namespace Academy.Tests.Search;

public sealed class SqliteSearchSite : SqliteSite;

public sealed class PostgresSearchSite : PostgresSite
{
    protected override string DatabaseName => "search";
}

/// <summary>/zoeken, /zoeken/suggesties and /api/zoeken on the seeded Midden-Gelderland site (SQLite).</summary>
public sealed partial class SearchPageTests(SqliteSearchSite site) : IClassFixture<SqliteSearchSite>, IAsyncLifetime
{
    private AcademyFactory Factory => site.Factory;

    private Browser Visitor => AdminTestKit.Anonymous(Factory);

    public Task InitializeAsync() => SearchScenarios.IndexAsync(Factory);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public Task Members_only_documents_never_show_to_visitors_or_non_members() => SearchScenarios.MembersOnlyDocumentsStayHiddenAsync(Factory);

    [Fact]
    public Task People_are_found_by_colleagues_only_while_their_profile_allows_it() => SearchScenarios.PeopleAreFoundByColleaguesWhileTheyAllowItAsync(Factory);

    [Fact]
    public async Task A_visitor_s_page_comes_from_the_output_cache_until_the_index_changes()
    {
        var word = SearchScenarios.RandomWord();
        var owner = await Community.CommunityKit.PersonAsync(Factory, "Professional", "Olga Open");
        var group = await Community.CommunityKit.GroupAsync(Factory, "cache-" + Community.CommunityKit.Letters(8), Academy.Community.Models.GroupKind.Themagroep,
            Academy.Community.Models.JoinPolicy.Open, Academy.Community.Models.AccessLevel.Public, owner.UserId!);
        var url = "/zoeken?q=" + word;
        await Visitor.Client.GetAsync(url);
        var cached = await Visitor.Client.GetAsync(url);
        var signedIn = await owner.Browser.Client.GetAsync(url);

        await SearchScenarios.StartTopicAsync(Factory, group, owner.UserId!, $"Nieuw over {word}", $"Een onderwerp over {word}.", Academy.Community.Models.AccessLevel.Public);
        await SearchScenarios.IndexAsync(Factory);
        var after = await Visitor.GetAsync(url);

        Assert.NotNull(cached.Headers.Age); // served from the cache
        Assert.DoesNotContain("Nieuw over " + word, await cached.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(signedIn.Headers.Age); // a signed-in person may read more: never a visitor's page
        Assert.Single(after.Document.QuerySelectorAll(".search-hit"));
        Assert.Contains("Nieuw over " + word, after.Document.QuerySelector(".search-hit h3")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_page_is_shared_only_by_viewers_with_the_same_access()
    {
        var word = SearchScenarios.RandomWord();
        var member = await Community.CommunityKit.PersonAsync(Factory, "Professional", "Mila Lid");
        var colleague = await Community.CommunityKit.PersonAsync(Factory, "Professional", "Kees Collega");
        var other = await Community.CommunityKit.PersonAsync(Factory, "Professional", "Olaf Ander");
        var group = await Community.CommunityKit.GroupAsync(Factory, "gedeeld-" + Community.CommunityKit.Letters(8), Academy.Community.Models.GroupKind.Themagroep,
            Academy.Community.Models.JoinPolicy.Closed, Academy.Community.Models.AccessLevel.Members, member.UserId!);
        await SearchScenarios.StartTopicAsync(Factory, group, member.UserId!, $"Alleen leden over {word}", $"Voor leden over {word}.", Academy.Community.Models.AccessLevel.Members);
        await SearchScenarios.IndexAsync(Factory);
        var url = "/zoeken?q=" + word;
        var title = "Alleen leden over " + word;

        await member.Browser.Client.GetAsync(url);
        var memberAgain = await member.Browser.Client.GetAsync(url);
        var colleagues = await colleague.Browser.Client.GetAsync(url);
        var others = await other.Browser.Client.GetAsync(url);
        // Once a member, the colleague may read what the member reads: the member's page.
        await Community.CommunityKit.MemberAsync(Factory, group.Id, colleague.UserId!);
        var joined = await colleague.Browser.Client.GetAsync(url);

        Assert.NotNull(memberAgain.Headers.Age);
        Assert.Contains(title, await memberAgain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(colleagues.Headers.Age); // not the member's page
        Assert.DoesNotContain(title, await colleagues.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(others.Headers.Age); // the same access as the colleague: the colleague's page
        Assert.DoesNotContain(title, await others.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(title, await joined.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Kees Collega", await others.Content.ReadAsStringAsync(), StringComparison.Ordinal); // nothing personal on a shared page
    }

    [Fact]
    public async Task Without_a_question_the_page_shows_one_box_and_tips()
    {
        var page = await Visitor.GetAsync("/zoeken");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var form = page.Document.QuerySelector("main form[role=search][method=get][action='/zoeken']")!;
        var box = form.QuerySelector("input[type=search][name=q]")!;
        Assert.NotNull(form.QuerySelector($"label[for='{box.Id}']"));
        Assert.Contains("Tips", page.Document.QuerySelector("main")!.TextContent);
        Assert.Empty(page.Document.QuerySelectorAll(".search-hit"));
    }

    [Fact]
    public async Task Results_are_grouped_by_kind_with_counts_and_open_the_document()
    {
        var page = await Visitor.GetAsync("/zoeken?q=loonkostensubsidie");

        var first = page.Document.QuerySelectorAll(".search-hit").First();
        Assert.Equal("/leeragenda/webinar-loonkostensubsidie", first.QuerySelector("h3 a")!.GetAttribute("href"));
        Assert.Contains("<mark>", first.QuerySelector(".search-hit__snippet")!.InnerHtml, StringComparison.Ordinal);
        var kinds = page.Document.QuerySelectorAll("nav.search-kinds a").Select(a => a.TextContent.Trim()).ToList();
        Assert.StartsWith("Alles (", kinds[0], StringComparison.Ordinal);
        Assert.Contains(kinds, k => k.StartsWith("Aanbod (", StringComparison.Ordinal));
        Assert.Equal("page", page.Document.QuerySelector("nav.search-kinds a")!.GetAttribute("aria-current"));

        var aanbod = page.Document.QuerySelectorAll("nav.search-kinds a").First(a => a.TextContent.Contains("Aanbod"));
        Assert.Equal("/zoeken?q=loonkostensubsidie&soort=aanbod", aanbod.GetAttribute("href"));
        var offerings = await Visitor.GetAsync(aanbod.GetAttribute("href")!);
        Assert.All(offerings.Document.QuerySelectorAll(".search-hit h3 a"), a => Assert.StartsWith("/leeragenda/", a.GetAttribute("href"), StringComparison.Ordinal));

        var opened = await Visitor.GetAsync(first.QuerySelector("h3 a")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, opened.Status);
    }

    [Fact]
    public async Task Facets_of_the_aanbod_are_checkboxes_in_a_get_form_that_narrow_the_results()
    {
        var page = await Visitor.GetAsync("/zoeken?q=training&soort=aanbod");
        var form = page.Document.QuerySelector("section.search-facets form[method=get]")!;
        var boxes = form.QuerySelectorAll("input[type=checkbox]").ToList();
        Assert.Contains(boxes, b => b.GetAttribute("name") == "f-vorm");
        Assert.Contains(boxes, b => b.GetAttribute("name") == "f-thema");
        Assert.All(boxes, b => Assert.NotNull(form.QuerySelector($"label[for='{b.Id}']")));
        var before = Hits(page);

        var online = boxes.First(b => b.GetAttribute("name") == "f-vorm");
        var narrowed = await Visitor.GetAsync($"/zoeken?q=training&f-vorm={Uri.EscapeDataString(online.GetAttribute("value")!)}");
        var after = Hits(narrowed);
        Assert.InRange(after, 1, before);
        Assert.Equal("checked", narrowed.Document.QuerySelector($"input[name=f-vorm][value='{online.GetAttribute("value")}']")!.GetAttribute("checked"));
    }

    [Fact]
    public async Task A_typo_offers_the_right_word_and_no_result_explains_what_to_do()
    {
        var typo = await Visitor.GetAsync("/zoeken?q=loonkostensubsdie");
        Assert.Contains(typo.Document.QuerySelectorAll(".search-hit h3 a"), a => a.GetAttribute("href") == "/leeragenda/webinar-loonkostensubsidie");

        var none = await Visitor.GetAsync("/zoeken?q=qqxqqzzwv");
        Assert.Equal(HttpStatusCode.OK, none.Status);
        Assert.Contains("We hebben niets gevonden.", none.Html);
        Assert.Contains("Log in als professional", none.Html);
        Assert.Empty(none.Document.QuerySelectorAll(".search-hit"));
    }

    [Fact]
    public async Task Paging_links_come_from_the_named_route_and_keep_the_search()
    {
        var page = await Visitor.GetAsync("/zoeken?q=werk");
        var next = page.Document.QuerySelector("nav.pagination a[rel=next]");
        Assert.NotNull(next);
        Assert.Equal("/zoeken?q=werk&pagina=2", next.GetAttribute("href"));
        var second = await Visitor.GetAsync(next.GetAttribute("href")!);
        Assert.Contains("pagina 2 van", second.Html);
        Assert.Equal("11", second.Document.QuerySelector("ol.search-hits")!.GetAttribute("start"));
    }

    [Fact]
    public async Task Suggestions_are_a_fragment_of_links_for_htmx_and_the_search_itself_without_it()
    {
        var fragment = await SearchScenarios.SuggestionsAsync(Visitor, "loonkosten");
        Assert.DoesNotContain("<html", fragment, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"/leeragenda/webinar-loonkostensubsidie\"", fragment, StringComparison.Ordinal);
        Assert.Contains("href=\"/zoeken?q=loonkosten\"", fragment, StringComparison.Ordinal);

        var plain = await Visitor.Client.GetAsync("/zoeken/suggesties?q=loonkosten");
        Assert.Equal(HttpStatusCode.Redirect, plain.StatusCode);
        Assert.Equal("/zoeken?q=loonkosten", plain.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_header_of_every_public_page_has_a_search_box_that_works_without_javascript()
    {
        var home = await Visitor.GetAsync("/");
        var form = home.Document.QuerySelector("header form[role=search]")!;
        Assert.Equal("/zoeken", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        var box = form.QuerySelector("input[name=q]")!;
        Assert.NotNull(form.QuerySelector($"label[for='{box.Id}']"));
        Assert.Equal("/zoeken/suggesties", box.GetAttribute("hx-get"));
        Assert.NotNull(home.Document.QuerySelector("script[src*='htmx.min.js']"));
    }

    public static TheoryData<string> BadQueries => new()
    {
        "title:geheim", "*", "?", "~", "schulden~2", "\"onafgesloten", "a AND OR NOT", "(((", ")", "\\", "/regex/", "[a TO z]",
        "{*}", "+-!", "&&||", "%", "_", "<script>alert(1)</script>", "q\u0000nul", new string('a', 5_000),
        string.Join(' ', Enumerable.Repeat("woord*", 1_000)),
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Bad_input_never_gives_a_server_error(string query)
    {
        var q = Uri.EscapeDataString(query);
        foreach (var url in new[] { $"/zoeken?q={q}", $"/zoeken?q={q}&soort=aanbod&f-maand={q}&pagina={q}", $"/api/zoeken?q={q}", $"/zoeken/suggesties?q={q}" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("HX-Request", "true");
            var response = await Visitor.Client.SendAsync(request);
            Assert.True((int)response.StatusCode < 500, $"{url[..Math.Min(url.Length, 80)]} gave {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_api_asks_for_a_question_and_escapes_snippets()
    {
        var empty = await Visitor.Client.GetAsync("/api/zoeken");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("zoekterm", await empty.Content.ReadAsStringAsync());

        var result = await SearchScenarios.ApiAsync(Visitor, "igm");
        Assert.True(result.Total > 0);
        Assert.All(result.Hits, h => Assert.DoesNotContain("<script", h.Snippet, StringComparison.OrdinalIgnoreCase));
    }

    private static int Hits(Page page) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(page.Document.QuerySelector(".search-results [role=status]")!.TextContent, @"\d+").Value,
            System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The access rules of the search on PostgreSQL: the same scenarios over the other provider's task log and key queries.</summary>
[Collection("postgres")]
public sealed class SearchPagesPostgresTests(PostgresFixture postgres, PostgresSearchSite site) : IClassFixture<PostgresSearchSite>
{
    [Fact]
    public async Task Members_only_documents_never_show_to_visitors_or_non_members_on_postgres()
    {
        var factory = await site.GetAsync(postgres);
        await SearchScenarios.IndexAsync(factory);
        await SearchScenarios.MembersOnlyDocumentsStayHiddenAsync(factory);
    }

    [Fact]
    public async Task People_are_found_by_colleagues_only_while_their_profile_allows_it_on_postgres()
    {
        var factory = await site.GetAsync(postgres);
        await SearchScenarios.IndexAsync(factory);
        await SearchScenarios.PeopleAreFoundByColleaguesWhileTheyAllowItAsync(factory);
    }

    [Fact]
    public async Task Members_only_articles_and_files_reach_members_only_on_postgres()
    {
        var factory = await site.GetAsync(postgres);
        await SearchScenarios.IndexAsync(factory);
        await CommunitySearchScenarios.MembersOnlyArticlesAndFilesReachMembersOnlyAsync(factory);
    }

    [Fact]
    public async Task Replies_find_their_topic_and_hidden_posts_leave_the_index_on_postgres()
    {
        var factory = await site.GetAsync(postgres);
        await SearchScenarios.IndexAsync(factory);
        await CommunitySearchScenarios.RepliesFindTheirTopicAndHiddenPostsLeaveTheIndexAsync(factory);
    }
}
