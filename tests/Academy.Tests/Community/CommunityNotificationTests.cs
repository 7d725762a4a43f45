using System.Net;
using Academy.Community.Models;
using Academy.Community.Services.Notifications;
using Academy.Testing;
using Microsoft.EntityFrameworkCore;

namespace Academy.Tests.Community;

/// <summary>A community site (as <see cref="CommunitySite"/>) whose mail goes to a test SMTP server.</summary>
public sealed class CommunityMailSite : IAsyncLifetime
{
    public FakeMemberProfiles Profiles { get; } = new();

    public SmtpTestServer Smtp { get; } = new();

    public AcademyFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Smtp.StartAsync();
        Factory = CommunitySite.Create(null, Profiles);
        Smtp.Configure(Factory.Settings);
        _ = Factory.Server;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>Community notifications on SQLite: fan-out rules, the daily digest at the SMTP server, unsubscribing, "Mijn meldingen".</summary>
public sealed class CommunityNotificationTests(CommunityMailSite site) : IClassFixture<CommunityMailSite>
{
    [Fact]
    public Task Followers_and_the_named_person_are_told_never_the_author_nor_someone_who_cannot_read_it_and_a_retry_adds_nothing() =>
        NotificationScenarios.FanOutRulesAsync(site.Factory, site.Profiles);

    [Fact]
    public async Task Digest_three_notifications_become_one_daily_mail_at_the_test_smtp_server_exactly_once()
    {
        var queued = await NotificationScenarios.DailyDigestAsync(site.Factory, site.Profiles);
        var received = (await site.Smtp.MessagesAsync()).Where(m => m.To == queued.To && m.Subject == queued.Subject).ToList();
        var mail = Assert.Single(received);
        Assert.Equal(3, mail.Text!.Split('\n').Count(l => l.Contains("reageerde op", StringComparison.Ordinal)));
        Assert.StartsWith("<http://", mail.Message.Headers["List-Unsubscribe"]);
        Assert.Contains("/community/afmelden/", mail.Message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Message.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public Task The_signed_unsubscribe_link_works_without_login_and_a_changed_one_changes_nothing() =>
        NotificationScenarios.UnsubscribeAsync(site.Factory);

    [Fact]
    public async Task Mijn_meldingen_shows_the_unread_count_opens_the_post_and_marks_everything_read()
    {
        var cast = await NotificationScenarios.CastAsync(site.Factory, site.Profiles);
        var topicId = await NotificationScenarios.StartTopicAsync(site.Factory, cast.Author, cast.Group, "Scholing voor praktijkleren", "Wie doet mee?");
        await NotificationScenarios.ReplyAsync(cast.Manager, cast.Group, topicId, "Ik doe mee.");
        await NotificationScenarios.ReplyAsync(cast.Named, cast.Group, topicId, "Ik ook.");
        await site.Factory.DrainBackgroundAsync();

        var groups = await cast.Author.Browser.GetAsync("/community");
        Assert.Contains("Mijn meldingen (2 nieuw)", groups.Document.QuerySelector(".community-notifications-link")!.TextContent);
        var page = await cast.Author.Browser.GetAsync("/community/meldingen");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("2 nieuwe meldingen", page.Document.QuerySelector("#meldingen-lijst")!.TextContent.Trim());
        Assert.Contains(page.Document.QuerySelectorAll(".community-notification"), li => li.TextContent.Contains(cast.Manager.Name + " reageerde op", StringComparison.Ordinal));
        Assert.True(page.Document.QuerySelector("#mail-Immediately")!.HasAttribute("checked"));

        var first = await CommunityKit.QueryAsync(site.Factory, db => db.Set<CommunityNotification>()
            .Where(n => n.UserId == cast.Author.UserId && n.TopicId == topicId).OrderBy(n => n.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await cast.Follower.PostAsync($"/community/meldingen/{first.Id}/openen")).Status);
        var opened = await cast.Author.PostAsync($"/community/meldingen/{first.Id}/openen");
        Assert.Equal($"/community/{cast.Group.Slug}/{topicId}#bericht-{first.ReplyId}", opened.Location);
        Assert.Contains("(1 nieuw)", (await cast.Author.Browser.GetAsync("/community")).Document.QuerySelector(".community-notifications-link")!.TextContent);

        var bad = await cast.Author.PostAsync("/community/meldingen/e-mail", ("mail", "Elk uur"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("Kies hoe vaak", bad.Document.QuerySelector("[role=alert]")!.TextContent);
        await cast.Author.PostAsync("/community/meldingen/gelezen");
        var after = await cast.Author.Browser.GetAsync("/community/meldingen");
        Assert.Equal("Geen nieuwe meldingen", after.Document.QuerySelector("#meldingen-lijst")!.TextContent.Trim());
        Assert.Equal(0, await CommunityKit.QueryAsync(site.Factory, db => db.Set<CommunityNotification>().CountAsync(n => n.UserId == cast.Author.UserId && n.ReadUtc == null)));
    }

    [Fact]
    public async Task A_topic_page_counts_Mijn_meldingen_as_the_other_pages_do_for_a_member_and_a_moderator()
    {
        var cast = await NotificationScenarios.CastAsync(site.Factory, site.Profiles);
        var moderator = await CommunityKit.PersonAsync(site.Factory, "Beheerder", "Moderator " + CommunityKit.Letters(6));
        var topicId = await NotificationScenarios.StartTopicAsync(site.Factory, cast.Author, cast.Group, "Praktijkleren in de regio", "Wie doet mee?");
        // A members-only group the author is not in: its topic's notification counts for the moderator only.
        var other = await CommunityKit.GroupAsync(site.Factory, "ander-" + CommunityKit.Letters(8), GroupKind.Themagroep, JoinPolicy.Closed, AccessLevel.Members, cast.Manager.UserId!);
        var otherTopicId = await NotificationScenarios.StartTopicAsync(site.Factory, cast.Manager, other, "Alleen voor leden", "Besloten.");
        await site.Factory.DrainBackgroundAsync();
        await CommunityKit.QueryAsync(site.Factory, db =>
        {
            foreach (var (person, group, topic) in new[] { (cast.Author, cast.Group, topicId), (cast.Author, other, otherTopicId), (moderator, cast.Group, topicId), (moderator, other, otherTopicId) })
            {
                db.Add(new CommunityNotification
                {
                    UserId = person.UserId!, Reason = NotificationReason.Reply, PostKey = CommunityNotification.KeyOf(topic, 0), GroupId = group.Id,
                    GroupSlug = group.Slug, TopicId = topic, TopicTitle = "Onderwerp", ActorUserId = cast.Manager.UserId!, CreatedUtc = DateTime.UtcNow,
                });
            }
            return db.SaveChangesAsync();
        });

        foreach (var (person, expected) in new[] { (cast.Author, "(1 nieuw)"), (moderator, "(2 nieuw)") })
        {
            var topicPage = await person.Browser.GetAsync($"/community/{cast.Group.Slug}/{topicId}");
            Assert.Equal(HttpStatusCode.OK, topicPage.Status);
            Assert.Contains(expected, topicPage.Document.QuerySelector(".community-notifications-link")!.TextContent);
            Assert.Contains(expected, (await person.Browser.GetAsync("/community")).Document.QuerySelector(".community-notifications-link")!.TextContent);
        }
    }

    [Theory]
    [InlineData("2026-12-03T05:00:00", NotificationMail.Daily, "2026-12-03T06:00:00")]
    [InlineData("2026-12-03T06:00:00", NotificationMail.Daily, "2026-12-04T06:00:00")]
    [InlineData("2026-12-03T13:00:00", NotificationMail.Weekly, "2026-12-07T06:00:00")]
    [InlineData("2026-12-07T05:59:00", NotificationMail.Weekly, "2026-12-07T06:00:00")]
    public void Digests_go_out_at_six_utc_and_the_weekly_one_on_monday(string after, NotificationMail frequency, string expected) =>
        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            NotificationDigests.NextRun(frequency, DateTime.SpecifyKind(DateTime.Parse(after, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc)));
}
