using System.Net;
using Academy.Testing;
using Academy.Users;
using Academy.Users.Services;
using Academy.Users.Services.SignIn;
using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Academy.Tests.Users.UsersTestKit;

namespace Academy.Tests.Users;

/// <summary>
/// A site whose login form allows <see cref="Limit"/> attempts per client address per ten minutes, set through
/// configuration. The in-process test server has no remote address, so a test gives its client one with the
/// <see cref="ClientHeader"/> header (read before anything else in the pipeline, as a real connection's would be).
/// </summary>
public sealed class ThrottledSite : IDisposable
{
    public const int Limit = 3;
    public const int WindowSeconds = 600;
    public const string ClientHeader = "X-Test-Client-Address";

    private readonly AcademyFactory _root = new();

    public ThrottledSite() =>
        Factory = _root.WithLoginThrottle(Limit, WindowSeconds, builder =>
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>()));

    public WebApplicationFactory<Program> Factory { get; }

    public HttpClient ClientFrom(string? address)
    {
        var client = Factory.CreateBrowserClient();
        if (address is not null)
        {
            client.DefaultRequestHeaders.Add(ClientHeader, address);
        }
        return client;
    }

    public void Dispose()
    {
        Factory.Dispose();
        _root.Dispose();
    }

    /// <summary>Gives each request the client address in <see cref="ClientHeader"/>.</summary>
    internal sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientHeader], out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>Per-client throttling of POST /account/inloggen, on top of the account lockout.</summary>
public sealed class LoginThrottleTests(ThrottledSite site) : IClassFixture<ThrottledSite>
{
    private const string Password = "een-lang-test-wachtwoord";
    private const string Throttled = "Te veel inlogpogingen vanaf dit adres. Probeer het over enkele minuten opnieuw.";

    private async Task<string> CreateUserAsync(string name)
    {
        var email = $"{name}@test.example.nl";
        await RunRecipeOrFailAsync(site.Factory, Recipe($$"""
            { "name": "Users", "Users": [ { "Email": "{{email}}", "DisplayName": "Test {{name}}", "Roles": ["Professional"], "Password": "{{Password}}" } ] }
            """));
        return email;
    }

    [Fact]
    public void The_limit_comes_from_configuration()
    {
        var options = site.Factory.Services.GetRequiredService<IOptions<LoginThrottleOptions>>().Value;
        Assert.Equal(ThrottledSite.Limit, options.LoginAttemptsPerWindow);
        Assert.Equal(ThrottledSite.WindowSeconds, options.LoginWindowSeconds);
    }

    [Fact]
    public async Task Logging_in_works_below_the_limit_and_past_it_a_dutch_429_with_retry_after_follows()
    {
        var email = await CreateUserAsync("afgeremd");
        var client = site.ClientFrom("203.0.113.10");

        var success = await LoginAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, success.StatusCode);
        Assert.Contains(success.Headers.GetValues("Set-Cookie"), c => c.StartsWith("academy.auth=", StringComparison.Ordinal));
        for (var attempt = 2; attempt <= ThrottledSite.Limit; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await LoginAsync(client, email, "fout-wachtwoord-" + attempt)).StatusCode);
        }

        var rejected = await LoginAsync(client, email, "fout-wachtwoord-te-veel");

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        var retryAfter = rejected.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(ThrottledSite.WindowSeconds));
        Assert.StartsWith("text/html", rejected.Content.Headers.ContentType?.MediaType);
        Assert.Equal([Throttled], await ErrorSummaryAsync(rejected));
        var document = await ParseAsync(rejected);
        Assert.Equal("nl", document.DocumentElement.GetAttribute("lang")?[..2]);
        Assert.Equal("Inloggen", document.QuerySelector("main#inhoud h1")?.TextContent.Trim());
        Assert.NotNull(document.QuerySelector("form[method=post] input[name=__RequestVerificationToken]"));
        Assert.NotNull(document.QuerySelector("input#Email"));

        // The refused attempt is not made: even the right password is turned away, and the account keeps its count.
        var correct = await LoginAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, correct.StatusCode);
        Assert.False(correct.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("academy.auth=", StringComparison.Ordinal)));
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AcademyUser>>();
        var user = await users.FindByEmailAsync(email);
        var loginKey = LoginGuard.LoginKeyOf(email);
        Assert.Equal(ThrottledSite.Limit - 1, await scope.ServiceProvider.GetRequiredService<AcademyDbContext>().Set<LoginFailure>().CountAsync(f => f.LoginKey == loginKey));
        Assert.False(await users.IsLockedOutAsync(user!));

        // Only the POST is throttled: the page itself still opens.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/inloggen")).StatusCode);
    }

    [Fact]
    public async Task Each_client_address_has_its_own_allowance()
    {
        var email = await CreateUserAsync("buurman");
        var noisy = site.ClientFrom("203.0.113.20");
        for (var attempt = 1; attempt <= ThrottledSite.Limit; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await LoginAsync(noisy, "onbekend-" + attempt + "@test.example.nl", "fout-wachtwoord")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(noisy, email, Password)).StatusCode);
        var neighbour = site.ClientFrom("203.0.113.21");

        var response = await LoginAsync(neighbour, email, Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Requests_without_a_client_address_share_one_allowance()
    {
        for (var attempt = 1; attempt <= ThrottledSite.Limit; attempt++)
        {
            // A fresh client (cookie jar) each time: the throttle goes by address, not by session.
            Assert.Equal(HttpStatusCode.OK, (await LoginAsync(site.ClientFrom(null), "anoniem@test.example.nl", "fout-wachtwoord")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(site.ClientFrom(null), "anoniem@test.example.nl", "fout-wachtwoord")).StatusCode);
    }

    [Theory]
    [InlineData(null, LoginThrottle.UnknownClient)]
    [InlineData("198.51.100.7", "198.51.100.7")]
    [InlineData("::ffff:198.51.100.7", "198.51.100.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("::1", "::1")]
    public void Clients_are_told_apart_by_ipv4_address_or_ipv6_network(string? address, string key)
    {
        Assert.Equal(key, LoginThrottle.ClientKey(address is null ? null : IPAddress.Parse(address)));
    }
}
