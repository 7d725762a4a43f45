namespace Academy.Tests.Search;

/// <summary>The community's articles, files and replies at /zoeken and /api/zoeken (SQLite), on the shared search site.</summary>
public sealed partial class SearchPageTests
{
    /// <summary>Replies and files the seeded recipe cannot hold (added once per site), with the page each must find.</summary>
    public static TheoryData<string, string, string> CommunityRelevance => new()
    {
        { "terugblik energie", "/community/igm-in-de-praktijk/", "words only in a reply find its topic" },
        { "gesprekskaart", "/community/igm-in-de-praktijk/bestanden", "a part of a file's name" },
        { "IGM gesprekskaart motivatie", "/community/igm-in-de-praktijk/bestanden", "a file's name, its parts joined by '_'" },
    };

    [Theory]
    [MemberData(nameof(CommunityRelevance))]
    public async Task A_reply_or_a_file_name_finds_its_place_in_the_top_three(string query, string expected, string shows)
    {
        await CommunitySearchScenarios.SeedReplyAndFileAsync(Factory);

        await A_dutch_question_finds_its_page_in_the_top_three(query, expected, shows);
    }

    [Fact]
    public async Task The_members_only_kennisbank_article_of_the_recipe_is_not_found_by_visitors()
    {
        var result = await SearchScenarios.ApiAsync(Visitor, "inlooppunten gids warm doorverwijzen");

        Assert.True(result.Total > 0);
        Assert.DoesNotContain(result.Hits, h => h.Url == "/community/kennisbank/kennisbank-inlooppunten-werkcentrum");
        Assert.DoesNotContain("Zo werken de inlooppunten", result.Json, StringComparison.Ordinal);
    }

    [Fact]
    public Task Members_only_articles_and_files_reach_members_only() => CommunitySearchScenarios.MembersOnlyArticlesAndFilesReachMembersOnlyAsync(Factory);

    [Fact]
    public Task Replies_find_their_topic_and_hidden_posts_leave_the_index() => CommunitySearchScenarios.RepliesFindTheirTopicAndHiddenPostsLeaveTheIndexAsync(Factory);

    [Fact]
    public async Task The_search_page_has_one_search_box_with_suggestions_and_the_header_leaves_its_own_out()
    {
        var page = await Visitor.GetAsync("/zoeken?q=loonkostensubsidie");

        var form = Assert.Single(page.Document.QuerySelectorAll("form[role=search]"));
        Assert.NotNull(form.Closest("main"));
        Assert.Empty(page.Document.QuerySelectorAll("header input[type=search]"));
        var box = Assert.Single(page.Document.QuerySelectorAll("input[type=search]"));
        Assert.Equal("loonkostensubsidie", box.GetAttribute("value"));
        Assert.Equal("/zoeken/suggesties", box.GetAttribute("hx-get"));
        Assert.NotNull(page.Document.QuerySelector(box.GetAttribute("hx-target")!));
        // Every other page keeps the header's box.
        Assert.NotNull((await Visitor.GetAsync("/leeragenda")).Document.QuerySelector("header form[role=search] input[type=search]"));
    }
}
