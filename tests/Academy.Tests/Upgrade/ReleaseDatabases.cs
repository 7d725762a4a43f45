using System.Text.RegularExpressions;
using Academy.Core.Data;
using Academy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Upgrade;

/// <summary>
/// The databases an earlier release left (tests/releases/, see its README), opened by today's code, and what the
/// provider's catalogue says about a database's schema.
/// </summary>
public static partial class ReleaseDatabases
{
    /// <summary>Where the test project's output holds tests/releases/.</summary>
    public static string Folder(string release) => Path.Combine(AppContext.BaseDirectory, "releases", release);

    /// <summary>A site on a copy of the release's SQLite file; starting it migrates the copy.</summary>
    public static AcademyFactory SqliteSite(string release)
    {
        var factory = new AcademyFactory();
        Directory.CreateDirectory(factory.AppDataPath);
        File.Copy(Path.Combine(Folder(release), "academy.db"), Path.Combine(factory.AppDataPath, "academy.db"));
        return factory;
    }

    /// <summary>A site on a new PostgreSQL database loaded from the release's plain-SQL dump.</summary>
    public static async Task<AcademyFactory> PostgresSiteAsync(PostgresFixture postgres, string release)
    {
        var connection = await postgres.CreateDatabaseAsync("upgrade_" + release.Replace('-', '_'));
        var database = DatabaseName().Match(connection).Groups[1].Value;
        await postgres.Server.PsqlFileAsync(database, Path.Combine(Folder(release), "academy-postgres.sql"));
        return new AcademyFactory(connection);
    }

    public static async Task<T> WithAsync<T>(AcademyFactory factory, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>
    /// Tables, columns (type, null, default), indexes, foreign keys and triggers as the provider's catalogue lists
    /// them, one sorted line each. Column order is left out: a column added by a later step comes last.
    /// </summary>
    public static Task<List<string>> SchemaAsync(AcademyFactory factory) => WithAsync(factory, async services =>
    {
        var db = services.GetRequiredService<AcademyDbContext>();
        var queries = db.Database.IsNpgsql() ? PostgresCatalogue : SqliteCatalogue;
        var lines = new List<string>();
        foreach (var sql in queries)
        {
            lines.AddRange(await db.Database.SqlQueryRaw<string>(sql).ToListAsync());
        }
        return lines.Order(StringComparer.Ordinal).ToList();
    });

    private static readonly string[] SqliteCatalogue =
    [
        """
        SELECT 'column ' || m.name || '.' || p.name || ' ' || p.type || CASE WHEN p."notnull" THEN ' not null' ELSE '' END
            || ' default ' || COALESCE(p.dflt_value, '-') || ' pk ' || p.pk AS "Value"
        FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
        """,
        """
        SELECT 'index ' || m.name || ' ' || il.name || CASE WHEN il."unique" THEN ' unique' ELSE '' END || ' ('
            || (SELECT group_concat(ii.name, ',') FROM (SELECT name FROM pragma_index_info(il.name) ORDER BY seqno) ii) || ')' AS "Value"
        FROM sqlite_master m JOIN pragma_index_list(m.name) il WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
        """,
        """
        SELECT 'foreign key ' || m.name || '.' || f."from" || ' -> ' || f."table" || '.' || f."to" || ' on delete ' || f.on_delete AS "Value"
        FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'
        """,
        """SELECT 'trigger ' || tbl_name || ' ' || name AS "Value" FROM sqlite_master WHERE type = 'trigger'""",
    ];

    private static readonly string[] PostgresCatalogue =
    [
        """
        SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || COALESCE('(' || character_maximum_length || ')', '')
            || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END || ' identity ' || is_identity
            || ' default ' || COALESCE(column_default, '-') AS "Value"
        FROM information_schema.columns WHERE table_schema = current_schema()
        """,
        """SELECT 'index ' || tablename || ' ' || indexdef AS "Value" FROM pg_indexes WHERE schemaname = current_schema()""",
        """
        SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS "Value"
        FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
        """,
        """
        SELECT 'trigger ' || event_object_table || ' ' || trigger_name || ' ' || event_manipulation || ' ' || action_statement AS "Value"
        FROM information_schema.triggers WHERE trigger_schema = current_schema()
        """,
        """
        SELECT 'function ' || p.proname AS "Value" FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace
        """,
    ];

    [GeneratedRegex("Database=([^;]+)")]
    private static partial Regex DatabaseName();
}
