using System.Collections.Concurrent;
using System.Net;
using Academy.Community.Models;
using Academy.Community.Services;
using Academy.Core.Content;
using Academy.Core.Data;
using Academy.Search.Abstractions;
using Academy.Testing;
using Academy.Tests.Community;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Search.SearchScenarios;

namespace Academy.Tests.Search;

/// <summary>
/// The community's kennisbank articles, files and replies in the search, through HTTP on a seeded site, run on SQLite
/// and on PostgreSQL: a members-only article and file reach members only (results, kind counts, snippets, suggestions,
/// /zoeken and /api/zoeken), follow their article when it is unpublished or removed; a reply's words find its topic,
/// and held or hidden posts are never found.
/// </summary>
public static class CommunitySearchScenarios
{
    public static async Task MembersOnlyArticlesAndFilesReachMembersOnlyAsync(AcademyFactory factory)
    {
        var tag = "zk" + Academy.Tests.Community.CommunityKit.Letters(6);
        var owner = await CommunityKit.PersonAsync(factory, "Professional", "Beheerder Kennisbanktest");
        var member = await CommunityKit.PersonAsync(factory, "Professional", "Lid Kennisbanktest");
        var outsider = await CommunityKit.PersonAsync(factory, "Professional", "Buitenstaander Kennisbanktest");
        var visitor = CommunityKit.Visitor(factory);
        // A closed group whose content professionals may read: only the article's and the files' own levels keep them out.
        var group = await CommunityKit.GroupAsync(factory, tag, GroupKind.Themagroep, JoinPolicy.Closed, AccessLevel.Professionals, owner.UserId!);
        await CommunityKit.MemberAsync(factory, group.Id, member.UserId!);

        var (secret, fileWord, attachWord, everyone) = (RandomWord(), RandomWord(), RandomWord(), RandomWord());
        var article = await KennisbankKit.ArticleAsync(factory, group.Slug, AccessLevel.Members, $"Verborgen {secret} {everyone}");
        await KennisbankKit.ArticleAsync(factory, null, AccessLevel.Public, $"Openbaar {everyone}");
        await UploadAsync(owner, $"/community/{group.Slug}/bestanden", $"{fileWord}_overzicht.pdf", "Members");
        await UploadAsync(owner, $"/community/{group.Slug}/bestanden", $"{everyone}-lijst.pdf", "Professionals");
        await UploadAsync(owner, $"/community/kennisbank/{article}/bijlagen", $"{attachWord}.pdf", null);
        await IndexAsync(factory);

        var expected = new Dictionary<string, (Person Person, int Members, int Everyone)>
        {
            ["bezoeker"] = (visitor, 0, 1),
            ["buitenstaander"] = (outsider, 0, 2),
            ["lid"] = (member, 1, 3),
        };
        foreach (var (name, cell) in expected)
        {
            foreach (var word in new[] { secret, fileWord, attachWord })
            {
                var found = await ApiAsync(cell.Person.Browser, word);
                Assert.True(found.Total == cell.Members && found.Kinds.Values.Sum() == cell.Members, $"{name}: {word} gave {found.Json}");
            }
            var all = await ApiAsync(cell.Person.Browser, everyone);
            Assert.True(all.Total == cell.Everyone, $"{name}: {everyone} gave {all.Json}");
            Assert.True(all.Kinds.GetValueOrDefault(SearchKinds.Article) == cell.Everyone && all.Kinds.Values.Sum() == cell.Everyone, $"{name}: kind counts {all.Json}");
        }

        foreach (var (name, person) in new[] { ("bezoeker", visitor), ("buitenstaander", outsider) })
        {
            var everything = await ApiAsync(person.Browser, everyone);
            var page = await person.Browser.GetAsync("/zoeken?q=" + Uri.EscapeDataString(everyone));
            var suggestions = await SuggestionsAsync(person.Browser, "Verborgen " + secret[..6]) + await SuggestionsAsync(person.Browser, fileWord[..6]);
            foreach (var word in new[] { secret, fileWord, attachWord })
            {
                Assert.False(everything.Json.Contains(word, StringComparison.OrdinalIgnoreCase), $"{name}: api shows {word}");
                Assert.False(page.Html.Contains(word, StringComparison.OrdinalIgnoreCase), $"{name}: page shows {word}");
                Assert.False(suggestions.Contains(word, StringComparison.OrdinalIgnoreCase), $"{name}: suggestions show {word}");
            }
            Assert.Equal(0, (await ApiAsync(person.Browser, SearchScenarios.Typo(secret))).Total);
        }

        // The member finds the article at its page with a highlighted snippet, the group's file at the group's files,
        // the attachment at its article, and the titles among the suggestions.
        var articleUrl = $"/community/kennisbank/{article}";
        var hit = Assert.Single((await ApiAsync(member.Browser, secret)).Hits);
        Assert.Equal(articleUrl, hit.Url);
        Assert.Contains("<mark>", hit.Snippet, StringComparison.Ordinal);
        Assert.Equal($"/community/{group.Slug}/bestanden", Assert.Single((await ApiAsync(member.Browser, fileWord)).Hits).Url);
        Assert.Equal(articleUrl, Assert.Single((await ApiAsync(member.Browser, attachWord)).Hits).Url);
        Assert.Contains(secret, await SuggestionsAsync(member.Browser, "Verborgen " + secret[..6]), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(fileWord, await SuggestionsAsync(member.Browser, fileWord[..6]), StringComparison.OrdinalIgnoreCase);

        // Unpublished, the article and its attachment are gone; published again, back; removed, gone for good.
        await ContentAsync(factory, content => content.UnpublishAsync(article));
        await IndexAsync(factory);
        Assert.Equal((0, 0), await TotalsAsync(member, secret, attachWord));
        await ContentAsync(factory, content => content.PublishAsync(article));
        await IndexAsync(factory);
        Assert.Equal((1, 1), await TotalsAsync(member, secret, attachWord));
        await ContentAsync(factory, content => content.RemoveAsync(article));
        await IndexAsync(factory);
        Assert.Equal((0, 0), await TotalsAsync(member, secret, attachWord));

        // A deleted file is gone with its row.
        var fileId = await CommunityKit.QueryAsync(factory, db => db.Set<CommunityFile>().Where(f => f.GroupId == group.Id && f.FileName.StartsWith(fileWord)).Select(f => f.Id).SingleAsync());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CommunityFiles>().DeleteAsync(fileId, CancellationToken.None);
        }
        await IndexAsync(factory);
        Assert.Equal(0, (await ApiAsync(member.Browser, fileWord)).Total);
    }

    /// <summary>A word only in a reply finds the topic; a held reply is never found; hiding removes, restoring returns.</summary>
    public static async Task RepliesFindTheirTopicAndHiddenPostsLeaveTheIndexAsync(AcademyFactory factory)
    {
        var tag = "zr" + Academy.Tests.Community.CommunityKit.Letters(6);
        var owner = await CommunityKit.PersonAsync(factory, "Professional", "Beheerder Reactietest");
        var newcomer = await CommunityKit.PersonAsync(factory, "Professional", "Nieuw lid Reactietest");
        var visitor = CommunityKit.Visitor(factory);
        var group = await CommunityKit.GroupAsync(factory, tag, GroupKind.Themagroep, JoinPolicy.Open, AccessLevel.Public, owner.UserId!);
        await CommunityKit.MemberAsync(factory, group.Id, newcomer.UserId!);
        // First posts of new members wait for approval in this group.
        await CommunityKit.QueryAsync(factory, db => db.Set<CommunityGroup>().Where(g => g.Id == group.Id).ExecuteUpdateAsync(s => s.SetProperty(g => g.ApproveFirstPosts, true)));
        group.ApproveFirstPosts = true;

        var (titleWord, replyWord, heldWord) = (RandomWord(), RandomWord(), RandomWord());
        var topic = await StartTopicAsync(factory, group, owner.UserId!, $"Vraag over {titleWord}", "Wie weet hier raad mee?", AccessLevel.Public);
        var reply = await ReplyAsync(factory, group, topic, new PostAuthor(owner.UserId!, ManagesGroup: true), $"Probeer eens {replyWord} in het eerste gesprek.");
        var held = await ReplyAsync(factory, group, topic, new PostAuthor(newcomer.UserId!), $"Misschien helpt {heldWord}.");
        Assert.True(held.Held);
        await IndexAsync(factory);

        var topicUrl = $"/community/{group.Slug}/";
        var found = Assert.Single((await ApiAsync(visitor.Browser, replyWord)).Hits);
        Assert.StartsWith(topicUrl, found.Url, StringComparison.Ordinal);
        Assert.Contains($"<mark>{replyWord}</mark>", found.Snippet, StringComparison.Ordinal);
        foreach (var person in new[] { visitor, owner, newcomer })
        {
            Assert.Equal(0, (await ApiAsync(person.Browser, heldWord)).Total);
        }

        Assert.True(await DecideAsync(factory, group, topic, reply.Id!.Value, ModerationAction.Hidden, owner.UserId!));
        await IndexAsync(factory);
        Assert.Equal(0, (await ApiAsync(owner.Browser, replyWord)).Total);
        Assert.Equal(1, (await ApiAsync(visitor.Browser, titleWord)).Total);

        Assert.True(await DecideAsync(factory, group, topic, reply.Id!.Value, ModerationAction.Restored, owner.UserId!));
        await IndexAsync(factory);
        Assert.Equal(1, (await ApiAsync(visitor.Browser, replyWord)).Total);

        // Hiding the opening post hides the whole topic, replies and all.
        Assert.True(await DecideAsync(factory, group, topic, 0, ModerationAction.Hidden, owner.UserId!));
        await IndexAsync(factory);
        Assert.Equal((0, 0), await TotalsAsync(owner, titleWord, replyWord));
    }

    /// <summary>
    /// What the seeded recipe cannot hold (replies and uploaded files): a reply in the public group's starter topic and
    /// a file in that group, added once per site through the module's own services and upload form.
    /// </summary>
    public static Task SeedReplyAndFileAsync(AcademyFactory factory) => Seeded.GetOrAdd(factory, f => new Lazy<Task>(() => SeedAsync(f))).Value;

    private static readonly ConcurrentDictionary<AcademyFactory, Lazy<Task>> Seeded = new();

    public const string SeededGroup = "igm-in-de-praktijk";

    private static async Task SeedAsync(AcademyFactory factory)
    {
        var person = await CommunityKit.PersonAsync(factory, "Professional", "Jobcoach Zoektest");
        var group = await CommunityKit.QueryAsync(factory, db => db.Set<CommunityGroup>().AsNoTracking().SingleAsync(g => g.Slug == SeededGroup));
        var topic = await CommunityKit.QueryAsync(factory, db => db.Set<Topic>().AsNoTracking().SingleAsync(t => t.GroupId == group.Id && t.Title == "Je eerste gesprek met het IGM"));
        await CommunityKit.MemberAsync(factory, group.Id, person.UserId!);
        await ReplyAsync(factory, group, topic, new PostAuthor(person.UserId!),
            "Ik sluit elk eerste gesprek af met een korte terugblik: wat heeft iemand zelf al geprobeerd, wat gaf energie en wat niet? "
            + "Met die terugblik pak ik het gesprek de volgende keer makkelijk weer op.");
        await UploadAsync(person, $"/community/{SeededGroup}/bestanden", "IGM_gesprekskaart_motivatie.pdf", "Public");
        await IndexAsync(factory);
    }

    private static async Task UploadAsync(Person person, string url, string fileName, string? access)
    {
        var page = await KennisbankKit.UploadAsync(person, url, fileName, KennisbankKit.Pdf, access);
        Assert.True(page.Status == HttpStatusCode.Redirect, $"{fileName}: {page.Status}");
    }

    private static async Task<PostResult> ReplyAsync(AcademyFactory factory, CommunityGroup group, Topic topic, PostAuthor author, string body)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<TopicService>().ReplyAsync(group, topic, author, new PostForm { Body = body }, CancellationToken.None);
        Assert.True(result.Saved, string.Join("; ", result.Check.Warnings));
        return result;
    }

    private static async Task<bool> DecideAsync(AcademyFactory factory, CommunityGroup group, Topic topic, long replyId, ModerationAction action, string actorUserId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ModerationService>().DecideAsync(group, topic, replyId, action, actorUserId, "Test van de zoekfunctie", CancellationToken.None);
    }

    private static async Task ContentAsync(AcademyFactory factory, Func<ContentManager, Task> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await change(scope.ServiceProvider.GetRequiredService<ContentManager>());
    }

    private static async Task<(int, int)> TotalsAsync(Person person, string first, string second) =>
        ((await ApiAsync(person.Browser, first)).Total, (await ApiAsync(person.Browser, second)).Total);
}
