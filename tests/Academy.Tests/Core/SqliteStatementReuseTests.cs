using System.Data;
using System.Data.Common;
using Academy.Core.Data;
using Academy.Core.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Internal;

namespace Academy.Tests.Core;

/// <summary>
/// The site's SQLite settings keep a pooled context's connection and the statements SQLite prepared on it between
/// queries and leases (<see cref="KeptOpenSqliteConnection"/>, <see cref="SqliteStatementReuse"/>); what each query
/// returns, and what a transaction keeps or drops, must stay exactly as without.
/// </summary>
public sealed class SqliteStatementReuseTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "academy-tests", $"statements-{Guid.NewGuid():n}.db");
    private readonly ReaderCommands _commands = new();
#pragma warning disable EF1001 // EF's own pool, so the test can dispose it as the host does
    private readonly DbContextPool<AcademyDbContext> _contexts;
#pragma warning restore EF1001
    private readonly PooledDbContextFactory<AcademyDbContext> _pool;
    private readonly DbContextOptions<AcademyDbContext> _options;

    public SqliteStatementReuseTests()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        var builder = new DbContextOptionsBuilder<AcademyDbContext>();
        CoreStartup.ConfigureDatabase(builder, "sqlite", $"Data Source={_file};Pooling=True").AddInterceptors(_commands);
#pragma warning disable EF1001
        _options = builder.Options;
        _contexts = new DbContextPool<AcademyDbContext>(_options);
#pragma warning restore EF1001
        _pool = new PooledDbContextFactory<AcademyDbContext>(_contexts);
        using var db = _pool.CreateDbContext();
        db.Database.EnsureCreated();
        db.Documents.AddRange(new DocumentRecord { Key = "a", Json = "{\"n\":1}" }, new DocumentRecord { Key = "b", Json = "{\"n\":2}" });
        db.SaveChanges();
    }

    private static Task<string?> JsonOfAsync(AcademyDbContext db, string key) =>
        db.Documents.Where(d => d.Key == key).Select(d => d.Json).FirstOrDefaultAsync();

    [Fact]
    public async Task A_query_runs_again_on_the_statement_prepared_the_first_time_with_its_new_parameters()
    {
        KeptOpenSqliteConnection connection;
        await using (var db = await _pool.CreateDbContextAsync())
        {
            Assert.Equal("{\"n\":1}", await JsonOfAsync(db, "a"));
            connection = Assert.IsType<KeptOpenSqliteConnection>(db.Database.GetDbConnection());
            // EF sees the connection closed after its query, as it always did; the handle underneath stays.
            Assert.Equal(ConnectionState.Closed, connection.State);
            Assert.NotNull(connection.Handle);
        }
        var statements = connection.StatementsKept;

        // The next lease (the same pooled context) runs the same SQL with another key: the same command, so the same
        // prepared statement, and the row of the new key.
        await using (var db = await _pool.CreateDbContextAsync())
        {
            Assert.Same(connection, db.Database.GetDbConnection());
            Assert.Equal("{\"n\":2}", await JsonOfAsync(db, "b"));
            Assert.Null(await JsonOfAsync(db, "c"));
        }
        Assert.Equal(statements, connection.StatementsKept);
        var runs = _commands.Runs.Where(r => r.Sql.Contains("\"Json\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, runs.Count);
        Assert.Single(runs.Select(r => r.Command).Distinct());
        Assert.Equal(["a", "b", "c"], runs.Select(r => r.Key));
    }

    [Fact]
    public async Task The_same_query_inside_its_own_results_runs_on_a_command_of_its_own()
    {
        await using var db = await _pool.CreateDbContextAsync();
        var pairs = new List<(string Outer, string? Inner)>();
        await foreach (var key in db.Documents.OrderBy(d => d.Key).Select(d => d.Key).AsAsyncEnumerable())
        {
            pairs.Add((key, await JsonOfAsync(db, key == "a" ? "b" : "a")));
        }
        Assert.Equal([("a", "{\"n\":2}"), ("b", "{\"n\":1}")], pairs);
    }

    [Fact]
    public async Task A_close_inside_an_open_transaction_closes_for_real_and_the_transaction_is_rolled_back()
    {
        await using (var db = await _pool.CreateDbContextAsync())
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("BEGIN");
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"Documents\" (\"Key\", \"Json\") VALUES ('uncommitted', '[]')");
            var connection = db.Database.GetDbConnection();
            await db.Database.CloseConnectionAsync();
            Assert.Equal(ConnectionState.Closed, connection.State);
            Assert.Null(((SqliteConnection)connection).Handle); // closed for real: the handle went back to the pool
        }
        await using (var db = await _pool.CreateDbContextAsync())
        {
            Assert.Null(await JsonOfAsync(db, "uncommitted"));
            Assert.Equal(2, await db.Documents.CountAsync());
        }
    }

    [Fact]
    public async Task A_committed_transaction_is_kept_and_a_rolled_back_one_is_not()
    {
        await using (var db = await _pool.CreateDbContextAsync())
        {
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                db.Documents.Add(new DocumentRecord { Key = "kept", Json = "{}" });
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                db.Documents.Add(new DocumentRecord { Key = "dropped", Json = "{}" });
                await db.SaveChangesAsync();
                Assert.Equal("{}", await JsonOfAsync(db, "dropped"));
                await transaction.RollbackAsync();
            }
        }
        await using (var db = await _pool.CreateDbContextAsync())
        {
            Assert.Equal("{}", await JsonOfAsync(db, "kept"));
            Assert.Null(await JsonOfAsync(db, "dropped"));
        }
    }

    [Fact]
    public async Task The_providers_own_SQL_functions_are_on_the_kept_connection()
    {
        await using var db = await _pool.CreateDbContextAsync();
        // ef_compare is what EF's SQLite provider uses to compare decimals; it registers it on every connection it makes.
        Assert.Equal(-1, await db.Database.SqlQueryRaw<int>("SELECT ef_compare('1.5', '2.50') AS \"Value\"").SingleAsync());
    }

    [Fact]
    public async Task Disposing_a_context_closes_its_kept_connection_for_real()
    {
        SqliteConnection connection;
        await using (var db = new AcademyDbContext(_options))
        {
            Assert.NotNull(await JsonOfAsync(db, "a"));
            connection = (SqliteConnection)db.Database.GetDbConnection();
            Assert.NotNull(connection.Handle);
        }
        Assert.Null(connection.Handle);
    }

    public void Dispose()
    {
        _contexts.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    /// <summary>Records which command object ran each query, with its SQL and its first parameter.</summary>
    private sealed class ReaderCommands : DbCommandInterceptor
    {
        public List<(DbCommand Command, string Sql, string? Key)> Runs { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Runs.Add((command, command.CommandText, command.Parameters.Count > 0 ? command.Parameters[0].Value as string : null));
            return ValueTask.FromResult(result);
        }
    }
}
