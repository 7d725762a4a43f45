using System.Net;
using Academy.Community.Models;
using Academy.Community.Services;
using Microsoft.EntityFrameworkCore;

namespace Academy.Tests.Community;

/// <summary>Groups and discussions on SQLite: journeys, bad input (a clear Dutch message or 403/404, nothing changed).</summary>
public sealed class CommunityFlowTests(CommunitySite site) : IClassFixture<CommunitySite>
{
    private async Task<(Person Manager, Person Member, CommunityGroup Group, Topic Topic)> GroupWithTopicAsync(GroupKind kind = GroupKind.Themagroep, bool closed = false)
    {
        var manager = await CommunityKit.PersonAsync(site.Factory, "Professional", "Mees Manager");
        var member = await CommunityKit.PersonAsync(site.Factory, "Professional", "Anna Lid");
        site.Profiles.Add(CommunityScenarios.Profile(manager));
        site.Profiles.Add(CommunityScenarios.Profile(member));
        var group = await CommunityKit.GroupAsync(site.Factory, "g-" + CommunityKit.Letters(8), kind, JoinPolicy.Open, AccessLevel.Professionals, manager.UserId!);
        await CommunityKit.MemberAsync(site.Factory, group.Id, member.UserId!);
        var topic = await CommunityKit.TopicAsync(site.Factory, group.Id, manager.UserId!, "Onderwerp " + group.Slug, AccessLevel.Professionals, closed);
        return (manager, member, group, topic);
    }

    [Fact]
    public Task The_topic_page_shows_changes_made_elsewhere_at_the_next_request() =>
        CommunityScenarios.TopicPageShowsChangesMadeElsewhereAsync(site.Factory, site.Profiles);

    /// <summary>On a site of its own: the step resets every topic's version, which the shared site's cache must not see.</summary>
    [Fact]
    public async Task Existing_topics_gain_the_posts_version_and_its_triggers()
    {
        await using var own = CommunitySite.Create(null, new FakeMemberProfiles());
        await CommunityScenarios.ExistingTopicsGainThePostsVersionAsync(own);
    }

    [Fact]
    public Task Topic_pages_are_the_same_from_the_cache_and_the_database() =>
        CommunityScenarios.TopicPagesAreTheSameFromTheCacheAndTheDatabaseAsync(site.Factory, site.Profiles);

    [Fact]
    public Task A_closed_group_request_is_approved_and_the_member_starts_a_topic_with_events() =>
        CommunityScenarios.JoinApproveAndStartTopicAsync(site.Factory, site.Profiles);

    [Fact]
    public Task A_casus_with_a_bsn_is_refused_and_only_the_kind_is_recorded() =>
        CommunityScenarios.CasusWithBsnIsRefusedAsync(site.Factory);

    [Fact]
    public async Task A_reply_to_a_closed_topic_gets_a_dutch_message_and_changes_nothing()
    {
        var (_, member, group, topic) = await GroupWithTopicAsync(closed: true);
        var page = await member.PostAsync($"/community/{group.Slug}/{topic.Id}/reageren", ("Body", "Nog één ding"));
        Assert.Equal(HttpStatusCode.Conflict, page.Status);
        Assert.Contains("Dit onderwerp is gesloten", page.Document.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("Nog één ding", page.Document.QuerySelector("textarea[name=Body]")?.TextContent ?? "Nog één ding");
        Assert.Equal(0, await CommunityKit.RepliesAsync(site.Factory, topic.Id));
    }

    [Fact]
    public async Task A_forged_group_for_a_topic_is_404_and_changes_nothing()
    {
        var (_, member, _, topic) = await GroupWithTopicAsync();
        var (_, _, other, _) = await GroupWithTopicAsync();
        await CommunityKit.MemberAsync(site.Factory, other.Id, member.UserId!);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Browser.GetAsync($"/community/{other.Slug}/{topic.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostAsync($"/community/{other.Slug}/{topic.Id}/reageren", ("Body", "Via een andere groep"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostAsync($"/community/bestaat-niet/{topic.Id}/reageren", ("Body", "Via een verzonnen groep"))).Status);
        Assert.Equal(0, await CommunityKit.RepliesAsync(site.Factory, topic.Id));
    }

    [Fact]
    public async Task An_oversized_body_gets_a_dutch_message_and_keeps_nothing()
    {
        var (_, member, group, topic) = await GroupWithTopicAsync();
        var body = new string('a', PostRules.MaxBodyLength + 1);
        var reply = await member.PostAsync($"/community/{group.Slug}/{topic.Id}/reageren", ("Body", body));
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Contains(reply.ErrorSummary, e => e.Contains("te lang", StringComparison.Ordinal));
        var created = await member.PostAsync($"/community/{group.Slug}/nieuw", ("Title", new string('t', 201)), ("Body", "kort"));
        Assert.Contains(created.ErrorSummary, e => e.Contains("titel is te lang", StringComparison.Ordinal));
        Assert.Equal(0, await CommunityKit.RepliesAsync(site.Factory, topic.Id));
        Assert.Equal(1, await CommunityKit.TopicCountAsync(site.Factory, group.Id));
    }

    [Fact]
    public async Task Outside_casuistiek_the_guard_warns_and_saves_after_confirming()
    {
        var (_, member, group, topic) = await GroupWithTopicAsync();
        const string body = "Bel me gerust op 06-12345678.";
        var warned = await member.PostAsync($"/community/{group.Slug}/{topic.Id}/reageren", ("Body", body));
        Assert.Equal(HttpStatusCode.OK, warned.Status);
        Assert.Contains("telefoonnummer", warned.Document.QuerySelector("#privacywaarschuwing")!.TextContent);
        Assert.Equal(body, warned.Document.QuerySelector("textarea[name=Body]")!.TextContent);
        Assert.NotNull(warned.Input("ConfirmPrivacy"));
        Assert.Equal(0, await CommunityKit.RepliesAsync(site.Factory, topic.Id));

        var saved = await member.PostAsync($"/community/{group.Slug}/{topic.Id}/reageren", ("Body", body), ("ConfirmPrivacy", "true"));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(1, await CommunityKit.RepliesAsync(site.Factory, topic.Id));
        var finding = await CommunityKit.QueryAsync(site.Factory, db => db.Set<PrivacyFindingRecord>().SingleAsync(f => f.GroupId == group.Id));
        Assert.False(finding.Refused);
        Assert.Equal("Phone", finding.Kinds);
    }

    [Fact]
    public async Task A_casus_topic_outside_a_casuistiek_group_refuses_personal_data_in_replies()
    {
        var (_, member, group, _) = await GroupWithTopicAsync();
        var created = await member.PostAsync($"/community/{group.Slug}/nieuw", ("Title", "Casus over schulden"), ("Body", "Mevrouw B., 50 jaar."), ("IsCasus", "true"), ("Access", "Professionals"));
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var casus = await CommunityKit.QueryAsync(site.Factory, db => db.Set<Topic>().SingleAsync(t => t.GroupId == group.Id && t.IsCasus));
        var refused = await member.PostAsync($"/community/{group.Slug}/{casus.Id}/reageren", ("Body", "Ze woont op 6811 AB 12."), ("ConfirmPrivacy", "true"));
        Assert.Contains(refused.ErrorSummary, e => e.Contains("postcode met huisnummer", StringComparison.Ordinal));
        Assert.Equal(0, await CommunityKit.RepliesAsync(site.Factory, casus.Id));
    }

    [Fact]
    public async Task Quoting_fills_the_reply_form_without_javascript()
    {
        var (_, member, group, topic) = await GroupWithTopicAsync();
        var page = await member.Browser.GetAsync($"/community/{group.Slug}/{topic.Id}?citeer=0");
        var text = page.Document.QuerySelector("textarea[name=Body]")!.TextContent;
        Assert.StartsWith("> Tekst van " + topic.Title, text);
        Assert.Contains("— Mees Manager", text);
        Assert.NotNull(page.Document.QuerySelector($"a[href='/community/{group.Slug}/{topic.Id}?citeer=0#reageren']"));
    }

    [Fact]
    public async Task Editing_keeps_a_history_whose_text_only_the_author_and_managers_see()
    {
        var (manager, member, group, topic) = await GroupWithTopicAsync();
        var reader = await CommunityKit.PersonAsync(site.Factory, "Professional", "Rik Lezer");
        var edited = await manager.PostAsync($"/community/{group.Slug}/{topic.Id}/bewerken?bericht=0", ("Title", "Nieuwe titel"), ("Body", "Nieuwe tekst"));
        Assert.Equal(HttpStatusCode.Redirect, edited.Status);
        Assert.Equal("forbidden", CommunityKit.Outcome(await member.PostAsync($"/community/{group.Slug}/{topic.Id}/bewerken?bericht=0", ("Title", "Van een ander"), ("Body", "Mag niet"))));

        var authorView = await manager.Browser.GetAsync($"/community/{group.Slug}/{topic.Id}/geschiedenis?bericht=0");
        Assert.Contains("Tekst van " + topic.Title, authorView.Html);
        Assert.Contains("Bewerkt door Mees Manager", authorView.Html);
        var readerView = await reader.Browser.GetAsync($"/community/{group.Slug}/{topic.Id}/geschiedenis?bericht=0");
        Assert.Equal(HttpStatusCode.OK, readerView.Status);
        Assert.Contains("Bewerkt door Mees Manager", readerView.Html);
        Assert.DoesNotContain("Tekst van " + topic.Title, readerView.Html);
        var current = await CommunityKit.QueryAsync(site.Factory, db => db.Set<Topic>().SingleAsync(t => t.Id == topic.Id));
        Assert.Equal(("Nieuwe titel", "Nieuwe tekst"), (current.Title, current.Body));
    }

    [Fact]
    public async Task Useful_counts_once_per_person_and_answers_pins_and_closing_belong_to_managers()
    {
        var (manager, member, group, topic) = await GroupWithTopicAsync();
        var url = $"/community/{group.Slug}/{topic.Id}";
        await member.PostAsync(url + "/nuttig?bericht=0");
        await manager.PostAsync(url + "/nuttig?bericht=0");
        Assert.Equal(2, await CommunityKit.QueryAsync(site.Factory, db => db.Set<UsefulReaction>().CountAsync(r => r.TopicId == topic.Id)));
        await member.PostAsync(url + "/nuttig?bericht=0");
        Assert.Equal(1, await CommunityKit.QueryAsync(site.Factory, db => db.Set<UsefulReaction>().CountAsync(r => r.TopicId == topic.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostAsync(url + "/nuttig?bericht=987654")).Status);

        Assert.Equal("forbidden", CommunityKit.Outcome(await member.PostAsync(url + "/status", ("actie", "sluiten"))));
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsync(url + "/status", ("actie", "iets-anders"))).Status);
        await manager.PostAsync(url + "/status", ("actie", "vastzetten"));
        await manager.PostAsync(url + "/status", ("actie", "sluiten"));
        var state = await CommunityKit.QueryAsync(site.Factory, db => db.Set<Topic>().SingleAsync(t => t.Id == topic.Id));
        Assert.True(state.IsPinned && state.IsClosed);
        // Not a question topic: no accepted answer.
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync(url + "/antwoord?bericht=0")).Status);
    }

    [Fact]
    public async Task The_member_directory_searches_visible_profiles_with_initials_for_professionals_only()
    {
        var searcher = await CommunityKit.PersonAsync(site.Factory, "Professional", "Zoeker Zoekers");
        var shown = await CommunityKit.PersonAsync(site.Factory, "Professional", "Fatima el Amrani");
        var hidden = await CommunityKit.PersonAsync(site.Factory, "Professional", "Verborgen Persoon");
        site.Profiles.Add(CommunityScenarios.Profile(shown, function: "Jobcoach", organisation: "werkcentrum", themes: "Jobcoaching"));
        site.Profiles.Add(CommunityScenarios.Profile(hidden, visible: false, function: "Jobcoach"));

        var page = await searcher.Browser.GetAsync("/community/leden?functie=jobcoach");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Fatima el Amrani", page.Html);
        Assert.DoesNotContain("Verborgen Persoon", page.Html);
        Assert.Equal("FA", page.Document.QuerySelector(".community-avatar--initials")!.TextContent.Trim());
        Assert.DoesNotContain("Fatima", (await searcher.Browser.GetAsync("/community/leden?naam=Zoeker")).Html);

        Assert.Equal("login", CommunityKit.Outcome(await CommunityKit.Visitor(site.Factory).Browser.GetAsync("/community/leden")));
        var trainer = await CommunityKit.PersonAsync(site.Factory, "Trainer", "Tom Trainer");
        Assert.Equal("forbidden", CommunityKit.Outcome(await trainer.Browser.GetAsync("/community/leden")));
    }

    [Fact]
    public async Task The_recipe_seeds_the_regions_groups_with_starter_topics()
    {
        var groups = await CommunityKit.QueryAsync(site.Factory, db => db.Set<CommunityGroup>().ToDictionaryAsync(g => g.Slug));
        foreach (var slug in new[] { "gidsen-werkcentrum", "jobcoaches", "igm-in-de-praktijk", "werkgeversdienstverleners", "harrie-alumni", "lerend-netwerk-beleid-en-management", "casuistiek-werk-en-inkomen" })
        {
            Assert.True(groups.ContainsKey(slug), slug);
            Assert.True(await CommunityKit.TopicCountAsync(site.Factory, groups[slug].Id) > 0, slug);
        }
        Assert.Equal(GroupKind.Casuistiek, groups["casuistiek-werk-en-inkomen"].Kind);
        Assert.Equal(GroupKind.LerendNetwerk, groups["lerend-netwerk-beleid-en-management"].Kind);
        var visitorList = await CommunityKit.Visitor(site.Factory).Browser.GetAsync("/community");
        Assert.Contains("IGM in de praktijk", visitorList.Html);
        Assert.DoesNotContain("Gidsen Werkcentrum", visitorList.Html);
    }

    [Fact]
    public Task A_manager_writes_a_draft_publishes_it_and_a_member_downloads_its_attachments() =>
        KennisbankScenarios.WriteDraftPublishAndAttachAsync(site.Factory, site.Profiles);

    [Fact]
    public Task Bad_uploads_and_forged_article_forms_get_a_message_or_404_and_store_nothing() =>
        KennisbankScenarios.BadInputIsRefusedAndNothingIsStoredAsync(site.Factory);

    [Fact]
    public Task A_writers_articles_and_files_are_exported_and_lose_the_writer_on_erasure() =>
        KennisbankScenarios.PersonalDataExportAndEraseAsync(site.Factory);

    [Fact]
    public async Task The_setup_recipe_seeds_three_kennisbank_articles_that_readers_see_as_their_groups_allow()
    {
        var seeded = await CommunityKit.QueryAsync(site.Factory, db => db.Set<Academy.Community.Models.ArticleIndex>()
            .Where(a => a.ContentItemId.StartsWith("kennisbank-") && a.Published).Select(a => a.ContentItemId).ToListAsync());
        Assert.Equal(new[] { "kennisbank-harrie-training", "kennisbank-inlooppunten-werkcentrum", "kennisbank-integratief-gedragsmodel" }, seeded.Order().ToArray());
        var visitor = CommunityKit.Visitor(site.Factory);
        var list = await visitor.Browser.GetAsync("/community/kennisbank");
        Assert.Contains("/community/kennisbank/kennisbank-harrie-training\"", list.Html);
        Assert.Contains("/community/kennisbank/kennisbank-integratief-gedragsmodel\"", list.Html);
        // The gidsen's article is for members of their group only.
        Assert.DoesNotContain("kennisbank-inlooppunten-werkcentrum", list.Html);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await visitor.Browser.GetAsync("/community/kennisbank/kennisbank-inlooppunten-werkcentrum")).Status);
        var group = await visitor.Browser.GetAsync("/community/igm-in-de-praktijk");
        Assert.Contains("Het Integratief Gedragsmodel (IGM) in onze regio", group.Document.QuerySelector("section[aria-labelledby=groep-kennisbank]")!.TextContent);
    }
}
