using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Academy.Testing;

/// <summary>
/// The whole site in-process on a fresh database: SQLite in a temp folder, or a new database on the
/// private PostgreSQL server. The setup recipe runs on creation, with a fixed setup date so dates are stable.
/// </summary>
public sealed class AcademyFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@example.nl";
    public const string AdminPassword = "lang-genoeg-wachtwoord-voor-tests";
    public static readonly DateOnly SetupDate = DateOnly.FromDateTime(DateTime.UtcNow);

    private readonly string _appData = Path.Combine(Path.GetTempPath(), "academy-tests", Guid.NewGuid().ToString("n"));
    private readonly string? _postgresConnection;

    public AcademyFactory()
    {
    }

    internal AcademyFactory(string? postgresConnection)
    {
        _postgresConnection = postgresConnection;
    }

    /// <summary>The site's App_Data folder (SQLite file <c>academy.db</c>, mail pickup, keys); deleted on dispose.</summary>
    public string AppDataPath => _appData;

    /// <summary>Extra configuration (set before the first request), e.g. SMTP settings.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>Runs the host's background worker instead of leaving the draining to the test.</summary>
    public bool BackgroundEnabled { get; init; }

    /// <summary>
    /// Runs every background processor (outbox, jobs, mail) until all are idle: what the worker would do
    /// over time, done now. Stops after <paramref name="maxRounds"/> rounds so a looping job cannot hang a test.
    /// </summary>
    public async Task<int> DrainBackgroundAsync(int maxRounds = 50)
    {
        var total = 0;
        for (var round = 0; round < maxRounds; round++)
        {
            var handled = 0;
            await using var scope = Services.CreateAsyncScope();
            foreach (var processor in scope.ServiceProvider.GetServices<Academy.Core.Background.IBackgroundProcessor>())
            {
                handled += await processor.ProcessBatchAsync(CancellationToken.None);
            }
            total += handled;
            if (handled == 0)
            {
                return total;
            }
        }
        return total;
    }

    /// <summary>Further host configuration applied last (services, environment), e.g. a log collector.</summary>
    public Action<IWebHostBuilder>? ConfigureHost { get; init; }

    public string Provider => _postgresConnection is null ? "Sqlite" : "Postgres";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Academy:AppDataPath", _appData);
        builder.UseSetting("Academy:Setup:AdminEmail", AdminEmail);
        builder.UseSetting("Academy:Setup:AdminPassword", AdminPassword);
        builder.UseSetting("Academy:Setup:Date", SetupDate.ToString("yyyy-MM-dd"));
        // Tests drain background work themselves (DrainBackgroundAsync), so what happens when is deterministic.
        builder.UseSetting("Academy:Background:Enabled", BackgroundEnabled ? "true" : "false");
        // Tests of /admin log staff in with a password only; TwoFactorTests switch the requirement on (Settings).
        builder.UseSetting("Academy:Users:TwoFactor:RequiredForStaff", "false");
        // Tests that count mails expect none from setup; the invitation tests switch the recipe invitations on (Settings).
        builder.UseSetting("Academy:Users:InviteRecipeUsersOnSetup", "false");
        // Identity's 100,000 PBKDF2 rounds per password cost CPU that no test is about.
        builder.UseSetting("Academy:Users:PasswordHashIterations", "1000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        if (_postgresConnection is not null)
        {
            builder.UseSetting("Academy:Database:Provider", "Postgres");
            builder.UseSetting("Academy:Database:ConnectionString", _postgresConnection);
        }
        ConfigureHost?.Invoke(builder);
    }

    /// <summary>
    /// Builds and starts the host (also for sites made with WithWebHostBuilder). The setup recipe runs once per
    /// kind of site and run; later sites of that kind start from a copy of its result (<see cref="SetupSnapshots"/>).
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        SetupSnapshots.Plan? plan = null;
        builder.ConfigureServices(services => SetupSnapshots.Register(services, p => plan = p));
        var host = base.CreateHost(builder);
        if (plan is not null) SetupSnapshots.Save(plan);
        return host;
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests can assert them.</summary>
    public HttpClient CreateBrowserClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    public T Service<T>(out AsyncServiceScope scope) where T : notnull
    {
        scope = Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<T>();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_appData, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
