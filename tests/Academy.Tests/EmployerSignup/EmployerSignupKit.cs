using Academy.Leeragenda.Abstractions;
using System.Net;
using System.Text.Json;
using Academy.Core.Background;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Core.Events;
using Academy.Core.Jobs;
using Academy.EmployerSignup.Models;
using Academy.Enrolment.Models;
using Academy.Testing;
using Academy.Tests.Admin;
using static Academy.Tests.Email.MailTestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.EmployerSignup;

/// <summary>A clock the test moves forward (hold expiry).</summary>
public sealed class MutableClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// One site for the employer sign-up tests. The root factory is never started itself: the site is the
/// derived factory, optionally with a clock the test moves.
/// </summary>
public sealed class EmployerSite : IDisposable
{
    private readonly AcademyFactory _root;

    public EmployerSite() : this(new AcademyFactory(), null)
    {
    }

    internal EmployerSite(AcademyFactory root, MutableClock? clock, IDictionary<string, string>? settings = null)
    {
        _root = root;
        // Every test here posts from the same (unknown) client address and many sign up in one group: the throttle
        // and the caps on unconfirmed seats have their own tests (which pass their own settings).
        _root.Settings["Academy:EmployerSignup:SubmissionsPerWindow"] = "1000";
        _root.Settings["Academy:EmployerSignup:MaxUnconfirmedSeatsPerGroup"] = "1000";
        _root.Settings["Academy:EmployerSignup:MaxUnconfirmedSeatsPerEmail"] = "1000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _root.Settings[key] = value;
        }
        Clock = clock;
        Factory = root.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            if (clock is not null)
            {
                services.AddSingleton<TimeProvider>(clock);
            }
            services.AddSingleton<IStartupFilter, TestClientAddress>();
        }));
    }

    public WebApplicationFactory<Program> Factory { get; }

    public MutableClock? Clock { get; }

    /// <param name="clientAddress">The client's IP address as the site sees it (the test server has none otherwise).</param>
    public Browser Anonymous(string? clientAddress = null)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (clientAddress is not null)
        {
            client.DefaultRequestHeaders.Add(TestClientAddress.Header, clientAddress);
        }
        return new Browser(client);
    }

    /// <summary>The site's administrator (who holds the coördinator's permissions), signed in.</summary>
    public async Task<Browser> AdminAsync()
    {
        var browser = Anonymous();
        await browser.LoginAsync(AcademyFactory.AdminEmail, AcademyFactory.AdminPassword);
        return browser;
    }

    public async Task<T> WithDbAsync<T>(Func<AcademyDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AcademyDbContext>());
    }

    public async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> use) where TService : notnull
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<int> SignupCountAsync() => WithDbAsync(db => db.Set<EmployerSignupRecord>().CountAsync());

    public Task<int> OutboxCountAsync(string type) => WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Type == type));

    public Task<List<JsonElement>> EventsAsync(string type) => WithDbAsync(async db =>
        (await db.Set<OutboxMessage>().Where(m => m.Type == type).OrderBy(m => m.Id).ToListAsync())
        .Select(m => JsonDocument.Parse(m.Payload).RootElement.Clone()).ToList());

    public Task<int> TakenAsync(string editionId) => WithServiceAsync<IEditionSeats, int>(async seats =>
        (await seats.TakenAsync([editionId])).GetValueOrDefault(editionId));

    public Task<List<EnrolmentRecord>> EnrolmentsAsync(string signupId) => WithDbAsync(db =>
        db.Set<EnrolmentRecord>().AsNoTracking().Where(e => e.HoldGroupId == signupId).OrderBy(e => e.Id).ToListAsync());

    /// <summary>The pending (not completed or failed) expiry job of a sign-up, if any.</summary>
    public Task<ScheduledJob?> ExpiryJobAsync(string signupId) => WithDbAsync(db =>
        db.Set<ScheduledJob>().AsNoTracking().FirstOrDefaultAsync(j => j.Kind == "employer-signup-expiry" && j.Key == signupId
            && j.CompletedUtc == null && j.FailedUtc == null));

    public Task<EmployerSignupRecord?> SignupAsync(string signupId) => WithDbAsync(db =>
        db.Set<EmployerSignupRecord>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == signupId));

    public Task<EmployerSignupRecord> LatestSignupAsync() => WithDbAsync(db =>
        db.Set<EmployerSignupRecord>().AsNoTracking().OrderByDescending(s => s.CreatedUtc).FirstAsync());

    /// <summary>Runs the background processors until idle (outbox, jobs, mail), as the worker would.</summary>
    public async Task DrainAsync()
    {
        for (var round = 0; round < 20; round++)
        {
            var handled = 0;
            await using var scope = Factory.Services.CreateAsyncScope();
            foreach (var processor in scope.ServiceProvider.GetServices<IBackgroundProcessor>())
            {
                handled += await processor.ProcessBatchAsync(CancellationToken.None);
            }
            if (handled == 0)
            {
                return;
            }
        }
    }

    public void Dispose()
    {
        Factory.Dispose();
        _root.Dispose();
    }
}

/// <summary>Gives a request the client address in its test header, as Kestrel would from the connection.</summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }
            return nextMiddleware(context);
        });
        next(app);
    };
}

/// <summary>Filling and posting the /harrie form like a visitor without JavaScript.</summary>
public static class SignupForms
{
    public const string FirstGroup = "harrie-training-groep-1";

    public static string UniqueEmail(string who) => $"{who}-{Guid.NewGuid():n}@voorbeeldbedrijf.nl";

    /// <summary>A random valid KvK number.</summary>
    public static string Kvk() => Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<HtmlForm> FilledAsync(Browser browser, string editionId, int employees, string? contactEmail = null, string? kvk = null)
    {
        var page = await browser.GetAsync("/harrie");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var form = page.Form("form.employer-signup")
            .Set("OrganisationName", "Bakkerij De Korenaar B.V.")
            .Set("KvkNumber", kvk ?? Kvk())
            .Set("Street", "Kadestraat 12")
            .Set("Postcode", "6811 ca")
            .Set("Place", "Arnhem")
            .Set("ContactName", "Sanne Jansen")
            .Set("ContactEmail", contactEmail ?? UniqueEmail("contact"))
            .Set("ContactPhone", "026 123 45 67")
            .Set("EditionId", editionId);
        for (var i = 0; i < employees; i++)
        {
            form.Set($"Employees[{i}].Name", $"Medewerker {i + 1}")
                .Set($"Employees[{i}].Email", UniqueEmail($"medewerker{i + 1}"))
                .Set($"Employees[{i}].Function", "Werkbegeleider");
        }
        return form;
    }

    /// <summary>Signs up and returns the stored sign-up's id (asserting the redirect to the check-your-mail page).</summary>
    public static async Task<string> SignUpAsync(EmployerSite site, string editionId, int employees, string? contactEmail = null, string? kvk = null,
        string? clientAddress = null)
    {
        var browser = site.Anonymous(clientAddress);
        var form = await FilledAsync(browser, editionId, employees, contactEmail, kvk);
        var before = await site.WithDbAsync(db => db.Set<EmployerSignupRecord>().Select(s => s.Id).ToListAsync());
        var page = await browser.SubmitAsync(form);
        Assert.True(page.Status == HttpStatusCode.Redirect, $"Sign-up gave {(int)page.Status}: {string.Join(" | ", page.ErrorSummary)}");
        Assert.Equal("/harrie/controleer-je-email", page.Location);
        var after = await site.WithDbAsync(db => db.Set<EmployerSignupRecord>().Select(s => s.Id).ToListAsync());
        return Assert.Single(after.Except(before));
    }

    /// <summary>The confirmation link (site-relative) from the mail the contact of a sign-up was sent (the background work runs first).</summary>
    public static async Task<string> ConfirmPathAsync(EmployerSite site, string signupId)
    {
        await site.DrainAsync();
        // The outbox keeps the sign-up's reference; the delivered mail with the same Message-Id has the link.
        var reference = $"/eenmalige-link/harrie-bevestigen/{signupId}";
        var queued = Assert.Single(await MailsAsync(site.Factory.Services), m => m.Text.Contains(reference, StringComparison.Ordinal));
        var mail = Assert.Single(await DeliveredAsync(site.Factory.Services), m => m.MessageId == queued.MessageId);
        return new Uri(LinkIn(mail, "/harrie/bevestigen/")).PathAndQuery;
    }

    /// <summary>The set-password link (site-relative) from the mail the contact got after confirming.</summary>
    public static async Task<string> SetPasswordPathAsync(EmployerSite site, string contactEmail)
    {
        await site.DrainAsync();
        var mail = Assert.Single(await DeliveredToAsync(site.Factory.Services, contactEmail), m => m.TextBody.Contains("/account/wachtwoord-instellen", StringComparison.Ordinal));
        return new Uri(LinkIn(mail, "/account/wachtwoord-instellen")).PathAndQuery;
    }

    public static async Task<Page> ConfirmAsync(Browser browser, string confirmPath)
    {
        var page = await browser.GetAsync(confirmPath);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return await browser.SubmitAsync(page.Form());
    }

    /// <summary>Signs up, confirms and sets the contact's password through the mailed link; returns the signed-in contact.</summary>
    public static async Task<(Browser Contact, string SignupId)> ConfirmedEmployerAsync(EmployerSite site, string editionId, int employees, string? kvk = null)
    {
        var contactEmail = UniqueEmail("contact");
        var signupId = await SignUpAsync(site, editionId, employees, contactEmail, kvk);
        var browser = site.Anonymous();
        var confirmed = await ConfirmAsync(browser, await ConfirmPathAsync(site, signupId));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);

        var setPassword = await SetPasswordPathAsync(site, contactEmail);
        var form = (await browser.GetAsync(setPassword)).Form();
        form.Set("Password", AdminTestKit.UserPassword).Set("ConfirmPassword", AdminTestKit.UserPassword);
        var signedIn = await browser.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal("/werkgever", signedIn.Location);
        return (browser, signupId);
    }
}
