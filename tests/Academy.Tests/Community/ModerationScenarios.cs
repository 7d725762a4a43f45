using System.Net;
using Academy.Community.Models;
using Academy.Core.Data;
using Academy.Core.Privacy;
using Academy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Community;

/// <summary>Moderation journeys through HTTP that run on both databases.</summary>
public static class ModerationScenarios
{
    private static string Slug(string kind) => kind + "-" + CommunityKit.Letters(8);

    private static Task<int> EventsAsync(AcademyFactory factory, long topicId, string type) =>
        CommunityKit.QueryAsync(factory, db => db.Outbox.CountAsync(o => o.CorrelationId == "topic:" + topicId && o.Type == type));

    private static Task<int> ReplyCountAsync(AcademyFactory factory, long topicId) =>
        CommunityKit.QueryAsync(factory, db => db.Set<Topic>().Where(t => t.Id == topicId).Select(t => t.ReplyCount).SingleAsync());

    private static Task<int> OpenReportsAsync(AcademyFactory factory, long replyId) =>
        CommunityKit.QueryAsync(factory, db => db.Set<PostReport>().CountAsync(r => r.ReplyId == replyId && r.ResolvedUtc == null));

    private static Task<T> ReplyFieldAsync<T>(AcademyFactory factory, long replyId, System.Linq.Expressions.Expression<Func<Reply, T>> field) =>
        CommunityKit.QueryAsync(factory, db => db.Set<Reply>().Where(r => r.Id == replyId).Select(field).SingleAsync());

    /// <summary>
    /// A reply is reported (once per person, with a reason), shows in the group's queue and the moderators' queue, is
    /// hidden with a reason (gone for readers, marked for its author and managers), restored, and its audit trail kept.
    /// Another group's manager gets 403; forged ids get 404 or 400, never 500.
    /// </summary>
    public static async Task ReportHideAndRestoreAsync(AcademyFactory factory, FakeMemberProfiles profiles)
    {
        var manager = await CommunityKit.PersonAsync(factory, "Professional", "Marit Beheerder");
        var author = await CommunityKit.PersonAsync(factory, "Professional", "Sander Schrijver");
        var reporter = await CommunityKit.PersonAsync(factory, "Professional", "Rosa Melder");
        var otherManager = await CommunityKit.PersonAsync(factory, "Professional", "Olaf Anderegroep");
        var moderator = await CommunityKit.PersonAsync(factory, "Leercoördinator", "Mo Moderator");
        foreach (var person in new[] { manager, author, reporter, otherManager, moderator })
        {
            profiles.Add(CommunityScenarios.Profile(person));
        }
        var slug = Slug("meld");
        var group = await CommunityKit.GroupAsync(factory, slug, GroupKind.Themagroep, JoinPolicy.Open, AccessLevel.Professionals, manager.UserId!);
        var otherSlug = Slug("ander");
        var other = await CommunityKit.GroupAsync(factory, otherSlug, GroupKind.Themagroep, JoinPolicy.Open, AccessLevel.Professionals, otherManager.UserId!);
        await CommunityKit.MemberAsync(factory, group.Id, author.UserId!);
        var topic = await CommunityKit.TopicAsync(factory, group.Id, manager.UserId!, "Vacatures delen " + slug, AccessLevel.Professionals);
        var otherTopic = await CommunityKit.TopicAsync(factory, other.Id, otherManager.UserId!, "Ander onderwerp " + otherSlug, AccessLevel.Professionals);
        const string text = "Koop nu goedkope cursussen via mijn website!";
        Assert.Equal(HttpStatusCode.Redirect, (await author.PostAsync($"/community/{slug}/{topic.Id}/reageren", ("Body", text))).Status);
        var reply = await CommunityKit.QueryAsync(factory, db => db.Set<Reply>().SingleAsync(r => r.TopicId == topic.Id));
        var topicUrl = $"/community/{slug}/{topic.Id}";
        var reportUrl = $"{topicUrl}/melden?bericht={reply.Id}";

        var page = await reporter.Browser.GetAsync(topicUrl);
        Assert.NotNull(page.Document.QuerySelector($"a[href='{reportUrl}']"));
        var form = await reporter.Browser.GetAsync(reportUrl);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains(text, form.Html);
        var missing = await reporter.PostAsync(reportUrl, ("Explanation", "zomaar"));
        Assert.Contains(missing.ErrorSummary, e => e.Contains("Kies waarom", StringComparison.Ordinal));
        Assert.Equal("zomaar", missing.Document.QuerySelector("textarea[name=Explanation]")!.TextContent);
        var other1 = await reporter.PostAsync(reportUrl, ("Reason", "Other"));
        Assert.Contains(other1.ErrorSummary, e => e.Contains("Schrijf kort wat er mis is", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await reporter.PostAsync(reportUrl, ("Reason", "Spam"))).Status);
        Assert.Contains("Bedankt voor je melding", (await reporter.Browser.GetAsync(topicUrl)).StatusMessage);
        await reporter.PostAsync(reportUrl, ("Reason", "Offensive"));
        Assert.Contains("al gemeld", (await reporter.Browser.GetAsync(topicUrl)).StatusMessage);
        await moderator.PostAsync(reportUrl, ("Reason", "ClientData"), ("Explanation", "Staat er een naam in?"));
        Assert.Equal(2, await OpenReportsAsync(factory, reply.Id));

        var queue = await manager.Browser.GetAsync($"/community/{slug}/beheer/moderatie");
        Assert.Equal(HttpStatusCode.OK, queue.Status);
        var reported = queue.Document.QuerySelector("section[aria-labelledby=gemeld]")!.TextContent;
        Assert.Contains(text, reported);
        Assert.Contains("2 meldingen", reported);
        Assert.Contains(text, (await moderator.Browser.GetAsync("/admin/community/moderatie")).Html);
        Assert.Equal("forbidden", CommunityKit.Outcome(await manager.Browser.GetAsync("/admin/community/moderatie")));
        Assert.Equal("forbidden", CommunityKit.Outcome(await otherManager.Browser.GetAsync($"/community/{slug}/beheer/moderatie")));
        Assert.Equal("forbidden", CommunityKit.Outcome(await otherManager.PostAsync($"/community/{slug}/beheer/moderatie/{topic.Id}?bericht={reply.Id}", ("Actie", "verbergen"), ("Reden", "Mag niet"))));
        Assert.DoesNotContain(text, (await otherManager.Browser.GetAsync($"/community/{otherSlug}/beheer/moderatie")).Html);

        // Forged ids: 404 or 400, nothing changes.
        var decide = $"/community/{slug}/beheer/moderatie/{topic.Id}?bericht={reply.Id}";
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync($"/community/{slug}/beheer/moderatie/{topic.Id}?bericht=987654321", ("Actie", "verbergen"), ("Reden", "x"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync($"/community/{slug}/beheer/moderatie/{otherTopic.Id}?bericht=0", ("Actie", "verbergen"), ("Reden", "x"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Browser.GetAsync($"/community/bestaat-niet-{slug}/beheer/moderatie/{topic.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.Browser.GetAsync($"{topicUrl}/melden?bericht=987654321")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsync(decide, ("Actie", "wissen"), ("Reden", "x"))).Status);
        var noReason = await manager.PostAsync(decide, ("Actie", "verbergen"), ("Reden", " "));
        Assert.Equal(HttpStatusCode.OK, noReason.Status);
        Assert.Contains(noReason.ErrorSummary, e => e.Contains("Geef een reden op", StringComparison.Ordinal));
        Assert.Null(await ReplyFieldAsync(factory, reply.Id, r => r.Hold));

        var hidden = await manager.PostAsync(decide, ("Actie", "verbergen"), ("Reden", "Reclame hoort hier niet."), ("Terug", "Group"));
        Assert.Equal($"/community/{slug}/beheer/moderatie", hidden.Location);
        Assert.Equal(ModerationHold.Hidden, await ReplyFieldAsync(factory, reply.Id, r => r.Hold));
        Assert.Equal(0, await OpenReportsAsync(factory, reply.Id));
        Assert.Equal(0, await ReplyCountAsync(factory, topic.Id));
        Assert.DoesNotContain(text, (await manager.Browser.GetAsync($"/community/{slug}/beheer/moderatie")).Html);

        Assert.DoesNotContain(text, (await reporter.Browser.GetAsync(topicUrl)).Html);
        Assert.Equal("login", CommunityKit.Outcome(await CommunityKit.Visitor(factory).Browser.GetAsync(topicUrl)));
        var authorView = await author.Browser.GetAsync(topicUrl);
        Assert.Contains(text, authorView.Html);
        Assert.Contains("Verborgen door moderator", authorView.Html);
        Assert.Contains("Reclame hoort hier niet.", authorView.Html);
        Assert.Null(authorView.Document.QuerySelector("button[value=terugzetten]"));
        var managerView = await manager.Browser.GetAsync(topicUrl);
        Assert.Contains("Verborgen door moderator", managerView.Html);
        Assert.NotNull(managerView.Document.QuerySelector("button[value=terugzetten]"));
        Assert.Contains(text, (await moderator.Browser.GetAsync(topicUrl)).Html);

        var restored = await moderator.PostAsync(decide, ("Actie", "terugzetten"), ("Reden", "Na overleg toch toegestaan."));
        Assert.Equal(HttpStatusCode.Redirect, restored.Status);
        Assert.Contains(text, (await reporter.Browser.GetAsync(topicUrl)).Html);
        Assert.Equal(1, await ReplyCountAsync(factory, topic.Id));

        // A new report that the manager dismisses: the post stays, the report is closed.
        await reporter.PostAsync(reportUrl, ("Reason", "Offensive"));
        await manager.PostAsync(decide, ("Actie", "meldingen-afwijzen"));
        Assert.Null(await ReplyFieldAsync(factory, reply.Id, r => r.Hold));
        Assert.Equal(0, await OpenReportsAsync(factory, reply.Id));

        var trail = await manager.Browser.GetAsync($"/community/{slug}/beheer/moderatie/{topic.Id}?bericht={reply.Id}");
        var log = trail.Document.QuerySelector("section[aria-labelledby=logboek]")!.TextContent;
        Assert.Contains("Marit Beheerder — verborgen. Reden: Reclame hoort hier niet.", log);
        Assert.Contains("Mo Moderator — teruggezet. Reden: Na overleg toch toegestaan.", log);
        Assert.Contains("Marit Beheerder — meldingen afgewezen", log);
        Assert.Equal(3, await CommunityKit.QueryAsync(factory, db => db.Set<ModerationEntry>().CountAsync(e => e.TopicId == topic.Id && e.ReplyId == reply.Id)));
        Assert.Equal(1, await EventsAsync(factory, topic.Id, "CommunityReplyPosted"));
    }

    /// <summary>
    /// In a group that approves first posts, a new member's topic and reply wait (invisible to others, no events), the
    /// manager approves the topic (its event fires then, once) and rejects the reply with a reason the author reads;
    /// the member's next post is published at once.
    /// </summary>
    public static async Task HeldFirstPostsAsync(AcademyFactory factory)
    {
        var manager = await CommunityKit.PersonAsync(factory, "Professional", "Gea Goedkeurder");
        var newcomer = await CommunityKit.PersonAsync(factory, "Professional", "Nina Nieuw");
        var member = await CommunityKit.PersonAsync(factory, "Professional", "Lex Lezer");
        var slug = Slug("goedkeuren");
        var group = await CommunityKit.GroupAsync(factory, slug, GroupKind.Themagroep, JoinPolicy.Open, AccessLevel.Professionals, manager.UserId!);
        var settings = await manager.PostAsync($"/community/{slug}/beheer", ("Name", group.Name), ("Description", group.Description), ("Kind", "Themagroep"),
            ("JoinPolicy", "Open"), ("Access", "Professionals"), ("ApproveFirstPosts", "true"));
        Assert.Equal(HttpStatusCode.Redirect, settings.Status);
        Assert.True(await CommunityKit.QueryAsync(factory, db => db.Set<CommunityGroup>().Where(g => g.Id == group.Id).Select(g => g.ApproveFirstPosts).SingleAsync()));
        await CommunityKit.MemberAsync(factory, group.Id, newcomer.UserId!);
        await CommunityKit.MemberAsync(factory, group.Id, member.UserId!);
        var existing = await CommunityKit.TopicAsync(factory, group.Id, manager.UserId!, "Bestaand onderwerp " + slug, AccessLevel.Professionals);

        var started = await newcomer.PostAsync($"/community/{slug}/nieuw", ("Title", "Mijn eerste vraag " + slug), ("Body", "Hoe werkt het hier?"), ("Access", "Professionals"));
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        var held = await CommunityKit.QueryAsync(factory, db => db.Set<Topic>().SingleAsync(t => t.GroupId == group.Id && t.AuthorUserId == newcomer.UserId));
        Assert.Equal(ModerationHold.AwaitingApproval, held.Hold);
        Assert.Equal(0, await EventsAsync(factory, held.Id, "CommunityTopicCreated"));
        var own = await newcomer.Browser.GetAsync($"/community/{slug}/{held.Id}");
        Assert.Contains("wacht op goedkeuring", own.StatusMessage, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Wacht op goedkeuring", own.Html);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Browser.GetAsync($"/community/{slug}/{held.Id}")).Status);
        Assert.DoesNotContain(held.Title, (await member.Browser.GetAsync($"/community/{slug}")).Html);

        Assert.Equal(HttpStatusCode.Redirect, (await newcomer.PostAsync($"/community/{slug}/{existing.Id}/reageren", ("Body", "Mijn eerste reactie."))).Status);
        var heldReply = await CommunityKit.QueryAsync(factory, db => db.Set<Reply>().SingleAsync(r => r.TopicId == existing.Id));
        Assert.Equal(ModerationHold.AwaitingApproval, heldReply.Hold);
        Assert.Equal(0, await EventsAsync(factory, existing.Id, "CommunityReplyPosted"));
        Assert.Equal(0, await ReplyCountAsync(factory, existing.Id));
        Assert.DoesNotContain("Mijn eerste reactie.", (await member.Browser.GetAsync($"/community/{slug}/{existing.Id}")).Html);

        var waiting = (await manager.Browser.GetAsync($"/community/{slug}/beheer/moderatie")).Document.QuerySelector("section[aria-labelledby=wachtend]")!.TextContent;
        Assert.Contains("Hoe werkt het hier?", waiting);
        Assert.Contains("Mijn eerste reactie.", waiting);

        var approve = $"/community/{slug}/beheer/moderatie/{held.Id}?bericht=0";
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync(approve, ("Actie", "goedkeuren"))).Status);
        await manager.PostAsync(approve, ("Actie", "goedkeuren"));
        Assert.Equal(1, await EventsAsync(factory, held.Id, "CommunityTopicCreated"));
        Assert.Equal(HttpStatusCode.OK, (await member.Browser.GetAsync($"/community/{slug}/{held.Id}")).Status);

        var reject = $"/community/{slug}/beheer/moderatie/{existing.Id}?bericht={heldReply.Id}";
        Assert.Contains((await manager.PostAsync(reject, ("Actie", "afkeuren"))).ErrorSummary, e => e.Contains("Geef een reden op", StringComparison.Ordinal));
        await manager.PostAsync(reject, ("Actie", "afkeuren"), ("Reden", "Dubbel gepost."));
        Assert.Equal(ModerationHold.Rejected, await ReplyFieldAsync(factory, heldReply.Id, r => r.Hold));
        var authorView = await newcomer.Browser.GetAsync($"/community/{slug}/{existing.Id}");
        Assert.Contains("Niet goedgekeurd", authorView.Html);
        Assert.Contains("Dubbel gepost.", authorView.Html);
        Assert.DoesNotContain("Mijn eerste reactie.", (await member.Browser.GetAsync($"/community/{slug}/{existing.Id}")).Html);
        Assert.Equal(0, await EventsAsync(factory, existing.Id, "CommunityReplyPosted"));

        // The approved topic counts as a published post: the member's next reply appears at once, with its event.
        Assert.Equal(HttpStatusCode.Redirect, (await newcomer.PostAsync($"/community/{slug}/{existing.Id}/reageren", ("Body", "Nu wel zichtbaar."))).Status);
        Assert.Contains("Nu wel zichtbaar.", (await member.Browser.GetAsync($"/community/{slug}/{existing.Id}")).Html);
        Assert.Equal(1, await EventsAsync(factory, existing.Id, "CommunityReplyPosted"));
    }

    /// <summary>The 11th post within the window is refused with a Dutch message; the text stays in the form, nothing is saved.</summary>
    public static async Task PostingLimitAsync(AcademyFactory factory)
    {
        var owner = await CommunityKit.PersonAsync(factory, "Professional", "Pim Plaatser");
        var slug = Slug("limiet");
        var group = await CommunityKit.GroupAsync(factory, slug, GroupKind.Themagroep, JoinPolicy.Open, AccessLevel.Professionals, owner.UserId!);
        var topic = await CommunityKit.TopicAsync(factory, group.Id, owner.UserId!, "Veel reacties " + slug, AccessLevel.Professionals);
        // The topic above is the first post of the window, eight replies and a new topic make ten.
        for (var i = 1; i <= 8; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await owner.PostAsync($"/community/{slug}/{topic.Id}/reageren", ("Body", $"Reactie {i}"))).Status);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostAsync($"/community/{slug}/nieuw", ("Title", "Tiende bericht"), ("Body", "Een nieuw onderwerp."))).Status);

        const string body = "Mijn elfde bericht, dat ik niet kwijt wil.";
        var refused = await owner.PostAsync($"/community/{slug}/{topic.Id}/reageren", ("Body", body));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Contains(refused.ErrorSummary, e => e.Contains("hoogstens 10", StringComparison.Ordinal) && e.Contains("10 minuten", StringComparison.Ordinal));
        Assert.Equal(body, refused.Document.QuerySelector("textarea[name=Body]")!.TextContent);
        var newTopic = await owner.PostAsync($"/community/{slug}/nieuw", ("Title", "Elfde onderwerp"), ("Body", body));
        Assert.Equal(HttpStatusCode.TooManyRequests, newTopic.Status);
        Assert.Equal("Elfde onderwerp", newTopic.Value("Title"));
        Assert.Equal(8, await CommunityKit.RepliesAsync(factory, topic.Id));
        Assert.Equal(2, await CommunityKit.TopicCountAsync(factory, group.Id));
    }

    /// <summary>Reports and decisions are in the person's export; erasing deletes the reports and takes the id out of the trail.</summary>
    public static async Task PersonalDataAsync(AcademyFactory factory)
    {
        var manager = await CommunityKit.PersonAsync(factory, "Professional", "Pia Privacy");
        var reporter = await CommunityKit.PersonAsync(factory, "Professional", "Ruud Rapporteur");
        var slug = Slug("avg");
        var group = await CommunityKit.GroupAsync(factory, slug, GroupKind.Themagroep, JoinPolicy.Open, AccessLevel.Professionals, manager.UserId!);
        var topic = await CommunityKit.TopicAsync(factory, group.Id, manager.UserId!, "Onderwerp " + slug, AccessLevel.Professionals);
        var reply = await CommunityKit.ReplyAsync(factory, topic.Id, manager.UserId!, "Een reactie om te melden.");
        await reporter.PostAsync($"/community/{slug}/{topic.Id}/melden?bericht={reply.Id}", ("Reason", "Other"), ("Explanation", "Klopt niet."));
        await manager.PostAsync($"/community/{slug}/beheer/moderatie/{topic.Id}?bericht={reply.Id}", ("Actie", "verbergen"), ("Reden", "Onjuist."));

        await using var scope = factory.Services.CreateAsyncScope();
        var provider = scope.ServiceProvider.GetServices<IPersonalDataProvider>().Single(p => p.Name == "community");
        var reporterData = (await provider.ExportAsync(new PersonalDataSubject(reporter.UserId!, "r@example.nl", reporter.Name)))!.Data.ToJsonString();
        Assert.Contains("Klopt niet.", reporterData);
        var managerData = (await provider.ExportAsync(new PersonalDataSubject(manager.UserId!, "m@example.nl", manager.Name)))!.Data.ToJsonString();
        Assert.Contains("Onjuist.", managerData);

        await provider.EraseAsync(new PersonalDataSubject(reporter.UserId!, "r@example.nl", reporter.Name));
        await provider.EraseAsync(new PersonalDataSubject(manager.UserId!, "m@example.nl", manager.Name));
        var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
        Assert.False(await db.Set<PostReport>().AnyAsync(r => r.ReporterUserId == reporter.UserId));
        var entry = await db.Set<ModerationEntry>().SingleAsync(e => e.TopicId == topic.Id);
        Assert.Equal(Academy.Community.Services.CommunityPersonalData.ErasedAuthor, entry.ActorUserId);
        Assert.Equal("Onjuist.", entry.Reason);
    }
}
