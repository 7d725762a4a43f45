using Academy.Core.Data;
using Academy.Testing;
using Microsoft.EntityFrameworkCore;

namespace Academy.Tests.Core;

/// <summary>
/// Core's one unit of work: joins an ambient transaction, begins and commits its own, rolls back on an exception,
/// undoes a discarded or conflicting change under a savepoint, and runs after-commit hooks only for what committed.
/// Runs on a bare <see cref="AcademyDbContext"/> (Core's tables only) on SQLite and PostgreSQL.
/// </summary>
public abstract class UnitOfWorkTests
{
    protected abstract Task<DbContextOptions<AcademyDbContext>> OptionsAsync();

    private async Task<(AcademyDbContext Db, UnitOfWork Unit)> NewAsync()
    {
        var db = new AcademyDbContext(await OptionsAsync());
        await db.Database.EnsureCreatedAsync();
        return (db, new UnitOfWork(db, new SqliteWriteGate()));
    }

    private async Task<bool> ExistsAsync(string key)
    {
        await using var db = new AcademyDbContext(await OptionsAsync());
        return await db.Documents.AnyAsync(d => d.Key == key);
    }

    private static string Key() => "uow-" + Guid.NewGuid().ToString("n");

    [Fact]
    public async Task Begins_saves_and_commits_its_own_transaction_then_runs_the_hooks()
    {
        var (db, unit) = await NewAsync();
        await using var _ = db;
        var key = Key();
        var hookSawTransaction = (bool?)null;

        var result = await unit.RunAsync(() =>
        {
            Assert.True(unit.InTransaction);
            db.Documents.Add(new DocumentRecord { Key = key, Json = "{}" });
            unit.AfterCommit(() => { hookSawTransaction = unit.InTransaction; return Task.CompletedTask; });
            return Task.FromResult(42);
        });

        Assert.Equal(42, result);
        Assert.False(unit.InTransaction);
        Assert.True(await ExistsAsync(key));
        Assert.False(hookSawTransaction);
    }

    [Fact]
    public async Task Rolls_back_its_own_transaction_on_an_exception_and_drops_the_hooks()
    {
        var (db, unit) = await NewAsync();
        await using var _ = db;
        var key = Key();
        var hookRan = false;

        await Assert.ThrowsAsync<InvalidOperationException>(() => unit.RunAsync(async () =>
        {
            db.Documents.Add(new DocumentRecord { Key = key, Json = "{}" });
            await db.SaveChangesAsync();
            unit.AfterCommit(() => { hookRan = true; return Task.CompletedTask; });
            throw new InvalidOperationException("boom");
        }));

        Assert.False(unit.InTransaction);
        Assert.False(await ExistsAsync(key));
        Assert.False(hookRan);
        Assert.Empty(db.ChangeTracker.Entries());
    }

    [Fact]
    public async Task Joins_an_ambient_transaction_whose_owner_decides()
    {
        var (db, unit) = await NewAsync();
        await using var _ = db;
        var key = Key();

        await using (var ambient = await db.Database.BeginTransactionAsync())
        {
            await unit.RunAsync(async () =>
            {
                Assert.Same(ambient, db.Database.CurrentTransaction);
                db.Documents.Add(new DocumentRecord { Key = key, Json = "{}" });
                await db.SaveChangesAsync();
            });
            Assert.Same(ambient, db.Database.CurrentTransaction);
            await ambient.RollbackAsync();
            db.ChangeTracker.Clear();
        }
        Assert.False(await ExistsAsync(key));

        await using (var ambient = await db.Database.BeginTransactionAsync())
        {
            await unit.RunAsync(async () =>
            {
                db.Documents.Add(new DocumentRecord { Key = key, Json = "{}" });
                await db.SaveChangesAsync();
            });
            await ambient.CommitAsync();
        }
        Assert.True(await ExistsAsync(key));
    }

    [Fact]
    public async Task A_discarded_change_inside_an_ambient_transaction_undoes_only_itself()
    {
        var (db, unit) = await NewAsync();
        await using var _ = db;
        var kept = Key();
        var discarded = Key();

        await using (var ambient = await db.Database.BeginTransactionAsync())
        {
            db.Documents.Add(new DocumentRecord { Key = kept, Json = "{}" });
            await db.SaveChangesAsync();
            var result = await unit.RunAsync(() =>
            {
                db.Documents.Add(new DocumentRecord { Key = discarded, Json = "{}" });
                return Task.FromResult(WorkOutcome<string>.Discard("nee"));
            }, _ => "conflict");
            Assert.Equal("nee", result);
            await db.SaveChangesAsync();
            await ambient.CommitAsync();
        }

        Assert.True(await ExistsAsync(kept));
        Assert.False(await ExistsAsync(discarded));
    }

    [Fact]
    public async Task A_conflicting_save_gives_the_conflict_result_and_commits_nothing()
    {
        var (db, unit) = await NewAsync();
        await using var _ = db;
        var key = Key();
        await unit.RunAsync(() => { db.Documents.Add(new DocumentRecord { Key = key, Json = "{}" }); return Task.CompletedTask; });
        db.ChangeTracker.Clear();
        var second = Key();

        var result = await unit.RunAsync(() =>
        {
            db.Documents.Add(new DocumentRecord { Key = second, Json = "{}" });
            // Same primary key again: the save breaks the key, a race lost.
            db.Documents.Add(new DocumentRecord { Key = key, Json = "{\"again\":true}" });
            return Task.FromResult(WorkOutcome<string>.Keep("saved"));
        }, _ => "conflict");

        Assert.Equal("conflict", result);
        Assert.False(await ExistsAsync(second));
        Assert.False(unit.InTransaction);
    }

    [Fact]
    public async Task Hooks_of_a_change_joined_to_its_own_transaction_wait_for_the_outer_commit()
    {
        var (db, unit) = await NewAsync();
        await using var _ = db;
        var events = new List<string>();

        await unit.RunAsync(async () =>
        {
            await unit.RunAsync(() =>
            {
                unit.AfterCommit(() => { events.Add("inner hook"); return Task.CompletedTask; });
                db.Documents.Add(new DocumentRecord { Key = Key(), Json = "{}" });
                return Task.FromResult(WorkOutcome<int>.Keep(1));
            }, _ => 0);
            events.Add("outer work done");
        });

        Assert.Equal(["outer work done", "inner hook"], events);
    }
}

public sealed class UnitOfWorkSqliteTests : UnitOfWorkTests, IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "academy-tests", $"uow-{Guid.NewGuid():n}.db");

    protected override Task<DbContextOptions<AcademyDbContext>> OptionsAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        return Task.FromResult(new DbContextOptionsBuilder<AcademyDbContext>().UseSqlite($"Data Source={_file};Pooling=False").Options);
    }

    public void Dispose() => File.Delete(_file);
}

public sealed class UnitOfWorkPostgresTests(PostgresFixture postgres) : UnitOfWorkTests, IClassFixture<PostgresFixture>
{
    private string? _connection;

    protected override async Task<DbContextOptions<AcademyDbContext>> OptionsAsync()
    {
        _connection ??= await postgres.CreateDatabaseAsync("uow");
        return new DbContextOptionsBuilder<AcademyDbContext>().UseNpgsql(_connection).Options;
    }
}
