using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Academy.Community.Models;
using Academy.Community.Services;
using Academy.Core.Data;
using Academy.Search.Abstractions;
using Academy.Testing;
using Academy.Tests.Admin;
using Academy.Tests.Community;
using Academy.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Search;

/// <summary>
/// The search as people meet it, through HTTP on a seeded site, run on SQLite and on PostgreSQL: members-only documents
/// never show to visitors or non-members (results, counts, facets, snippets, suggestions, "bedoelde je"), and people
/// are found by colleagues only while their profile allows it.
/// </summary>
public static class SearchScenarios
{
    /// <summary>
    /// An unrelated random word, so no stemming, compound part or typo tolerance links one to another; letters only, so
    /// the privacy guard never takes it for a postcode or a phone number.
    /// </summary>
    public static string RandomWord() => "w" + string.Concat(Guid.NewGuid().ToByteArray().Take(10).Select(b => (char)('a' + b % 26)));

    /// <summary>The word with its last letter changed (never the word itself, which a random word ending in x would give).</summary>
    public static string Typo(string word) => word[..^1] + (word[^1] == 'x' ? "y" : "x");

    /// <summary>Applies every queued index change (the background worker does this within seconds on a real site).</summary>
    public static Task IndexAsync(AcademyFactory factory) => factory.DrainBackgroundAsync();

    /// <summary>Runs only the search's indexer until it is idle (its first round builds the index from every source).</summary>
    public static async Task IndexSearchOnlyAsync(AcademyFactory factory)
    {
        for (var round = 0; round < 20; round++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var search = scope.ServiceProvider.GetServices<Academy.Core.Background.IBackgroundProcessor>().Single(p => p.Name == "Search");
            if (await search.ProcessBatchAsync(CancellationToken.None) == 0)
            {
                return;
            }
        }
    }

    public sealed record ApiResult(int Total, IReadOnlyDictionary<string, int> Kinds, string Json, IReadOnlyList<(string Title, string Url, string Snippet)> Hits);

    public static async Task<ApiResult> ApiAsync(Browser browser, string query)
    {
        var response = await browser.Client.GetAsync("/api/zoeken?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var kinds = root.GetProperty("kinds").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        var hits = root.GetProperty("hits").EnumerateArray()
            .Select(h => (h.GetProperty("title").GetString()!, h.GetProperty("url").GetString()!, h.GetProperty("snippetHtml").GetString() ?? ""))
            .ToList();
        return new ApiResult(root.GetProperty("total").GetInt32(), kinds, json, hits);
    }

    public static async Task<string> SuggestionsAsync(Browser browser, string prefix)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/zoeken/suggesties?q=" + Uri.EscapeDataString(prefix));
        request.Headers.Add("HX-Request", "true");
        var response = await browser.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<Topic> StartTopicAsync(AcademyFactory factory, CommunityGroup group, string authorUserId, string title, string body, AccessLevel access)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var topics = scope.ServiceProvider.GetRequiredService<TopicService>();
        var result = await topics.StartAsync(group, new PostAuthor(authorUserId, Moderates: true), new PostForm { Title = title, Body = body, Access = access }, CancellationToken.None);
        Assert.True(result.Saved, string.Join("; ", result.Check.Warnings));
        return await scope.ServiceProvider.GetRequiredService<AcademyDbContext>().Set<Topic>().AsNoTracking().SingleAsync(t => t.Id == result.Id);
    }

    /// <summary>
    /// A hidden group's topic, a members-only topic of a closed group, a topic for professionals and a public one, each
    /// with a word of its own. Who finds which is stated per person; the hidden ones leak through no channel.
    /// </summary>
    public static async Task MembersOnlyDocumentsStayHiddenAsync(AcademyFactory factory)
    {
        var tag = "zq" + Academy.Tests.Community.CommunityKit.Letters(6);
        var owner = await CommunityKit.PersonAsync(factory, "Professional", "Eigenaar Zoektest");
        var member = await CommunityKit.PersonAsync(factory, "Professional", "Lid Zoektest");
        var outsider = await CommunityKit.PersonAsync(factory, "Professional", "Buitenstaander Zoektest");
        var visitor = CommunityKit.Visitor(factory);

        var hidden = await CommunityKit.GroupAsync(factory, tag + "-verborgen", GroupKind.Themagroep, JoinPolicy.Hidden, AccessLevel.Members, owner.UserId!);
        var closed = await CommunityKit.GroupAsync(factory, tag + "-besloten", GroupKind.Themagroep, JoinPolicy.Closed, AccessLevel.Members, owner.UserId!);
        var open = await CommunityKit.GroupAsync(factory, tag + "-open", GroupKind.Themagroep, JoinPolicy.Open, AccessLevel.Public, owner.UserId!);
        await CommunityKit.MemberAsync(factory, hidden.Id, member.UserId!);
        await CommunityKit.MemberAsync(factory, closed.Id, member.UserId!);

        var (secret, membersOnly, professionals, everyone) = (RandomWord(), RandomWord(), RandomWord(), RandomWord());
        await StartTopicAsync(factory, hidden, owner.UserId!, $"Verborgen {secret}", $"Over {secret} en {everyone}.", AccessLevel.Members);
        await StartTopicAsync(factory, closed, owner.UserId!, $"Besloten {membersOnly}", $"Over {membersOnly} en {everyone}.", AccessLevel.Members);
        await StartTopicAsync(factory, open, owner.UserId!, $"Collega's {professionals}", $"Over {professionals} en {everyone}.", AccessLevel.Professionals);
        await StartTopicAsync(factory, open, owner.UserId!, $"Iedereen {everyone}", $"Over {everyone}.", AccessLevel.Public);
        await IndexAsync(factory);

        // Who finds what: the counts per word.
        var expected = new Dictionary<string, (Browser Browser, int Secret, int MembersOnly, int Professionals, int Everyone)>
        {
            ["bezoeker"] = (visitor.Browser, 0, 0, 0, 1),
            ["buitenstaander"] = (outsider.Browser, 0, 0, 1, 2),
            ["lid"] = (member.Browser, 1, 1, 1, 4),
        };
        foreach (var (name, cell) in expected)
        {
            Assert.True((await ApiAsync(cell.Browser, secret)).Total == cell.Secret, $"{name}: {secret}");
            Assert.True((await ApiAsync(cell.Browser, membersOnly)).Total == cell.MembersOnly, $"{name}: {membersOnly}");
            Assert.True((await ApiAsync(cell.Browser, professionals)).Total == cell.Professionals, $"{name}: {professionals}");
            var all = await ApiAsync(cell.Browser, everyone);
            Assert.True(all.Total == cell.Everyone, $"{name}: {everyone} gave {all.Total}");
            Assert.True(all.Kinds.Values.Sum() == cell.Everyone, $"{name}: kind counts {all.Json}");
        }

        foreach (var (name, browser) in new[] { ("bezoeker", visitor.Browser), ("buitenstaander", outsider.Browser) })
        {
            // No title, snippet or word of the hidden topics in any answer: API, page, suggestions, "bedoelde je".
            var everything = await ApiAsync(browser, everyone);
            Assert.DoesNotContain(secret, everything.Json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(membersOnly, everything.Json, StringComparison.OrdinalIgnoreCase);
            var page = await browser.GetAsync("/zoeken?q=" + Uri.EscapeDataString(everyone));
            Assert.DoesNotContain(secret, page.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(membersOnly, page.Html, StringComparison.OrdinalIgnoreCase);
            var suggestions = await SuggestionsAsync(browser, "Verborgen " + secret[..6]);
            Assert.DoesNotContain(secret, suggestions, StringComparison.OrdinalIgnoreCase);
            var typo = await ApiAsync(browser, Typo(secret));
            Assert.DoesNotContain(secret, typo.Json, StringComparison.OrdinalIgnoreCase);
            Assert.True(typo.Total == 0, $"{name}: a typo of a hidden word finds {typo.Total}");
        }

        // The member finds the hidden topic with a highlighted snippet, and its title among the suggestions.
        var found = await ApiAsync(member.Browser, secret);
        Assert.Contains("<mark>", found.Hits.Single().Snippet, StringComparison.Ordinal);
        Assert.StartsWith($"/community/{hidden.Slug}/", found.Hits.Single().Url, StringComparison.Ordinal);
        Assert.Contains(secret, await SuggestionsAsync(member.Browser, "Verborgen " + secret[..6]), StringComparison.OrdinalIgnoreCase);

        // Leaving the closed group takes its topics out of the member's results at once (keys are read per search).
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var groups = scope.ServiceProvider.GetRequiredService<GroupService>();
            Assert.True(await groups.LeaveAsync(closed, member.UserId!, CancellationToken.None));
        }
        Assert.Equal(0, (await ApiAsync(member.Browser, membersOnly)).Total);
    }

    /// <summary>People: only colleagues find them, only while the profile is visible, never after the account is erased.</summary>
    public static async Task PeopleAreFoundByColleaguesWhileTheyAllowItAsync(AcademyFactory factory)
    {
        var tag = "zp" + Academy.Tests.Community.CommunityKit.Letters(6);
        var shown = await CommunityKit.PersonAsync(factory, "Professional", $"Zichtbaar {tag}");
        var unseen = await CommunityKit.PersonAsync(factory, "Professional", $"Onzichtbaar {tag}");
        var function = tag + "jobcoach";
        await SetProfileAsync(factory, shown.UserId!, function, visible: true);
        await SetProfileAsync(factory, unseen.UserId!, function, visible: false);
        await IndexAsync(factory);

        var visitor = await ApiAsync(CommunityKit.Visitor(factory).Browser, function);
        Assert.Equal(0, visitor.Total);

        var colleague = await ApiAsync(unseen.Browser, function);
        var hit = Assert.Single(colleague.Hits);
        Assert.Equal($"Zichtbaar {tag}", hit.Title);
        Assert.Equal(1, colleague.Kinds[SearchKinds.Person]);
        Assert.DoesNotContain("@example.nl", colleague.Json, StringComparison.Ordinal);

        // The owner hides the profile through "Mijn profiel": gone from the search with the save.
        var profilePage = await shown.Browser.GetAsync("/mijn-profiel");
        var form = HtmlForm.From(profilePage.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(f => f.QuerySelector("[name=VisibleToColleagues]") is not null))
            .Remove("VisibleToColleagues");
        var saved = await shown.Browser.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        await IndexAsync(factory);
        Assert.Equal(0, (await ApiAsync(unseen.Browser, function)).Total);

        // Visible again, then erased: gone with the erasure.
        await SetProfileAsync(factory, shown.UserId!, function, visible: true);
        await IndexAsync(factory);
        Assert.Equal(1, (await ApiAsync(unseen.Browser, function)).Total);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var erasure = scope.ServiceProvider.GetRequiredService<Academy.Users.Services.Privacy.PersonalDataService>();
            await erasure.EraseAsync(shown.UserId!);
        }
        await IndexAsync(factory);
        Assert.Equal(0, (await ApiAsync(unseen.Browser, function)).Total);
    }

    /// <summary>Writes a profile row and queues the person, as the profile form does.</summary>
    private static async Task SetProfileAsync(AcademyFactory factory, string userId, string function, bool visible)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
        var profile = await db.Set<UserProfile>().FirstOrDefaultAsync(p => p.UserId == userId);
        if (profile is null)
        {
            profile = new UserProfile { UserId = userId };
            db.Add(profile);
        }
        profile.Function = function;
        profile.VisibleToColleagues = visible;
        profile.UpdatedUtc = DateTime.UtcNow;
        Academy.Users.Services.Profiles.PeopleSearchSource.Changed(scope.ServiceProvider.GetRequiredService<ISearchIndexQueue>(), userId);
        await db.SaveChangesAsync();
    }
}
