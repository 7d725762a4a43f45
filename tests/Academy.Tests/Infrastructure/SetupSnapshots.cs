using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Academy.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Academy.Testing;

/// <summary>
/// The setup recipe's result, kept once per test run for every kind of test site: the first site of a kind runs
/// the recipe and leaves a copy (its App_Data folder with a SQLite backup, or a PostgreSQL template database);
/// later sites of that kind start from the copy and find the setup done (SetupService skips it), which saves the
/// recipe run — seconds each, the larger part of a test site's start.
/// <para>
/// Two sites are of one kind when their environment, every <c>Academy:*</c> setting (except the site's own
/// App_Data folder and connection string) and their service registrations (types, implementations, factories)
/// are the same, so a site with its own clock, mail queue or settings gets a copy made by a site like it.
/// A site whose database already holds tables (an upgrade test's release database, a second node) is left alone.
/// </para>
/// </summary>
internal static class SetupSnapshots
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "academy-tests", "setup-" + Guid.NewGuid().ToString("n")[..12]);
    private static readonly ConcurrentDictionary<string, string> PostgresTemplates = new();
    private static readonly ConcurrentDictionary<string, Lock> SaveLocks = new();

    static SetupSnapshots() => AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(Root);

    /// <summary>What a site starting now should do; decided while its host is built, before the setup runs.</summary>
    internal sealed record Plan(string Key, string AppData, string? Postgres, bool SetsUpItself);

    /// <summary>
    /// Makes the site's first SchemaMigrator restore the copy for its kind of site, if there is one, before the
    /// migrator touches the database; <paramref name="planned"/> learns what was done. The kind is judged on the
    /// finished service collection (test services registered after this call count too).
    /// </summary>
    internal static void Register(IServiceCollection services, Action<Plan?> planned)
    {
        var prepared = 0;
        services.AddScoped(provider =>
        {
            if (Interlocked.Exchange(ref prepared, 1) == 0) planned(Prepare(provider, services));
            return ActivatorUtilities.CreateInstance<SchemaMigrator>(provider);
        });
    }

    /// <summary>Restores the copy when there is one. Null when the database is not ours to fill (it holds tables already).</summary>
    private static Plan? Prepare(IServiceProvider provider, IServiceCollection services)
    {
        var configuration = provider.GetRequiredService<IConfiguration>();
        var environment = provider.GetRequiredService<IHostEnvironment>().EnvironmentName;
        var appData = configuration["Academy:AppDataPath"];
        if (string.IsNullOrEmpty(appData)) return null;
        var postgres = IsPostgres(configuration["Academy:Database:Provider"]) ? configuration["Academy:Database:ConnectionString"] : null;
        if (postgres is null && !string.IsNullOrEmpty(configuration["Academy:Database:ConnectionString"])) return null;

        var key = Key(environment, configuration, services, postgres);
        if (postgres is null)
        {
            if (File.Exists(Path.Combine(appData, "academy.db"))) return null;
            var snapshot = Path.Combine(Root, key);
            if (!Directory.Exists(snapshot)) return new Plan(key, appData, null, SetsUpItself: true);
            CopyDirectory(snapshot, appData);
            return new Plan(key, appData, null, SetsUpItself: false);
        }

        if (IsEmpty(postgres) != true) return null;
        if (!PostgresTemplates.TryGetValue(key, out var template)) return new Plan(key, appData, postgres, SetsUpItself: true);
        var database = new NpgsqlConnectionStringBuilder(postgres).Database;
        using var admin = Maintenance(postgres);
        Execute(admin, $"DROP DATABASE \"{database}\"");
        Execute(admin, $"CREATE DATABASE \"{database}\" TEMPLATE \"{template}\"");
        return new Plan(key, appData, postgres, SetsUpItself: false);
    }

    /// <summary>After the site that ran the setup started: keeps a copy for the next site of its kind (first one wins).</summary>
    internal static void Save(Plan plan)
    {
        if (!plan.SetsUpItself) return;
        lock (SaveLocks.GetOrAdd(plan.Key, _ => new Lock()))
        {
            try
            {
                if (plan.Postgres is null) SaveSqlite(plan);
                else SavePostgres(plan);
            }
            catch (Exception e) when (e is IOException or SqliteException or NpgsqlException or UnauthorizedAccessException)
            {
                // No copy: the next site of this kind runs the recipe itself, as every site used to.
                Console.Error.WriteLine($"Setup snapshot {plan.Key} not kept: {e.Message}");
            }
        }
    }

    private static void SaveSqlite(Plan plan)
    {
        var snapshot = Path.Combine(Root, plan.Key);
        if (Directory.Exists(snapshot)) return;
        var staging = snapshot + ".tmp";
        TryDelete(staging);
        Directory.CreateDirectory(staging);
        // Everything but the database files (keys, files, mail), then a consistent copy of the database itself.
        CopyDirectory(plan.AppData, staging, skip: name => name.StartsWith("academy.db", StringComparison.Ordinal));
        using (var source = new SqliteConnection($"Data Source={Path.Combine(plan.AppData, "academy.db")};Pooling=False"))
        using (var copy = new SqliteConnection($"Data Source={Path.Combine(staging, "academy.db")};Pooling=False"))
        {
            source.Open();
            copy.Open();
            source.BackupDatabase(copy);
        }
        Directory.Move(staging, snapshot);
    }

    private static void SavePostgres(Plan plan)
    {
        if (PostgresTemplates.ContainsKey(plan.Key)) return;
        var source = new NpgsqlConnectionStringBuilder(plan.Postgres);
        var template = "setup_" + plan.Key[..20];
        // The site keeps idle connections in its pool; a template database must have none.
        using (var pooled = new NpgsqlConnection(plan.Postgres)) NpgsqlConnection.ClearPool(pooled);
        using var admin = Maintenance(plan.Postgres!);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Execute(admin, $"CREATE DATABASE \"{template}\" TEMPLATE \"{source.Database}\"");
                PostgresTemplates[plan.Key] = template;
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                Thread.Sleep(50);
            }
        }
    }

    private static string Key(string environment, IConfiguration configuration, IServiceCollection services, string? postgres)
    {
        var text = new StringBuilder();
        text.AppendLine(environment);
        if (postgres is not null)
        {
            var server = new NpgsqlConnectionStringBuilder(postgres);
            text.AppendLine($"postgres {server.Host}:{server.Port}");
        }
        foreach (var (name, value) in configuration.AsEnumerable()
                     .Where(c => c.Key.StartsWith("Academy:", StringComparison.OrdinalIgnoreCase)
                                 && !c.Key.Equals("Academy:AppDataPath", StringComparison.OrdinalIgnoreCase)
                                 && !c.Key.Equals("Academy:Database:ConnectionString", StringComparison.OrdinalIgnoreCase))
                     .OrderBy(c => c.Key, StringComparer.OrdinalIgnoreCase))
        {
            text.Append(name.ToLowerInvariant()).Append('=').AppendLine(value);
        }
        foreach (var service in services)
        {
            text.AppendLine(Describe(service));
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32].ToLowerInvariant();
    }

    private static string Describe(ServiceDescriptor d)
    {
        static string Method(Delegate? f) => f is null ? "" : $"{f.Method.DeclaringType?.FullName}.{f.Method.Name}";
        var implementation = d.IsKeyedService
            ? d.KeyedImplementationType?.FullName ?? d.KeyedImplementationInstance?.GetType().FullName ?? Method(d.KeyedImplementationFactory)
            : d.ImplementationType?.FullName ?? d.ImplementationInstance?.GetType().FullName ?? Method(d.ImplementationFactory);
        return $"{d.ServiceType.FullName} {d.Lifetime} {d.ServiceKey} {implementation}";
    }

    private static bool IsPostgres(string? provider) =>
        string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for a database without tables; null when it does not exist (the migrator creates it).</summary>
    private static bool? IsEmpty(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            connection.Open();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return null;
        }
        using var command = new NpgsqlCommand(
            "SELECT NOT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema'))", connection);
        return (bool)command.ExecuteScalar()!;
    }

    private static NpgsqlConnection Maintenance(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static void CopyDirectory(string from, string to, Func<string, bool>? skip = null)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            var name = Path.GetFileName(file);
            if (skip?.Invoke(name) == true) continue;
            File.Copy(file, Path.Combine(to, name), overwrite: false);
        }
        foreach (var dir in Directory.EnumerateDirectories(from))
        {
            CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)), skip);
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
