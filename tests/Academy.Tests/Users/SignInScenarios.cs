using System.Net;
using Academy.Core.Data;
using Academy.Testing;
using Academy.Users;
using Academy.Users.Services.SignIn;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Users.UsersTestKit;

namespace Academy.Tests.Users;

/// <summary>
/// Sessions and login failures as a person (or someone with a copied cookie) meets them, written once and run on
/// SQLite (<see cref="SessionTests"/>, <see cref="LoginLockoutTests"/>) and PostgreSQL (<see cref="SignInPostgresTests"/>).
/// </summary>
internal static class SignInScenarios
{
    public const string Password = "een-lang-test-wachtwoord";
    /// <summary>A page only a signed-in person may open (it shows their register numbers).</summary>
    public const string PrivatePage = "/mijn-registers";

    public static async Task<string> CreateUserAsync(WebApplicationFactory<Program> factory, string name)
    {
        var email = $"{name}-{Guid.NewGuid():n}"[..(name.Length + 9)] + "@test.example.nl";
        await RunRecipeOrFailAsync(factory, Recipe($$"""
            { "name": "Users", "Users": [ { "Email": "{{email}}", "DisplayName": "Sessie {{name}}", "Roles": ["Professional"], "Password": "{{Password}}" } ] }
            """));
        return email;
    }

    /// <summary>Logs in through the form and returns the auth cookie (all its chunks) as a Cookie header value.</summary>
    public static async Task<string> LoginForCookieAsync(HttpClient client, string email)
    {
        var login = await LoginAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])
            .Where(c => c.StartsWith("academy.auth", StringComparison.Ordinal)));
        Assert.False(string.IsNullOrEmpty(cookie));
        return cookie;
    }

    /// <summary>A client without a cookie jar that sends a copied cookie, as someone who stole it would.</summary>
    public static HttpClient Replaying(WebApplicationFactory<Program> factory, string cookie)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    public static async Task AssertSignedInAsync(HttpClient client)
    {
        var page = await client.GetAsync(PrivatePage);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    /// <summary>The cookie no longer counts: the private page sends to the login form and the cookie is removed.</summary>
    public static async Task AssertSentToLoginAsync(HttpClient client)
    {
        var page = await client.GetAsync(PrivatePage);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/inloggen", page.Headers.Location!.PathAndQueryOf());
    }

    public static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string action)
    {
        var token = await FormTokenAsync(client, "/account/uitloggen");
        return await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }

    public static async Task<int> SessionRowsAsync(WebApplicationFactory<Program> factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AcademyUser>>().FindByEmailAsync(email);
        return await scope.ServiceProvider.GetRequiredService<AcademyDbContext>().Set<UserSession>().CountAsync(s => s.UserId == user!.Id);
    }

    /// <summary>
    /// Two web nodes on one database (<paramref name="postgres"/>, or one SQLite file) and one key ring, as behind a load
    /// balancer; node B asks the database on every request (SessionCheckSeconds 0).
    /// </summary>
    public static async Task OnTwoNodesAsync(string? postgres, Func<AcademyFactory, AcademyFactory, Task> scenario)
    {
        var shared = Directory.CreateTempSubdirectory("academy-nodes-").FullName;
        try
        {
            using var nodeA = new AcademyFactory(postgres);
            nodeA.Settings["Academy:AppDataPath"] = shared;
            using var nodeB = new AcademyFactory(postgres);
            nodeB.Settings["Academy:AppDataPath"] = shared;
            nodeB.Settings["Academy:Users:SessionCheckSeconds"] = "0";
            _ = nodeA.Server; // node A sets the site up; node B finds it done
            await scenario(nodeA, nodeB);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(shared, recursive: true);
        }
    }

    /// <summary>Finding 4: a copy of the cookie taken before "Uitloggen" opens nothing afterwards, on this node or <paramref name="otherNode"/>.</summary>
    public static async Task ReplayedCookieAfterLogoutIsRefusedAsync(WebApplicationFactory<Program> node, WebApplicationFactory<Program>? otherNode = null)
    {
        var email = await CreateUserAsync(node, "kopie");
        var browser = node.CreateBrowserClient();
        var cookie = await LoginForCookieAsync(browser, email);
        var thief = Replaying(otherNode ?? node, cookie);
        await AssertSignedInAsync(thief);
        Assert.Equal(1, await SessionRowsAsync(node, email));

        var logout = await PostWithTokenAsync(browser, "/account/uitloggen");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        await AssertSentToLoginAsync(thief);
        await AssertSentToLoginAsync(Replaying(node, cookie));
        Assert.Equal(0, await SessionRowsAsync(node, email));
        // Logging in again gives a new, working session.
        await LoginForCookieAsync(browser, email);
        await AssertSignedInAsync(browser);
    }

    /// <summary>"Overal uitloggen" in one browser ends the session of another browser of the same account, and only that account's.</summary>
    public static async Task LogoutEverywhereEndsEverySessionAsync(WebApplicationFactory<Program> factory)
    {
        var email = await CreateUserAsync(factory, "overal");
        var neighbourEmail = await CreateUserAsync(factory, "buur");
        var laptop = factory.CreateBrowserClient();
        var phone = factory.CreateBrowserClient();
        var neighbour = factory.CreateBrowserClient();
        var laptopCookie = await LoginForCookieAsync(laptop, email);
        await LoginForCookieAsync(phone, email);
        await LoginForCookieAsync(neighbour, neighbourEmail);
        await AssertSignedInAsync(phone);

        var page = await ParseAsync(await laptop.GetAsync("/account/uitloggen"));
        Assert.Contains("Je bent nu op 2 plekken ingelogd", page.QuerySelector("main")!.TextContent);
        Assert.NotNull(page.QuerySelector("form[action='/account/overal-uitloggen'] input[name=__RequestVerificationToken]"));

        var everywhere = await PostWithTokenAsync(laptop, "/account/overal-uitloggen");

        Assert.Equal(HttpStatusCode.Redirect, everywhere.StatusCode);
        var done = await laptop.GetAsync(everywhere.Headers.Location);
        Assert.Contains("Je bent overal uitgelogd.", (await ParseAsync(done)).QuerySelector("main")!.TextContent);
        await AssertSentToLoginAsync(phone);
        await AssertSentToLoginAsync(laptop);
        await AssertSentToLoginAsync(Replaying(factory, laptopCookie));
        Assert.Equal(0, await SessionRowsAsync(factory, email));
        await AssertSignedInAsync(neighbour);
    }

    /// <summary>A new password (a new security stamp) ends the sessions that were open with the old one.</summary>
    public static async Task NewPasswordEndsOtherSessionsAsync(WebApplicationFactory<Program> factory)
    {
        var email = await CreateUserAsync(factory, "nieuw");
        var other = factory.CreateBrowserClient();
        await LoginForCookieAsync(other, email);
        await AssertSignedInAsync(other);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AcademyUser>>();
            var user = await users.FindByEmailAsync(email);
            Assert.True((await users.ChangePasswordAsync(user!, Password, "een-ander-lang-wachtwoord")).Succeeded);
        }

        await AssertSentToLoginAsync(other);
    }

    /// <summary>Finding 8c: five wrong passwords from address A stop A, not the owner at address B; the answers stay the same.</summary>
    public static async Task StrangerCannotLockTheOwnerOutAsync(WebApplicationFactory<Program> factory, Func<string, HttpClient> clientFrom)
    {
        var email = await CreateUserAsync(factory, "eigenaar");
        var stranger = clientFrom("198.51.100.66");
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var wrong = await LoginAsync(stranger, email, "geraden-wachtwoord-" + attempt);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Equal([AccountTexts.Failed], await ErrorSummaryAsync(wrong));
        }
        // Guessing from that address is stopped: even the right password is refused there, with the same words.
        var stopped = await LoginAsync(stranger, email, Password);
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Equal([AccountTexts.Failed], await ErrorSummaryAsync(stopped));
        Assert.False(stopped.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("academy.auth=", StringComparison.Ordinal)));

        var owner = clientFrom("203.0.113.77");
        await LoginForCookieAsync(owner, email);
        await AssertSignedInAsync(owner);

        await using var scope = factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AcademyUser>>().FindByEmailAsync(email);
        Assert.False(await scope.ServiceProvider.GetRequiredService<UserManager<AcademyUser>>().IsLockedOutAsync(user!));
        // Five failures stored (the stopped tries are not counted), none of them naming the account in plain text.
        var loginKey = LoginGuard.LoginKeyOf(email);
        var failures = await scope.ServiceProvider.GetRequiredService<AcademyDbContext>().Set<LoginFailure>()
            .Where(f => f.LoginKey == loginKey).ToListAsync();
        Assert.Equal(5, failures.Count);
        Assert.DoesNotContain(failures, f => f.LoginKey.Contains('@') || f.ClientKey.Contains("198.51.100.66", StringComparison.Ordinal));
    }
}

/// <summary>Texts of the login form the scenarios compare with.</summary>
internal static class AccountTexts
{
    public const string Failed = "E-mailadres of wachtwoord is onjuist. Na vijf mislukte pogingen moet je een kwartier wachten voordat je het opnieuw kunt proberen.";
}
