using System.Net;
using Academy.Community.Models;
using Academy.Core.Data;
using Academy.Testing;
using Academy.Users.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>
    /// The topic page keeps its published replies between requests under the topic's version, which the database raises.
    /// Changes written straight to the database (as another node, moderation or a database tool would) show at the next
    /// request: a new reply, an edit, a "nuttig" (counted for all, pressed only for its giver), a hold, a deletion.
    /// </summary>
    public static async Task TopicPageShowsChangesMadeElsewhereAsync(AcademyFactory factory, FakeMemberProfiles profiles)
    {
        var (author, reader, colleague, slug, topic) = await ThreeAroundATopicAsync(factory, profiles,
            ("Tessa Schrijver", "Rob Lezer", "Chris Collega"), "versie-", "Wat werkt bij werkplekleren?", AccessLevel.Professionals);
        var first = await CommunityKit.ReplyAsync(factory, topic.Id, author.UserId!, "Eerste ervaring met een leerbaan.");
        var url = $"/community/{slug}/{topic.Id}";
        var versions = new List<long>();
        async Task<AngleSharp.Dom.IElement?> PostAsync(Person viewer, long replyId)
        {
            var page = await viewer.Browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            versions.Add(await CommunityKit.PostsVersionAsync(factory, topic.Id));
            return page.Document.GetElementById($"bericht-{replyId}");
        }
        Task Change(Func<AcademyDbContext, Task> change) => CommunityKit.QueryAsync(factory, async db => { await change(db); return 0; });

        Assert.Contains("Eerste ervaring met een leerbaan.", (await PostAsync(reader, first.Id))!.TextContent);
        Assert.Contains("Eerste ervaring met een leerbaan.", (await PostAsync(reader, first.Id))!.TextContent);

        var second = await CommunityKit.ReplyAsync(factory, topic.Id, reader.UserId!, "Bij ons werkt een vaste werkbegeleider.");
        Assert.Contains("vaste werkbegeleider", (await PostAsync(reader, second.Id))!.TextContent);

        await Change(db => db.Set<Reply>().Where(r => r.Id == first.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Body, "Aangepaste ervaring.")));
        Assert.Contains("Aangepaste ervaring.", (await PostAsync(reader, first.Id))!.TextContent);

        await Change(db =>
        {
            db.Add(new UsefulReaction { TopicId = topic.Id, ReplyId = first.Id, UserId = reader.UserId!, CreatedUtc = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        var forReader = (await PostAsync(reader, first.Id))!;
        Assert.Contains("Nuttig: 1", forReader.TextContent);
        Assert.Equal("true", forReader.QuerySelector("button[aria-pressed]")!.GetAttribute("aria-pressed"));
        var forAuthor = (await PostAsync(author, first.Id))!;
        Assert.Contains("Nuttig: 1", forAuthor.TextContent);
        Assert.Equal("false", forAuthor.QuerySelector("button[aria-pressed]")!.GetAttribute("aria-pressed"));

        await Change(db => db.Set<Reply>().Where(r => r.Id == second.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Hold, ModerationHold.Hidden)));
        Assert.Null(await PostAsync(colleague, second.Id));
        // Its writer and the group's manager (the topic's author) still read it, with why.
        Assert.Contains("Anderen zien dit bericht niet meer.", (await PostAsync(reader, second.Id))!.TextContent);
        Assert.Contains("Anderen zien dit bericht niet meer.", (await PostAsync(author, second.Id))!.TextContent);

        await Change(db => db.Set<UsefulReaction>().Where(r => r.TopicId == topic.Id).ExecuteDeleteAsync());
        Assert.Contains("Nuttig: 0", (await PostAsync(reader, first.Id))!.TextContent);
        await Change(db => db.Set<Reply>().Where(r => r.Id == first.Id).ExecuteDeleteAsync());
        Assert.Null(await PostAsync(reader, first.Id));

        // Raised once per changed row, never by a read.
        Assert.Equal([1, 1, 2, 3, 4, 4, 5, 5, 5, 6, 7], versions.Select(v => v - versions[0] + 1));
    }

    /// <summary>
    /// A site whose community was set up before topics had a posts version: the step adds the column (0 on existing
    /// topics) and the triggers, and from then on a reply raises it. Run twice, the migrator finds nothing to do.
    /// </summary>
    public static async Task ExistingTopicsGainThePostsVersionAsync(AcademyFactory factory)
    {
        var author = await CommunityKit.PersonAsync(factory, "Professional", "Oud Lid");
        var group = await CommunityKit.GroupAsync(factory, "voor-de-versie-" + CommunityKit.Letters(6), GroupKind.Themagroep, JoinPolicy.Open, AccessLevel.Professionals, author.UserId!);
        var topic = await CommunityKit.TopicAsync(factory, group.Id, author.UserId!, "Van voor de versie", AccessLevel.Professionals);
        await CommunityKit.ReplyAsync(factory, topic.Id, author.UserId!, "Een oude reactie.");
        var module = Academy.Community.Migrations.CommunityMigration.ModuleName;
        var steps = new Academy.Community.Migrations.CommunityMigration().Steps.Count;
        const int step = Academy.Community.Migrations.CommunityMigration.PostsVersionStep;
        await CommunityKit.QueryAsync(factory, async db =>
        {
            var postgres = db.Database.IsNpgsql();
            foreach (var table in new[] { CommunityModel.Replies, CommunityModel.Reactions })
            {
                foreach (var trigger in postgres ? ["BumpPostsVersion"] : new[] { "BumpOnInsert", "BumpOnUpdate", "BumpOnDelete" })
                {
                    await db.Database.ExecuteSqlRawAsync(postgres
                        ? $"DROP TRIGGER \"{table}_{trigger}\" ON \"{table}\""
                        : $"DROP TRIGGER \"{table}_{trigger}\"");
                }
            }
            if (postgres)
            {
                await db.Database.ExecuteSqlRawAsync($"DROP FUNCTION \"{CommunityModel.Topics}_BumpPostsVersion\"()");
            }
            await db.Database.ExecuteSqlRawAsync($"ALTER TABLE \"{CommunityModel.Topics}\" DROP COLUMN \"PostsVersion\"");
            return await db.Database.ExecuteSqlRawAsync($"UPDATE \"SchemaVersions\" SET \"Version\" = {step} WHERE \"Module\" = '{module}'");
        });

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
        }

        Assert.Equal(steps, await CommunityKit.QueryAsync(factory, db => db.SchemaVersions.Where(v => v.Module == module).Select(v => v.Version).SingleAsync()));
        Task<long> Version() => CommunityKit.PostsVersionAsync(factory, topic.Id);
        Assert.Equal(0, await Version());
        var reply = await CommunityKit.ReplyAsync(factory, topic.Id, author.UserId!, "Een nieuwe reactie.");
        Assert.Equal(1, await Version());
        await CommunityKit.QueryAsync(factory, db => db.Set<Reply>().Where(r => r.Id == reply.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Body, "Bijgewerkt.")));
        Assert.Equal(2, await Version());
        await CommunityKit.QueryAsync(factory, db =>
        {
            db.Add(new UsefulReaction { TopicId = topic.Id, ReplyId = reply.Id, UserId = author.UserId!, CreatedUtc = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        Assert.Equal(3, await Version());
        await CommunityKit.QueryAsync(factory, db => db.Set<Reply>().Where(r => r.Id == reply.Id).ExecuteDeleteAsync());
        Assert.Equal(4, await Version());
    }

    /// <summary>
    /// 120 published replies and one held: every viewer gets the same pages from the cache or the database. A colleague
    /// and a visitor get three pages of published replies (from the cache); the held reply's author and the group's
    /// manager get it too, in its place (from the database). A page past the end is the last page. A change that
    /// leaves the version as it was is not seen: the page comes from the cache.
    /// </summary>
    public static async Task TopicPagesAreTheSameFromTheCacheAndTheDatabaseAsync(AcademyFactory factory, FakeMemberProfiles profiles)
    {
        var (manager, writer, colleague, slug, topic) = await ThreeAroundATopicAsync(factory, profiles,
            ("Mia Beheer", "Wim Wacht", "Cor Collega"), "pagina-", "Lange draad", AccessLevel.Public);
        var start = DateTime.UtcNow.AddDays(-1);
        var replies = Enumerable.Range(1, 121).Select(n => new Reply
        {
            TopicId = topic.Id, AuthorUserId = n == 110 ? writer.UserId! : manager.UserId!, Body = $"Reactie nummer {n}.",
            Hold = n == 110 ? ModerationHold.AwaitingApproval : null, CreatedUtc = start.AddMinutes(n),
        }).ToList();
        await CommunityKit.QueryAsync(factory, db => { db.AddRange(replies); return db.SaveChangesAsync(); });
        var url = $"/community/{slug}/{topic.Id}";
        async Task<(string Title, List<string> Posts)> PageAsync(Person viewer, int page)
        {
            var read = await viewer.Browser.GetAsync(page == 1 ? url : $"{url}?pagina={page}");
            Assert.Equal(HttpStatusCode.OK, read.Status);
            return (read.Document.Title ?? "", read.Document.QuerySelectorAll(".community-post .community-post__body").Select(b => b.TextContent.Trim()).ToList());
        }

        foreach (var viewer in new[] { colleague, CommunityKit.Visitor(factory), colleague })
        {
            var (_, first) = await PageAsync(viewer, 1);
            Assert.Equal(51, first.Count);
            Assert.Equal("Reactie nummer 50.", first[^1]);
            var (title, last) = await PageAsync(viewer, 99);
            Assert.Contains("(pagina 3 van 3)", title);
            Assert.Equal(Enumerable.Range(101, 21).Where(n => n != 110).Select(n => $"Reactie nummer {n}."), last);
        }
        // The pager on page 2: where the reader is, back and on; the page links the module's versioned stylesheet.
        var second = await colleague.Browser.GetAsync($"{url}?pagina=2");
        var pager = second.Document.QuerySelector("nav.community-pager")!;
        Assert.Contains("Pagina 2 van 3", pager.TextContent);
        Assert.Equal($"{url}?pagina=2", pager.QuerySelector("a[aria-current=page]")!.GetAttribute("href"));
        Assert.Equal(url, pager.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal($"{url}?pagina=3", pager.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.StartsWith("/assets/community/css/community.css?v=", second.Document.QuerySelector("link[href*='community.css']")!.GetAttribute("href"));
        foreach (var viewer in new[] { writer, manager })
        {
            var (title, last) = await PageAsync(viewer, 3);
            Assert.Contains("(pagina 3 van 3)", title);
            Assert.Equal(Enumerable.Range(101, 21).Select(n => $"Reactie nummer {n}."), last);
        }

        // Behind the triggers' back: the text changes and the version is put back. The cached page is what is shown.
        var version = await CommunityKit.PostsVersionAsync(factory, topic.Id);
        await CommunityKit.QueryAsync(factory, async db =>
        {
            await db.Set<Reply>().Where(r => r.Id == replies[0].Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Body, "Stil gewijzigd."));
            return await db.Set<Topic>().Where(t => t.Id == topic.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.PostsVersion, version));
        });
        Assert.Equal("Reactie nummer 1.", (await PageAsync(colleague, 1)).Posts[1]);
        Assert.Equal("Stil gewijzigd.", (await PageAsync(manager, 1)).Posts[1]);

        // A member's own "nuttig" is pressed on the page its post is on (the opening post, a reply on page 1, one on
        // page 3) and nowhere else: read per page, next to the kept posts.
        await CommunityKit.MemberAsync(factory, topic.GroupId, colleague.UserId!);
        await CommunityKit.QueryAsync(factory, db =>
        {
            db.AddRange(new[] { 0L, replies[19].Id, replies[104].Id }.Select(id =>
                new UsefulReaction { TopicId = topic.Id, ReplyId = id, UserId = colleague.UserId!, CreatedUtc = start }));
            return db.SaveChangesAsync();
        });
        async Task<List<int>> PressedAsync(int page)
        {
            var read = await colleague.Browser.GetAsync(page == 1 ? url : $"{url}?pagina={page}");
            return read.Document.QuerySelectorAll(".community-post").Select((post, index) => (post, index))
                .Where(p => p.post.QuerySelector("button[aria-pressed='true']") is not null).Select(p => p.index).ToList();
        }
        Assert.Equal([0, 20], await PressedAsync(1));
        Assert.Empty(await PressedAsync(2));
        Assert.Equal([4], await PressedAsync(3)); // replies 101 to 121 without the held 110: the fifth is 105
    }

    /// <summary>
    /// An open group (at <paramref name="access"/>) and a topic in it, both by their manager; a member; and a colleague who
    /// is neither. The manager's and the member's profiles are known.
    /// </summary>
    private static async Task<(Person Manager, Person Member, Person Colleague, string Slug, Topic Topic)> ThreeAroundATopicAsync(
        AcademyFactory factory, FakeMemberProfiles profiles, (string Manager, string Member, string Colleague) names, string slugPrefix, string title, AccessLevel access)
    {
        var manager = await CommunityKit.PersonAsync(factory, "Professional", names.Manager);
        var member = await CommunityKit.PersonAsync(factory, "Professional", names.Member);
        var colleague = await CommunityKit.PersonAsync(factory, "Professional", names.Colleague);
        profiles.Add(Profile(manager));
        profiles.Add(Profile(member));
        var slug = slugPrefix + CommunityKit.Letters(6);
        var group = await CommunityKit.GroupAsync(factory, slug, GroupKind.Themagroep, JoinPolicy.Open, access, manager.UserId!);
        await CommunityKit.MemberAsync(factory, group.Id, member.UserId!);
        return (manager, member, colleague, slug, await CommunityKit.TopicAsync(factory, group.Id, manager.UserId!, title, access));
    }
}
