using Academy.Community.Models;
using Academy.Community.Services;
using Academy.Core.Data;
using Academy.Testing;
using Academy.Tests.Admin;
using Academy.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Community;

/// <summary>A signed-in person of a test (or a visitor: no user id).</summary>
public sealed record Person(string Name, Browser Browser, string? UserId)
{
    /// <summary>Posts a form with this person's antiforgery token.</summary>
    public async Task<Page> PostAsync(string url, params (string Name, string Value)[] values)
    {
        var token = await Browser.TokenAsync("/account/inloggen");
        return await Browser.PostAsync(url, values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value))
            .Append(new("__RequestVerificationToken", token)));
    }
}

/// <summary>People, groups and topics for the community tests, made through the module's own services.</summary>
public static class CommunityKit
{
    public static Person Visitor(AcademyFactory factory) => new("bezoeker", AdminTestKit.Anonymous(factory), null);

    /// <summary>A new account in a recipe role with a display name of its own, logged in.</summary>
    /// <summary>
    /// A random tag of lower-case letters for names and texts. Hex digits would sometimes read as personal data to the
    /// privacy guard (a postcode with a house number such as "1234ab56", a long number), which refuses or warns.
    /// </summary>
    public static string Letters(int length) =>
        string.Concat(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).Take(length).Select(b => (char)('a' + b % 26)));

    public static async Task<Person> PersonAsync(AcademyFactory factory, string role, string displayName)
    {
        var email = $"community-{Guid.NewGuid():n}@example.nl";
        string id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AcademyUser>>();
            var user = new AcademyUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, AdminTestKit.UserPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            id = user.Id;
        }
        var browser = new Browser(factory.CreateBrowserClient());
        await browser.LoginAsync(email, AdminTestKit.UserPassword);
        return new Person(displayName, browser, id);
    }

    public static async Task<CommunityGroup> GroupAsync(AcademyFactory factory, string slug, GroupKind kind, JoinPolicy join, AccessLevel access, string managerUserId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var groups = scope.ServiceProvider.GetRequiredService<GroupService>();
        var form = new GroupForm { Name = "Groep " + slug, Slug = slug, Description = "Een groep om te testen.", Kind = kind, JoinPolicy = join, Access = access };
        return await groups.CreateAsync(form, managerUserId, CancellationToken.None) ?? throw new InvalidOperationException($"Group {slug} exists.");
    }

    public static async Task MemberAsync(AcademyFactory factory, long groupId, string userId, bool manager = false)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<GroupService>().AddMemberAsync(groupId, userId, manager, CancellationToken.None);
    }

    public static async Task<Topic> TopicAsync(AcademyFactory factory, long groupId, string authorUserId, string title, AccessLevel access, bool closed = false, ModerationHold? hold = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
        var topic = new Topic
        {
            GroupId = groupId, Title = title, Body = "Tekst van " + title, AuthorUserId = authorUserId, Access = access,
            IsClosed = closed, Hold = hold, CreatedUtc = DateTime.UtcNow, LastActivityUtc = DateTime.UtcNow,
        };
        db.Add(topic);
        await db.SaveChangesAsync();
        return topic;
    }

    /// <summary>A reply written straight to the database (a held or hidden one is not counted on its topic).</summary>
    public static async Task<Reply> ReplyAsync(AcademyFactory factory, long topicId, string authorUserId, string body, ModerationHold? hold = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
        var reply = new Reply { TopicId = topicId, AuthorUserId = authorUserId, Body = body, Hold = hold, CreatedUtc = DateTime.UtcNow };
        db.Add(reply);
        await db.SaveChangesAsync();
        return reply;
    }

    public static async Task<T> QueryAsync<T>(AcademyFactory factory, Func<AcademyDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AcademyDbContext>());
    }

    /// <summary>The topic's version as the database's triggers left it.</summary>
    public static Task<long> PostsVersionAsync(AcademyFactory factory, long topicId) =>
        QueryAsync(factory, db => db.Set<Topic>().Where(t => t.Id == topicId).Select(t => t.PostsVersion).SingleAsync());

    public static Task<int> RepliesAsync(AcademyFactory factory, long topicId) =>
        QueryAsync(factory, db => db.Set<Reply>().CountAsync(r => r.TopicId == topicId));

    public static Task<int> TopicCountAsync(AcademyFactory factory, long groupId) =>
        QueryAsync(factory, db => db.Set<Topic>().CountAsync(t => t.GroupId == groupId));

    /// <summary>ok (200, or a redirect that is not a login), login, forbidden, notfound, or the status code.</summary>
    public static string Outcome(Page page) => page.Status switch
    {
        System.Net.HttpStatusCode.OK => "ok",
        System.Net.HttpStatusCode.Redirect when page.Location?.Contains("/account/inloggen", StringComparison.Ordinal) == true => "login",
        System.Net.HttpStatusCode.Redirect when page.Location?.Contains("/account/geen-toegang", StringComparison.Ordinal) == true => "forbidden",
        System.Net.HttpStatusCode.Redirect => "ok",
        System.Net.HttpStatusCode.Forbidden => "forbidden",
        System.Net.HttpStatusCode.NotFound => "notfound",
        var other => ((int)other).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
