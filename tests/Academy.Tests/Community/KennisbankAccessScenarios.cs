using Academy.Community.Models;
using Academy.Community.Services;
using Academy.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Community;

/// <summary>
/// The access matrix extended to kennisbank articles and files (issue 13, point 7): visitor, professional, member,
/// group manager and moderator against site-wide articles, articles and files of every level in public,
/// professionals-only, members-only and hidden groups, and a draft: the lists, article pages, downloads (also a guessed
/// id), writing, uploading and deleting. Every cell is stated; a refused upload or delete changes nothing.
/// </summary>
public static class KennisbankAccessScenarios
{
    private static readonly string[] People = AccessMatrixScenarios.People;

    public static async Task RunAsync(AcademyFactory factory)
    {
        var (prefix, owner, people, groups) = await AccessMatrixScenarios.WorldAsync(factory);
        var articles = new Dictionary<string, string>();
        async Task AddArticle(string name, string? group, AccessLevel access, bool publish = true) =>
            articles[name] = await KennisbankKit.ArticleAsync(factory, group is null ? null : groups[group].Slug, access, $"{prefix} artikel {name}", publish, owner.UserId);
        await AddArticle("site/openbaar", null, AccessLevel.Public);
        await AddArticle("site/professionals", null, AccessLevel.Professionals);
        await AddArticle("openbaar/openbaar", "openbaar", AccessLevel.Public);
        await AddArticle("openbaar/professionals", "openbaar", AccessLevel.Professionals);
        await AddArticle("openbaar/leden", "openbaar", AccessLevel.Members);
        await AddArticle("openbaar/concept", "openbaar", AccessLevel.Public, publish: false);
        await AddArticle("professionals/professionals", "professionals", AccessLevel.Professionals);
        await AddArticle("leden/professionals", "leden", AccessLevel.Professionals);
        await AddArticle("leden/leden", "leden", AccessLevel.Members);
        await AddArticle("verborgen/leden", "verborgen", AccessLevel.Members);

        var files = new Dictionary<string, long>();
        async Task AddFile(string name, string? group, string? article, AccessLevel access) =>
            files[name] = await StoreAsync(factory, group is null ? null : groups[group], article is null ? null : articles[article], access, owner.UserId!);
        await AddFile("openbaar/openbaar", "openbaar", null, AccessLevel.Public);
        await AddFile("openbaar/professionals", "openbaar", null, AccessLevel.Professionals);
        await AddFile("openbaar/leden", "openbaar", null, AccessLevel.Members);
        await AddFile("professionals/professionals", "professionals", null, AccessLevel.Professionals);
        await AddFile("leden/leden", "leden", null, AccessLevel.Members);
        await AddFile("bijlage openbaar/leden", "openbaar", "openbaar/leden", AccessLevel.Public);
        await AddFile("bijlage site/professionals", null, "site/professionals", AccessLevel.Public);
        await AddFile("bijlage openbaar/concept", "openbaar", "openbaar/concept", AccessLevel.Public);

        var violations = new List<string>();
        void Expect(string what, string who, string expected, string actual)
        {
            if (expected != actual)
            {
                violations.Add($"{what} as {who}: expected {expected}, got {actual}");
            }
        }

        for (var i = 0; i < People.Length; i++)
        {
            var who = People[i];
            var browser = people[who].Browser;
            // The kennisbank lists exactly the articles each person may open.
            var list = await browser.GetAsync("/community/kennisbank");
            Expect("GET /community/kennisbank", who, "ok", CommunityKit.Outcome(list));
            var listed = articles.Where(a => list.Html.Contains($"/community/kennisbank/{a.Value}\"", StringComparison.Ordinal)).Select(a => a.Key).Order();
            Expect("articles listed", who, string.Join(",", articles.Keys.Where(a => ArticleReadable(a)[i] == "ok").Order()), string.Join(",", listed));

            foreach (var (name, id) in articles)
            {
                Expect($"GET article {name}", who, ArticleReadable(name)[i], CommunityKit.Outcome(await browser.GetAsync($"/community/kennisbank/{id}")));
                var mayWrite = who == "moderator" || (who == "groepsbeheerder" && !name.StartsWith("site/", StringComparison.Ordinal));
                var edit = CommunityKit.Outcome(await browser.GetAsync($"/community/kennisbank/{id}/bewerken"));
                Expect($"GET edit article {name}", who, who == "bezoeker" ? "login" : mayWrite ? "ok" : ArticleReadable(name)[i] == "ok" ? "forbidden" : "notfound", edit);
            }
            foreach (var (name, id) in files)
            {
                Expect($"GET file {name}", who, FileReadable(name)[i], CommunityKit.Outcome(await browser.GetAsync($"/community/bestanden/{id}")));
            }
            // A guessed id of a file that does not exist is the same 404 as one the person may not read.
            Expect("GET a guessed file id", who, "notfound", CommunityKit.Outcome(await browser.GetAsync($"/community/bestanden/{files.Values.Max() + 1000}")));
            // Who manages no group reads who writes articles (200, no form).
            var newForm = await browser.GetAsync($"/community/kennisbank/nieuw?groep={groups["openbaar"].Slug}");
            var newOutcome = CommunityKit.Outcome(newForm) == "ok" && newForm.Document.QuerySelector("textarea[name=Markdown]") is null ? "uitleg" : CommunityKit.Outcome(newForm);
            Expect("GET new article form", who, who switch { "bezoeker" => "login", "groepsbeheerder" or "moderator" => "ok", _ => "uitleg" }, newOutcome);
        }

        // Group kennisbank pages list only the articles of that group the person may open.
        foreach (var (groupName, group) in groups)
        {
            for (var i = 0; i < People.Length; i++)
            {
                var page = await people[People[i]].Browser.GetAsync($"/community/{group.Slug}/kennisbank");
                if (page.Status != System.Net.HttpStatusCode.OK)
                {
                    continue;
                }
                foreach (var (name, id) in articles.Where(a => a.Key.StartsWith(groupName + "/", StringComparison.Ordinal)))
                {
                    Expect($"article {name} listed on {groupName}'s kennisbank", People[i], (ArticleReadable(name)[i] == "ok").ToString(),
                        page.Html.Contains($"/community/kennisbank/{id}\"", StringComparison.Ordinal).ToString());
                }
            }
        }

        // Uploading to a group: members and moderators; nothing is stored for anyone else, nor in a casuïstiek group.
        foreach (var groupName in new[] { "openbaar", "leden", "verborgen" })
        {
            for (var i = 0; i < People.Length; i++)
            {
                var who = People[i];
                var before = (await KennisbankKit.FilesAsync(factory)).Count;
                var page = await KennisbankKit.UploadAsync(people[who], $"/community/{groups[groupName].Slug}/bestanden", "verslag.pdf", KennisbankKit.Pdf);
                var expected = (groupName, who) switch
                {
                    (_, "bezoeker") => "login",
                    ("verborgen", "professional") => "notfound",
                    ("verborgen", _) => "400",
                    (_, "professional") => "forbidden",
                    _ => "ok",
                };
                Expect($"POST file to {groupName}", who, expected, CommunityKit.Outcome(page));
                var stored = expected == "ok" ? 1 : 0;
                Expect($"files after {who} uploaded to {groupName}", who, (before + stored).ToString(), (await KennisbankKit.FilesAsync(factory)).Count.ToString());
                if (expected == "400")
                {
                    Expect("casuïstiek upload message", who, "True", page.Html.Contains("In een casuïstiekgroep deel je geen bestanden", StringComparison.Ordinal).ToString());
                }
            }
        }

        // Saving an article is refused for who manages no group, and nothing is saved.
        var count = await CommunityKit.QueryAsync(factory, db => db.Set<ArticleIndex>().CountAsync());
        var forged = await people["lid"].PostAsync("/community/kennisbank/nieuw", ("Title", "Niet van mij"), ("Markdown", "Tekst"),
            ("ArticleGroup", groups["openbaar"].Slug), ("ArticleAccess", "Public"), ("actie", "publiceren"));
        Expect("POST new article", "lid", "forbidden", CommunityKit.Outcome(forged));
        Expect("articles after a refused article", "lid", count.ToString(), (await CommunityKit.QueryAsync(factory, db => db.Set<ArticleIndex>().CountAsync())).ToString());

        // Deleting: the uploader, group managers and moderators; a member who did not upload it may not.
        var target = files["openbaar/professionals"];
        foreach (var (who, expected) in new[] { ("bezoeker", "login"), ("professional", "forbidden"), ("lid", "forbidden"), ("groepsbeheerder", "ok") })
        {
            var page = await people[who].PostAsync($"/community/bestanden/{target}/verwijderen");
            Expect("POST delete file", who, expected, CommunityKit.Outcome(page));
            var exists = await CommunityKit.QueryAsync(factory, db => db.Set<CommunityFile>().AnyAsync(f => f.Id == target));
            Expect($"file exists after {who} tried to delete it", who, (expected != "ok").ToString(), exists.ToString());
        }

        Assert.True(violations.Count == 0, $"{violations.Count} cells give more or less than they should:\n" + string.Join('\n', violations));
    }

    /// <summary>Opening an article, per person in <see cref="People"/> order; a visitor is asked to log in for a published article for professionals.</summary>
    private static string[] ArticleReadable(string article) => article switch
    {
        "site/openbaar" or "openbaar/openbaar" => ["ok", "ok", "ok", "ok", "ok"],
        "site/professionals" or "openbaar/professionals" or "professionals/professionals" => ["login", "ok", "ok", "ok", "ok"],
        "leden/professionals" => ["login", "notfound", "ok", "ok", "ok"],
        "openbaar/leden" or "leden/leden" or "verborgen/leden" => ["notfound", "notfound", "ok", "ok", "ok"],
        "openbaar/concept" => ["notfound", "notfound", "notfound", "ok", "ok"],
        _ => throw new ArgumentException(article),
    };

    /// <summary>Downloading a file, per person; anything not readable is 404, for visitors too.</summary>
    private static string[] FileReadable(string file) => file switch
    {
        "openbaar/openbaar" => ["ok", "ok", "ok", "ok", "ok"],
        "openbaar/professionals" or "professionals/professionals" or "bijlage site/professionals" => ["notfound", "ok", "ok", "ok", "ok"],
        "openbaar/leden" or "leden/leden" or "bijlage openbaar/leden" => ["notfound", "notfound", "ok", "ok", "ok"],
        "bijlage openbaar/concept" => ["notfound", "notfound", "notfound", "ok", "ok"],
        _ => throw new ArgumentException(file),
    };

    /// <summary>A PDF stored through the module's service, as an upload would be.</summary>
    private static async Task<long> StoreAsync(AcademyFactory factory, CommunityGroup? group, string? articleId, AccessLevel access, string uploaderUserId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var article = articleId is null ? null
            : await scope.ServiceProvider.GetRequiredService<Academy.Core.Data.AcademyDbContext>().Set<ArticleIndex>().AsNoTracking().SingleAsync(a => a.ContentItemId == articleId);
        var upload = new FormFile(new MemoryStream(KennisbankKit.Pdf), 0, KennisbankKit.Pdf.Length, "Bestand", "verslag.pdf");
        var (file, error) = await scope.ServiceProvider.GetRequiredService<CommunityFiles>().StoreAsync(new FileTarget(group, article), upload, access, uploaderUserId, CancellationToken.None);
        Assert.True(file is not null, error);
        return file!.Id;
    }
}
