using System.Net;
using System.Security.Claims;
using Academy.Testing;
using Academy.Users;
using Academy.Users.Services.SignIn;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Academy.Tests.Users.SignInScenarios;
using static Academy.Tests.Users.UsersTestKit;

namespace Academy.Tests.Users;

/// <summary>Server-side sessions on SQLite: logout, "overal uitloggen" and a new password end a session everywhere.</summary>
public sealed class SessionTests(AccountSite site) : IClassFixture<AccountSite>
{
    private readonly WebApplicationFactory<Program> factory = site.Factory;

    [Fact]
    public Task A_cookie_copied_before_logout_is_refused_afterwards() => ReplayedCookieAfterLogoutIsRefusedAsync(factory);

    [Fact]
    public Task Logout_everywhere_ends_the_session_in_another_browser() => LogoutEverywhereEndsEverySessionAsync(factory);

    [Fact]
    public Task A_new_password_ends_the_other_sessions() => NewPasswordEndsOtherSessionsAsync(factory);

    [Fact]
    public async Task A_new_role_reaches_the_cookie_when_its_security_check_is_due_and_not_before()
    {
        var clock = new ShiftedClock();
        using var node = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.Configure<SecurityStampValidatorOptions>(o => o.TimeProvider = clock)));
        var email = await CreateUserAsync(node, "nieuwerol");
        var client = node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await LoginForCookieAsync(client, email);
        async Task<string> AdminAsync()
        {
            using var response = await client.GetAsync("/admin");
            return $"{(int)response.StatusCode} {response.Headers.Location}";
        }
        var professional = await AdminAsync();
        Assert.Contains("geen-toegang", professional); // a professional is sent to "no access"
        await using (var scope = node.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AcademyUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByEmailAsync(email))!, "Beheerder")).Succeeded);
        }

        // Younger than the interval (5 minutes): the principal is not rebuilt, the cookie still holds the old roles.
        Assert.Equal(professional, await AdminAsync());
        clock.Shift = TimeSpan.FromMinutes(6);
        // Now the check is due: the principal is rebuilt from the database with the new role (staff are then asked for
        // two-step verification, or let in), and the session still counts.
        Assert.DoesNotContain("geen-toegang", await AdminAsync());
        await AssertSignedInAsync(client);
    }

    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Shift { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
    }

    [Fact]
    public async Task Logout_everywhere_without_antiforgery_token_is_refused()
    {
        var email = await CreateUserAsync(factory, "zondertoken");
        var client = factory.CreateBrowserClient();
        await LoginForCookieAsync(client, email);

        var response = await client.PostAsync("/account/overal-uitloggen", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertSignedInAsync(client);
        Assert.Equal(1, await SessionRowsAsync(factory, email));
    }

    [Fact]
    public async Task A_cookie_without_a_session_is_refused()
    {
        // As issued before sessions existed: a valid, signed ticket of a real account, but naming no session.
        var email = await CreateUserAsync(factory, "oudkoekje");
        string cookie;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AcademyUser>>();
            var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AcademyUser>>()
                .CreateAsync((await users.FindByEmailAsync(email))!);
            Assert.Null(principal.FindFirst(UserSessions.ClaimType));
            var options = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
            cookie = "academy.auth=" + options.TicketDataFormat.Protect(new AuthenticationTicket(principal, IdentityConstants.ApplicationScheme));
        }

        await AssertSentToLoginAsync(Replaying(factory, cookie));
    }

    [Fact]
    public async Task A_signed_in_cookie_names_its_session_and_keeps_it_when_identity_refreshes_the_roles()
    {
        var email = await CreateUserAsync(factory, "verversen");
        var login = await LoginAsync(factory.CreateBrowserClient(), email, Password);
        var principal = PrincipalFromCookie(factory, login);
        var session = principal.FindFirst(UserSessions.ClaimType)?.Value;
        Assert.False(string.IsNullOrEmpty(session));

        var refreshed = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, email)], IdentityConstants.ApplicationScheme));
        await SessionCookieEvents.KeepSession(new SecurityStampRefreshingPrincipalContext { CurrentPrincipal = principal, NewPrincipal = refreshed });

        Assert.Equal(session, refreshed.FindFirst(UserSessions.ClaimType)?.Value);
    }
}

/// <summary>Two web nodes on one SQLite file and one key ring (what a load balancer sees).</summary>
public sealed class TwoNodeSessionTests
{
    [Fact]
    public Task Logging_out_on_one_node_refuses_the_cookie_on_the_other() =>
        OnTwoNodesAsync(null, (nodeA, nodeB) => ReplayedCookieAfterLogoutIsRefusedAsync(nodeA, nodeB));
}
