using System.Net;
using Academy.Community.Models;
using Academy.Community.Services.Notifications;
using Academy.Core.Jobs;
using Academy.Email.Models;
using Academy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Community;

/// <summary>Community notifications on both databases: who is told of what, digests exactly once, unsubscribing.</summary>
public static class NotificationScenarios
{
    public sealed record Cast(Person Manager, Person Author, Person Follower, Person Named, Person Outsider, CommunityGroup Group);

    /// <summary>A members-only group: its manager, an author, a member who follows the group, a member to mention, and a
    /// professional outside the group who follows it anyway (a follow left from before, or forged).</summary>
    public static async Task<Cast> CastAsync(AcademyFactory factory, FakeMemberProfiles profiles)
    {
        var tag = CommunityKit.Letters(6);
        var people = new List<Person>();
        foreach (var name in new[] { "Mila Beheer", "Auke Auteur", "Fenna Volger", "Noor Genoemd", "Otto Buiten" })
        {
            var person = await CommunityKit.PersonAsync(factory, "Professional", $"{name} {tag}");
            profiles.Add(CommunityScenarios.Profile(person));
            people.Add(person);
        }
        var group = await CommunityKit.GroupAsync(factory, "meld-" + tag, GroupKind.Themagroep, JoinPolicy.Closed, AccessLevel.Members, people[0].UserId!);
        foreach (var member in people.Skip(1).Take(3))
        {
            await CommunityKit.MemberAsync(factory, group.Id, member.UserId!);
        }
        await FollowAsync(factory, people[2].UserId!, FollowTarget.Group, group.Id);
        await FollowAsync(factory, people[4].UserId!, FollowTarget.Group, group.Id);
        return new Cast(people[0], people[1], people[2], people[3], people[4], group);
    }

    public static Task FollowAsync(AcademyFactory factory, string userId, FollowTarget target, long id) =>
        CommunityKit.QueryAsync(factory, db =>
        {
            db.Add(new Follow { UserId = userId, Target = target, TargetId = id, CreatedUtc = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });

    public static Task<List<CommunityNotification>> NotificationsAsync(AcademyFactory factory, long topicId) =>
        CommunityKit.QueryAsync(factory, db => db.Set<CommunityNotification>().AsNoTracking().Where(n => n.TopicId == topicId).OrderBy(n => n.Id).ToListAsync());

    public static Task<List<MailMessageRecord>> MailsToAsync(AcademyFactory factory, Person person) =>
        CommunityKit.QueryAsync(factory, async db =>
        {
            var email = await db.Set<Academy.Users.AcademyUser>().Where(u => u.Id == person.UserId).Select(u => u.Email).SingleAsync();
            return await db.Set<MailMessageRecord>().AsNoTracking().Where(m => m.To == email).OrderBy(m => m.Id).ToListAsync();
        });

    public static async Task<long> StartTopicAsync(AcademyFactory factory, Person author, CommunityGroup group, string title, string body)
    {
        var created = await author.PostAsync($"/community/{group.Slug}/nieuw", ("Title", title), ("Body", body), ("Access", "Members"));
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        return await CommunityKit.QueryAsync(factory, db => db.Set<Topic>().Where(t => t.GroupId == group.Id && t.Title == title).Select(t => t.Id).SingleAsync());
    }

    public static async Task ReplyAsync(Person person, CommunityGroup group, long topicId, string body) =>
        Assert.Equal(HttpStatusCode.Redirect, (await person.PostAsync($"/community/{group.Slug}/{topicId}/reageren", ("Body", body))).Status);

    /// <summary>
    /// A new topic tells the group's followers who can read it and the person it names, never its author; a reply tells the
    /// topic's author; a retried fan-out adds no notification and no mail.
    /// </summary>
    public static async Task FanOutRulesAsync(AcademyFactory factory, FakeMemberProfiles profiles)
    {
        var cast = await CastAsync(factory, profiles);
        var topicId = await StartTopicAsync(factory, cast.Author, cast.Group, "Jobcoaching bij kleine werkgevers",
            $"Wie heeft tips? @{cast.Named.Name} weet hier veel van.");
        await factory.DrainBackgroundAsync();

        var afterTopic = await NotificationsAsync(factory, topicId);
        Assert.Equal(new[] { cast.Follower.UserId, cast.Named.UserId }.Order(StringComparer.Ordinal),
            afterTopic.Select(n => n.UserId).Order(StringComparer.Ordinal));
        Assert.Equal(NotificationReason.NewTopic, afterTopic.Single(n => n.UserId == cast.Follower.UserId).Reason);
        Assert.Equal(NotificationReason.Mention, afterTopic.Single(n => n.UserId == cast.Named.UserId).Reason);
        Assert.DoesNotContain(afterTopic, n => n.UserId == cast.Author.UserId || n.UserId == cast.Outsider.UserId);
        Assert.All(afterTopic, n => Assert.NotNull(n.MailedUtc)); // the default is mail at once
        var mention = Assert.Single(await MailsToAsync(factory, cast.Named));
        Assert.Contains("noemde je in", mention.Subject);
        Assert.Contains("/community/afmelden/", mention.Text);
        Assert.Contains("List-Unsubscribe-Post", mention.HeadersJson);
        Assert.Empty(await MailsToAsync(factory, cast.Outsider));

        await ReplyAsync(cast.Follower, cast.Group, topicId, "Begin met een proefplaatsing.");
        await factory.DrainBackgroundAsync();
        var replyNotices = (await NotificationsAsync(factory, topicId)).Where(n => n.ReplyId != 0).ToList();
        var toAuthor = Assert.Single(replyNotices);
        Assert.Equal((cast.Author.UserId, NotificationReason.Reply), (toAuthor.UserId, toAuthor.Reason));

        // A retry of every message of this topic (as after a crash before marking them processed) changes nothing.
        var mailsBefore = await CommunityKit.QueryAsync(factory, db => db.Set<MailMessageRecord>().CountAsync());
        await CommunityKit.QueryAsync(factory, db => db.Outbox.Where(o => o.CorrelationId == "topic:" + topicId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ProcessedUtc, (DateTime?)null)));
        await factory.DrainBackgroundAsync();
        Assert.Equal(3, (await NotificationsAsync(factory, topicId)).Count);
        Assert.Equal(mailsBefore, await CommunityKit.QueryAsync(factory, db => db.Set<MailMessageRecord>().CountAsync()));
    }

    /// <summary>A person who chose the daily digest gets 3 notifications in one mail, once, however often the job runs.</summary>
    public static async Task<MailMessageRecord> DailyDigestAsync(AcademyFactory factory, FakeMemberProfiles profiles)
    {
        var cast = await CastAsync(factory, profiles);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.Author.PostAsync("/community/meldingen/e-mail", ("mail", "Daily"))).Status);
        var topicId = await StartTopicAsync(factory, cast.Author, cast.Group, "Werkfit-trajecten in de regio", "Wat zijn jullie ervaringen?");
        foreach (var text in new[] { "Goede ervaringen.", "Wisselend.", "Vooral bij kleine werkgevers." })
        {
            await ReplyAsync(cast.Follower, cast.Group, topicId, text);
        }
        await factory.DrainBackgroundAsync();
        var pending = (await NotificationsAsync(factory, topicId)).Where(n => n.UserId == cast.Author.UserId).ToList();
        Assert.Equal(3, pending.Count); // one per reply
        Assert.All(pending, n => Assert.Null(n.MailedUtc));
        Assert.Empty(await MailsToAsync(factory, cast.Author));

        for (var run = 0; run < 2; run++)
        {
            await MakeDigestDueAsync(factory);
            await factory.DrainBackgroundAsync();
        }
        var digest = Assert.Single(await MailsToAsync(factory, cast.Author));
        Assert.Equal("Je dagoverzicht van de community", digest.Subject);
        Assert.Contains("(3 meldingen)", digest.Text);
        Assert.All((await NotificationsAsync(factory, topicId)).Where(n => n.UserId == cast.Author.UserId), n => Assert.NotNull(n.MailedUtc));
        return digest;
    }

    /// <summary>Moves the daily digest job to now, as its time had come.</summary>
    public static Task MakeDigestDueAsync(AcademyFactory factory) =>
        CommunityKit.QueryAsync(factory, db => db.Set<ScheduledJob>()
            .Where(j => j.Kind == NotificationDigests.JobKind && j.Key == "daily" && j.CompletedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.DueUtc, DateTime.UtcNow.AddMinutes(-1))));

    /// <summary>
    /// The unsubscribe link works without logging in: GET asks, POST switches community mail off; a changed code changes
    /// nothing and says so in Dutch; the one-click address takes a POST without a form.
    /// </summary>
    public static async Task UnsubscribeAsync(AcademyFactory factory)
    {
        var person = await CommunityKit.PersonAsync(factory, "Professional", "Ada Afmelder");
        var other = await CommunityKit.PersonAsync(factory, "Professional", "Bo Blijft");
        string code, otherCode;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var links = scope.ServiceProvider.GetRequiredService<UnsubscribeLinks>();
            (code, otherCode) = (links.Code(person.UserId!), links.Code(other.UserId!));
            Assert.Null(links.Verify(code[..^2] + (code[^2] == 'A' ? "B" : "A") + code[^1]));
        }
        var visitor = CommunityKit.Visitor(factory);
        var forged = code[..10] + (code[10] == 'x' ? 'y' : 'x') + code[11..];
        var refused = await visitor.PostAsync($"/community/afmelden/{forged}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Deze afmeldlink klopt niet", refused.Document.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.Browser.GetAsync($"/community/afmelden/{forged}")).Status);

        var ask = await visitor.Browser.GetAsync($"/community/afmelden/{code}");
        Assert.Equal(HttpStatusCode.OK, ask.Status);
        Assert.NotNull(ask.Document.QuerySelector("form[method=post] button"));
        Assert.Equal(0, await SettingsAsync(factory, person, other)); // a GET changes nothing

        var done = await visitor.PostAsync($"/community/afmelden/{code}");
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Contains("Je bent afgemeld", done.StatusMessage);
        var oneClick = await visitor.Browser.Client.PostAsync($"/community/afmelden/{otherCode}/een-klik",
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(2, await SettingsAsync(factory, person, other));
    }

    private static Task<int> SettingsAsync(AcademyFactory factory, params Person[] people)
    {
        var ids = people.Select(p => p.UserId).ToList();
        return CommunityKit.QueryAsync(factory, db => db.Set<CommunityNotificationSetting>().CountAsync(s => ids.Contains(s.UserId) && s.Mail == NotificationMail.Never));
    }
}
