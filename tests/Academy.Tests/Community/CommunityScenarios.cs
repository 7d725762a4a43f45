using System.Net;
using Academy.Community.Models;
using Academy.Testing;
using Academy.Users.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace Academy.Tests.Community;

/// <summary>Journeys of the community that run on both databases.</summary>
public static class CommunityScenarios
{
    public static MemberProfile Profile(Person person, bool visible = true, string? function = null, string? organisation = null, params string[] themes) =>
        new(person.UserId!, person.Name, organisation, organisation is null ? null : "Organisatie " + organisation, function, null, themes, visible, false);

    /// <summary>A professional asks to join a closed group, its manager approves, the member starts a topic that names a colleague.</summary>
    public static async Task JoinApproveAndStartTopicAsync(AcademyFactory factory, FakeMemberProfiles profiles)
    {
        var manager = await CommunityKit.PersonAsync(factory, "Professional", "Greet Groepsbeheerder");
        var joiner = await CommunityKit.PersonAsync(factory, "Professional", "Jan Jobcoach");
        profiles.Add(Profile(manager));
        profiles.Add(Profile(joiner));
        var slug = "besloten-" + CommunityKit.Letters(6);
        var group = await CommunityKit.GroupAsync(factory, slug, GroupKind.Themagroep, JoinPolicy.Closed, AccessLevel.Members, manager.UserId!);

        var requested = await joiner.PostAsync($"/community/{slug}/lid-worden");
        Assert.Equal(HttpStatusCode.Redirect, requested.Status);
        var groupPage = await joiner.Browser.GetAsync($"/community/{slug}");
        Assert.Contains("Een beheerder van de groep beoordeelt je verzoek", groupPage.StatusMessage);
        Assert.Equal("forbidden", CommunityKit.Outcome(await joiner.Browser.GetAsync($"/community/{slug}/nieuw")));

        var manage = await manager.Browser.GetAsync($"/community/{slug}/beheer");
        Assert.Equal(HttpStatusCode.OK, manage.Status);
        Assert.Contains("Jan Jobcoach", manage.Document.QuerySelector("section[aria-labelledby=verzoeken]")!.TextContent);
        Assert.Equal("forbidden", CommunityKit.Outcome(await joiner.Browser.GetAsync($"/community/{slug}/beheer")));
        var approved = await manager.PostAsync($"/community/{slug}/beheer/leden", ("lid", joiner.UserId!), ("actie", "Approve"));
        Assert.Equal(HttpStatusCode.Redirect, approved.Status);
        Assert.Equal(MembershipStatus.Member, await CommunityKit.QueryAsync(factory, db =>
            db.Set<GroupMembership>().Where(m => m.GroupId == group.Id && m.UserId == joiner.UserId).Select(m => m.Status).SingleAsync()));

        var form = await joiner.Browser.GetAsync($"/community/{slug}/nieuw");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var created = await joiner.PostAsync($"/community/{slug}/nieuw",
            ("Title", "Ervaringen met werkplekaanpassingen"), ("Body", "Wie heeft ervaring? @Greet Groepsbeheerder, jij misschien?"), ("Access", "Members"));
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var topic = await CommunityKit.QueryAsync(factory, db => db.Set<Topic>().SingleAsync(t => t.GroupId == group.Id));
        Assert.Equal(joiner.UserId, topic.AuthorUserId);
        var events = await CommunityKit.QueryAsync(factory, db => db.Outbox.Where(o => o.CorrelationId == "topic:" + topic.Id).Select(o => new { o.Type, o.Payload }).ToListAsync());
        Assert.Contains(events, e => e.Type == "CommunityTopicCreated");
        var mention = Assert.Single(events, e => e.Type == "CommunityMentionMade");
        Assert.Contains(manager.UserId!, mention.Payload);

        var replied = await manager.PostAsync($"/community/{slug}/{topic.Id}/reageren", ("Body", "Ja, een aangepaste werkplek helpt vaak."));
        Assert.Equal(HttpStatusCode.Redirect, replied.Status);
        Assert.Equal(1, await CommunityKit.QueryAsync(factory, db => db.Outbox.CountAsync(o => o.CorrelationId == "topic:" + topic.Id && o.Type == "CommunityReplyPosted")));
        var page = await joiner.Browser.GetAsync($"/community/{slug}/{topic.Id}");
        Assert.Contains("Ja, een aangepaste werkplek helpt vaak.", page.Html);
    }

    /// <summary>A casus with a BSN is not saved; the author reads why, the text stays in the form, only the kind is stored.</summary>
    public static async Task CasusWithBsnIsRefusedAsync(AcademyFactory factory)
    {
        var author = await CommunityKit.PersonAsync(factory, "Professional", "Casus Schrijver");
        var slug = "casus-" + CommunityKit.Letters(6);
        var group = await CommunityKit.GroupAsync(factory, slug, GroupKind.Casuistiek, JoinPolicy.Closed, AccessLevel.Members, author.UserId!);
        const string body = "Meneer met BSN 111222333 zoekt werk in de zorg.";

        var refused = await author.PostAsync($"/community/{slug}/nieuw", ("Title", "Vraag over re-integratie"), ("Body", body));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.ErrorSummary, e => e.Contains("burgerservicenummer", StringComparison.Ordinal) && e.Contains("'111222333'", StringComparison.Ordinal));
        Assert.Equal(body, refused.Document.QuerySelector("textarea[name=Body]")!.TextContent);
        Assert.Equal("Vraag over re-integratie", refused.Value("Title"));
        Assert.Equal(0, await CommunityKit.TopicCountAsync(factory, group.Id));
        var findings = await CommunityKit.QueryAsync(factory, db => db.Set<PrivacyFindingRecord>().Where(f => f.GroupId == group.Id).ToListAsync());
        var finding = Assert.Single(findings);
        Assert.True(finding.Refused);
        Assert.Equal("Bsn", finding.Kinds);
        Assert.DoesNotContain(findings, f => f.Kinds.Any(char.IsDigit));

        var anonymous = await author.PostAsync($"/community/{slug}/nieuw", ("Title", "Vraag over re-integratie"), ("Body", "Meneer A., 45 jaar, zoekt werk in de zorg."));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.Status);
        Assert.Equal(1, await CommunityKit.TopicCountAsync(factory, group.Id));
    }
}
