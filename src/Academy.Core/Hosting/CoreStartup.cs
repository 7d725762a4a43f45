using Microsoft.AspNetCore.Builder;
using Academy.Core.Background;
using Academy.Core.Content;
using Academy.Core.Content.Display;
using Academy.Core.Jobs;
using Academy.Core.Data;
using Academy.Core.Events;
using Academy.Core.Modules;
using Academy.Core.Recipes;
using Academy.Core.Security;
using Academy.Core.Settings;
using Academy.Core.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Academy.Core.Hosting;

/// <summary>The framework's own services: data, content, events, recipes, permissions, text.</summary>
public sealed class CoreStartup : ModuleStartup
{
    public override int Order => -1000;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AcademyOptions>(configuration.GetSection("Academy"));
        var options = configuration.GetSection("Academy").Get<AcademyOptions>() ?? new AcademyOptions();
        // Options are built once: the connection string (and App_Data folder) is not worked out per request.
        var connection = ConnectionString(options, configuration);
        if (!IsPostgres(options.Database.Provider) && SqliteProcessSettings.Apply() is var code and not 0)
        {
            // Before the host is built there is no logger yet; the process's error output reaches the service log.
            Console.Error.WriteLine($"warning: SQLite's process settings were not applied (code {code}): SQLite was opened before the site started.");
        }
        // Pooled: a request leases a context that is reset after use instead of building one with its services (EF's
        // internal service scope) for every request, which cost more than a short query itself.
        services.AddDbContextPool<AcademyDbContext>((provider, db) =>
            ModelContributors.AddTo(ConfigureDatabase(db, options.Database.Provider, connection), provider.GetServices<IModelContributor>()));

        // Keys live with the site's data so sign-in cookies survive a restart (shared storage comes with scale-out).
        services.AddDataProtection()
            .SetApplicationName("Academy")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(AppDataPath(options, configuration), "keys")));
        services.AddSingleton(TimeProvider.System);
        // Uploaded files (photos, community files) on this node; a shared store can replace it for scale-out.
        var files = Path.Combine(AppDataPath(options, configuration), "files");
        services.TryAddSingleton<Academy.Core.Files.IFileStore>(_ => new Academy.Core.Files.LocalFileStore(files));
        // Core's own part of erasure: events that name the person (every module adds its own provider).
        services.AddScoped<Academy.Core.Privacy.IPersonalDataProvider, Academy.Core.Privacy.OutboxPersonalData>();
        services.AddMemoryCache();
        // The public navigation: modules add entries (AddPublicMenu), themes lay them out.
        services.TryAddSingleton<Academy.Core.Navigation.PublicMenu>();
        // Modules add their per-client throttles (ClientThrottle); the host always runs the limiter.
        services.AddRateLimiter(_ => { });
        services.AddSingleton<IModelContributor, AutorouteModel>();
        services.AddSingleton<IDataMigration, CoreMigration>();
        services.AddScoped<SchemaMigrator>();

        var parts = new ContentPartRegistry();
        foreach (var part in new[] { typeof(TitlePart), typeof(MarkdownBodyPart), typeof(AutoroutePart), typeof(TaxonomyPart) })
        {
            parts.Register(part);
        }
        services.AddSingleton(parts);
        services.AddScoped<ContentDefinitionManager>();
        services.AddScoped<ContentManager>();
        services.AddScoped<Academy.Core.Content.Display.ContentPartEditors>();
        // The editors of Core's generic parts, so every content type (aanbod, Werkcentrum, community) reuses them.
        services.AddContentPartDriver<Academy.Core.Content.Display.TitlePartDriver>();
        services.AddContentPartDriver<Academy.Core.Content.Display.AutoroutePartDriver>();
        services.AddContentPartDriver<Academy.Core.Content.Display.MarkdownBodyPartDriver>();
        services.AddScoped<IContentHandler, AutorouteHandler>();
        services.AddScoped<IContentChangeListener, ContentOutputCacheEviction>();
        services.AddScoped<EventOutbox>();
        services.AddSingleton<SqliteWriteGate>();
        services.AddScoped<UnitOfWork>();
        AddBackgroundPlatform(services);
        services.AddScoped<DocumentStore>();
        services.AddSingleton<MarkdownRenderer>();

        services.AddSingleton<RecipeLocator>();
        services.AddSingleton<RecipeExecutor>();
        services.AddScoped<IRecipeStepHandler, SettingsStep>();
        services.AddScoped<IRecipeStepHandler, ContentDefinitionStep>();
        services.AddScoped<IRecipeStepHandler, ContentStep>();
        // Module defaults: migration steps install them through the recipe step handlers (docs/upgrades.md).
        services.AddSingleton<IModelContributor, ModuleDefaultsModel>();
        services.AddScoped<ModuleDefaults>();
        services.AddSingleton<SetupService>();

        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
    }

    /// <summary>The worker loop, the outbox dispatcher and the job scheduler/runner.</summary>
    private static void AddBackgroundPlatform(IServiceCollection services)
    {
        services.AddHostedService<BackgroundWorker>();
        services.AddSingleton<LeaseKeeper>();
        services.AddBackgroundProcessor<OutboxDispatcher>();
        services.AddModelContributor<JobsModel>();
        services.AddScoped<IJobScheduler, JobScheduler>();
        services.AddBackgroundProcessor<JobRunner>();
    }

    public static string AppDataPath(AcademyOptions options, IConfiguration configuration)
    {
        var root = configuration[Microsoft.Extensions.Hosting.HostDefaults.ContentRootKey] ?? Directory.GetCurrentDirectory();
        var path = Path.GetFullPath(Path.Combine(root, options.AppDataPath));
        Directory.CreateDirectory(path);
        return path;
    }

    private static bool IsPostgres(string provider) =>
        string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    private static string ConnectionString(AcademyOptions options, IConfiguration configuration)
    {
        if (IsPostgres(options.Database.Provider))
        {
            return options.Database.ConnectionString is { Length: > 0 } pg
                ? pg
                : throw new InvalidOperationException("Academy:Database:ConnectionString is required for PostgreSQL.");
        }
        return options.Database.ConnectionString is { Length: > 0 } cs
            ? cs
            : $"Data Source={Path.Combine(AppDataPath(options, configuration), "academy.db")};Pooling=True";
    }

    private static readonly SqliteBusyTimeout SqliteBusy = new(60_000);
    private static readonly SqliteStatementReuse SqliteStatements = new();

    // A list in a query (ids.Contains(x.Id)) is one parameter: json_each on SQLite, ANY on PostgreSQL. The SQL is then
    // the same for every list, so EF makes it once, also in compiled queries (EF 10's default, a parameter per item,
    // made it anew for every list, such as the authors of a topic page). Public for the tests of these settings.
    public static DbContextOptionsBuilder ConfigureDatabase(DbContextOptionsBuilder db, string provider, string connection) =>
        IsPostgres(provider)
            ? db.UseNpgsql(connection, pg => pg.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            : db.UseSqlite(connection, sqlite => sqlite.CommandTimeout(60).UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                .AddInterceptors(SqliteBusy, SqliteStatements)
                .ReplaceService<Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal.ISqliteRelationalConnection, KeptOpenSqliteRelationalConnection>();
}
