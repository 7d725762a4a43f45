using System.Diagnostics;
using System.Net;
using Academy.Testing;
using Academy.Users.Services.SignIn;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Users.SignInScenarios;
using static Academy.Tests.Users.UsersTestKit;

namespace Academy.Tests.Users;

/// <summary>
/// A site where each test client has its own address (<see cref="ThrottledSite.ClientHeader"/>), the per-address
/// form throttle is out of the way, and an account is slowed down after <see cref="SlowdownAfter"/> failures.
/// </summary>
public sealed class LockoutSite : IDisposable
{
    public const int SlowdownAfter = 8;

    private readonly AcademyFactory _root = new();

    public LockoutSite() => Factory = WithAddresses(_root);

    public WebApplicationFactory<Program> Factory { get; }

    public HttpClient ClientFrom(string address) => ClientFrom(Factory, address);

    /// <summary>The site with client addresses from a header, a high form throttle and a one-second slowdown.</summary>
    public static WebApplicationFactory<Program> WithAddresses(AcademyFactory root) =>
        root.WithLoginThrottle(attempts: 1000, windowSeconds: 300, builder =>
        {
            builder.UseSetting("Academy:Users:AccountSlowdownAfter", SlowdownAfter.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Academy:Users:AccountSlowdownMaxSeconds", "1");
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ThrottledSite.ClientAddressFromHeader>());
        });

    public static HttpClient ClientFrom(WebApplicationFactory<Program> factory, string address)
    {
        var client = factory.CreateBrowserClient();
        client.DefaultRequestHeaders.Add(ThrottledSite.ClientHeader, address);
        return client;
    }

    public void Dispose()
    {
        Factory.Dispose();
        _root.Dispose();
    }
}

/// <summary>Finding 8c: wrong passwords stop the address that makes them, and only slow the account down elsewhere.</summary>
public sealed class LoginLockoutTests(LockoutSite site) : IClassFixture<LockoutSite>
{
    [Fact]
    public Task A_stranger_guessing_from_one_address_does_not_lock_the_owner_out() =>
        StrangerCannotLockTheOwnerOutAsync(site.Factory, site.ClientFrom);

    [Fact]
    public async Task A_stopped_address_reads_the_same_for_known_and_unknown_accounts()
    {
        var email = await CreateUserAsync(site.Factory, "bekend");
        var unknown = "onbekend-" + Guid.NewGuid().ToString("n")[..8] + "@test.example.nl";
        var client = site.ClientFrom("198.51.100.90");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await LoginAsync(client, email, "fout-" + attempt + "-wachtwoord");
            await LoginAsync(client, unknown, "fout-" + attempt + "-wachtwoord");
        }

        var known = await LoginAsync(client, email, Password);
        var stranger = await LoginAsync(client, unknown, Password);

        foreach (var response in new[] { known, stranger })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([AccountTexts.Failed], await ErrorSummaryAsync(response));
        }
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var guard = scope.ServiceProvider.GetRequiredService<LoginGuard>();
        var address = System.Net.IPAddress.Parse("198.51.100.90");
        Assert.True((await guard.BeginAsync(email, address)).Blocked);
        Assert.True((await guard.BeginAsync(unknown.ToUpperInvariant(), address)).Blocked);
        Assert.False((await guard.BeginAsync(email, System.Net.IPAddress.Parse("198.51.100.91"))).Blocked);
    }

    [Fact]
    public async Task Many_addresses_guessing_one_account_only_slow_it_down()
    {
        var email = await CreateUserAsync(site.Factory, "traag");
        for (var address = 1; address <= LockoutSite.SlowdownAfter; address++)
        {
            await LoginAsync(site.ClientFrom("192.0.2." + address), email, "fout-wachtwoord-van-ver");
        }
        var owner = site.ClientFrom("203.0.113.200");
        var token = await FormTokenAsync(owner, "/account/inloggen");

        var watch = Stopwatch.StartNew();
        var response = await owner.PostAsync("/account/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Email"] = email,
            ["Password"] = Password,
        }));
        watch.Stop();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(950), $"Answered after {watch.Elapsed.TotalMilliseconds} ms, without the slowdown.");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(LockoutSite.SlowdownAfter - 1, 0)]
    [InlineData(LockoutSite.SlowdownAfter, 1)]
    [InlineData(LockoutSite.SlowdownAfter + 50, 1)]
    public void The_wait_grows_with_the_failures_up_to_the_configured_maximum(int failures, int seconds)
    {
        using var scope = site.Factory.Services.CreateScope();
        Assert.Equal(TimeSpan.FromSeconds(seconds), scope.ServiceProvider.GetRequiredService<LoginGuard>().Delay(failures));
    }
}
