using System.Net;
using Academy.Core.Data;
using Academy.Core.Security;
using Academy.Testing;
using Academy.Users;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Users.UsersTestKit;

namespace Academy.Tests.Users;

/// <summary>Logging in and out through the real pages, lockout, and who may see the user admin.</summary>
public class AccountTests(AccountSite site) : IClassFixture<AccountSite>
{
    private readonly WebApplicationFactory<Program> factory = site.Factory;

    private const string Password = "een-lang-test-wachtwoord";

    /// <summary>A fresh account for one test, so tests in this class do not disturb each other.</summary>
    private async Task<string> CreateUserAsync(string name, string role = "Professional")
    {
        var email = $"{name}@test.example.nl";
        await RunRecipeOrFailAsync(factory, Recipe($$"""
            { "name": "Users", "Users": [ { "Email": "{{email}}", "DisplayName": "Test {{name}}", "Roles": ["{{role}}"], "Password": "{{Password}}" } ] }
            """));
        return email;
    }

    [Fact]
    public void Identity_and_the_auth_cookie_follow_the_house_rules()
    {
        var services = factory.Services;
        var identity = services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        Assert.Equal(12, identity.Password.RequiredLength);
        Assert.False(identity.Password.RequireDigit || identity.Password.RequireLowercase || identity.Password.RequireUppercase || identity.Password.RequireNonAlphanumeric);
        Assert.True(identity.Lockout.AllowedForNewUsers);
        Assert.Equal(5, identity.Lockout.MaxFailedAccessAttempts);
        Assert.Equal(TimeSpan.FromMinutes(15), identity.Lockout.DefaultLockoutTimeSpan);
        Assert.True(identity.User.RequireUniqueEmail);

        var cookie = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        Assert.Equal("academy.auth", cookie.Cookie.Name);
        Assert.Equal("/account/inloggen", cookie.LoginPath);
        Assert.Equal("/account/uitloggen", cookie.LogoutPath);
        Assert.Equal("/account/geen-toegang", cookie.AccessDeniedPath);
        Assert.True(cookie.SlidingExpiration);
        Assert.Equal(TimeSpan.FromHours(8), cookie.ExpireTimeSpan);
        Assert.Equal(TimeSpan.FromMinutes(5), services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval);
    }

    [Fact]
    public async Task Login_page_is_an_accessible_dutch_form()
    {
        var client = factory.CreateBrowserClient();
        var response = await client.GetAsync("/account/inloggen");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await ParseAsync(response);

        Assert.Equal("Inloggen", document.QuerySelector("main#inhoud h1.utrecht-heading-1")?.TextContent.Trim());
        var form = document.QuerySelector("form[method=post]")!;
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Equal("E-mailadres", document.QuerySelector("label[for=Email]")?.TextContent.Trim());
        Assert.Equal("Wachtwoord", document.QuerySelector("label[for=Password]")?.TextContent.Trim());
        Assert.Equal("Ingelogd blijven", document.QuerySelector("label[for=RememberMe]")?.TextContent.Trim());
        Assert.Equal("username", document.QuerySelector("input#Email")?.GetAttribute("autocomplete"));
        Assert.Equal("current-password", document.QuerySelector("input#Password")?.GetAttribute("autocomplete"));
        Assert.Equal("checkbox", document.QuerySelector("input#RememberMe")?.GetAttribute("type"));
        Assert.Null(document.QuerySelector("[role=alert]"));
    }

    [Fact]
    public async Task Empty_form_shows_an_error_summary_linking_to_the_fields()
    {
        var client = factory.CreateBrowserClient();
        var token = await FormTokenAsync(client, "/account/inloggen");
        var response = await client.PostAsync("/account/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Email"] = "",
            ["Password"] = "",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await ParseAsync(response);
        var links = document.QuerySelectorAll("[role=alert] a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).ToList();
        Assert.Contains(("#Email", "Vul je e-mailadres in."), links);
        Assert.Contains(("#Password", "Vul je wachtwoord in."), links);
        var email = document.QuerySelector("input#Email")!;
        Assert.Equal("true", email.GetAttribute("aria-invalid"));
        // The shared form field starts its error message with a visually hidden "Fout:", as every form does.
        Assert.Equal("Fout: Vul je e-mailadres in.", document.GetElementById(email.GetAttribute("aria-describedby")!)?.TextContent.Trim());
        Assert.Contains("utrecht-form-field-error-message", document.GetElementById(email.GetAttribute("aria-describedby")!)!.ClassName);
    }

    [Fact]
    public async Task Login_issues_the_auth_cookie_and_redirects_to_a_local_return_url()
    {
        var email = await CreateUserAsync("inlogger");
        var client = factory.CreateBrowserClient();

        var response = await LoginAsync(client, email, Password, returnUrl: "/leeragenda?thema=x");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/leeragenda?thema=x", response.Headers.Location?.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("academy.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase); // not "Ingelogd blijven": a session cookie
        var principal = PrincipalFromCookie(factory, response);
        Assert.Equal(email, principal.Identity?.Name);
        Assert.True(principal.IsInRole("Professional"));
        Assert.Equal("Test inlogger", principal.FindFirst("DisplayName")?.Value);
    }

    [Fact]
    public async Task Remember_me_makes_a_persistent_cookie_and_foreign_return_urls_are_ignored()
    {
        var email = await CreateUserAsync("blijver");
        var client = factory.CreateBrowserClient();

        var response = await LoginAsync(client, email, Password, rememberMe: true, returnUrl: "https://kwaadwillend.example/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("academy.auth=", StringComparison.Ordinal));
        Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The one message for every failed sign-in: unknown address, wrong password or locked account.</summary>
    private const string Failed = "E-mailadres of wachtwoord is onjuist. Na vijf mislukte pogingen moet je een kwartier wachten voordat je het opnieuw kunt proberen.";

    [Fact]
    public async Task Wrong_password_and_unknown_email_give_the_same_message()
    {
        var email = await CreateUserAsync("vergeetachtig");
        var client = factory.CreateBrowserClient();

        var wrong = await LoginAsync(client, email, "niet-het-goede-wachtwoord");
        var unknown = await LoginAsync(client, "niemand@test.example.nl", Password);

        foreach (var response in new[] { wrong, unknown })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(HasAuthCookie(response));
            Assert.Equal([Failed], await ErrorSummaryAsync(response));
        }
        var document = await ParseAsync(wrong);
        Assert.Equal(email, document.QuerySelector("input#Email")?.GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(document.QuerySelector("input#Password")?.GetAttribute("value")));
    }

    [Fact]
    public async Task Five_failures_stop_tries_from_that_address_without_saying_so()
    {
        var email = await CreateUserAsync("geblokkeerd");
        var client = factory.CreateBrowserClient();

        var unknown = await LoginAsync(client, "bestaat-niet@test.example.nl", "fout-wachtwoord-0");
        var wrong = new List<HttpResponseMessage>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            wrong.Add(await LoginAsync(client, email, "fout-wachtwoord-" + attempt));
        }
        var wrongWhileLocked = await LoginAsync(client, email, "fout-wachtwoord-6");
        var correctWhileLocked = await LoginAsync(client, email, Password);

        // The fifth failure stops tries from this address, but no answer says so: each reads like the unknown address.
        var expected = await FormWithoutTokenAsync(unknown, "bestaat-niet@test.example.nl");
        Assert.Equal([Failed], await ErrorSummaryAsync(unknown));
        foreach (var response in wrong.Append(wrongWhileLocked).Append(correctWhileLocked))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(HasAuthCookie(response));
            Assert.Equal([Failed], await ErrorSummaryAsync(response));
            Assert.Equal(expected, await FormWithoutTokenAsync(response, email));
        }

        // Only this address is stopped (LoginLockoutTests): the account itself is not locked for everyone.
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AcademyUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.False(await users.IsLockedOutAsync(user!));
        Assert.True(await users.CheckPasswordAsync(user!, Password)); // the password was right all along
    }

    private static bool HasAuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("academy.auth=", StringComparison.Ordinal));

    /// <summary>The page's main content with the per-request antiforgery token and the echoed address left out.</summary>
    private static async Task<string> FormWithoutTokenAsync(HttpResponseMessage response, string email)
    {
        var document = await ParseAsync(response);
        var main = document.QuerySelector("main#inhoud")!;
        foreach (var token in main.QuerySelectorAll("input[name=__RequestVerificationToken]").ToList())
        {
            token.Remove();
        }
        var emailInput = main.QuerySelector("input#Email")!;
        Assert.Equal(email, emailInput.GetAttribute("value"));
        emailInput.RemoveAttribute("value");
        return main.InnerHtml;
    }

    [Fact]
    public async Task Logout_removes_the_cookie()
    {
        var email = await CreateUserAsync("vertrekker");
        var client = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(client, email, Password)).StatusCode);

        var token = await FormTokenAsync(client, "/account/uitloggen");
        var response = await client.PostAsync("/account/uitloggen", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("academy.auth=;", StringComparison.Ordinal));
        var admin = await client.GetAsync("/admin/gebruikers");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
    }

    [Fact]
    public async Task Logout_without_antiforgery_token_is_refused()
    {
        var email = await CreateUserAsync("zonder-token");
        var client = factory.CreateBrowserClient();
        await LoginAsync(client, email, Password);

        var response = await client.PostAsync("/account/uitloggen", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitor_of_the_user_admin_is_sent_to_login()
    {
        var client = factory.CreateBrowserClient();

        foreach (var path in new[] { "/admin/gebruikers", "/admin/organisaties" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/inloggen?ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location!.PathAndQueryOf());
        }
    }

    [Fact]
    public async Task Professional_gets_a_dutch_403_page_for_the_user_admin()
    {
        var email = await CreateUserAsync("professional");
        var client = factory.CreateBrowserClient();
        await LoginAsync(client, email, Password);

        var response = await client.GetAsync("/admin/gebruikers");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/geen-toegang", response.Headers.Location!.PathAndQueryOf());

        var denied = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var document = await ParseAsync(denied);
        Assert.Equal("Geen toegang", document.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task Administrator_sees_users_with_roles_organisation_and_lockout_status()
    {
        await RunRecipeOrFailAsync(factory, Recipe("""
            { "name": "Organisations", "Organisations": [ { "Id": "lijst-gemeente", "Name": "Gemeente Lijstdorp", "Kind": "gemeente", "Place": "Lijstdorp" } ] }
            """, """
            { "name": "Users", "Users": [ { "Email": "lijst@test.example.nl", "DisplayName": "Lijst Persoon", "Roles": ["Professional"], "OrganisationId": "lijst-gemeente" } ] }
            """));
        var client = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(client, AcademyFactory.AdminEmail, AcademyFactory.AdminPassword)).StatusCode);

        var response = await client.GetAsync("/admin/gebruikers");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await ParseAsync(response);
        Assert.Equal("Gebruikers", document.QuerySelector("h1")?.TextContent.Trim());
        var row = document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("lijst@test.example.nl"));
        var cells = row.Children.Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Lijst Persoon", "lijst@test.example.nl", "Professional", "Gemeente Lijstdorp", "Uitgenodigd, nog geen wachtwoord"], cells);
        var adminRow = document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(AcademyFactory.AdminEmail));
        Assert.Contains("Beheerder", adminRow.TextContent);
        Assert.Contains("Actief", adminRow.TextContent);

        var organisations = await client.GetAsync("/admin/organisaties");
        Assert.Equal(HttpStatusCode.OK, organisations.StatusCode);
        var orgRow = (await ParseAsync(organisations)).QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Gemeente Lijstdorp"));
        var orgCells = orgRow.Children.Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Gemeente Lijstdorp", "Gemeente", "Lijstdorp", "lijst-gemeente", "1"], orgCells.Take(5));
        Assert.StartsWith("—", orgCells[5]); // no e-mail domains, with a link to set them
        Assert.EndsWith("Wijzigen", orgCells[5]);
    }

    [Fact]
    public async Task Leercoordinator_gets_the_permissions_of_the_role_as_claims()
    {
        var email = await CreateUserAsync("coordinator-test", "Leercoördinator");
        var client = factory.CreateBrowserClient();

        var response = await LoginAsync(client, email, Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var principal = PrincipalFromCookie(factory, response);
        Assert.True(principal.HasClaim(PermissionClaim.Type, "ManageOfferings"));
        Assert.True(principal.HasClaim(PermissionClaim.Type, "AccessAdmin"));
        Assert.False(principal.HasClaim(PermissionClaim.Type, "ManageUsers"));
    }
}

internal static class UriExtensions
{
    public static string PathAndQueryOf(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
