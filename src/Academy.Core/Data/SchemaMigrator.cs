using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Academy.Core.Data;

/// <summary>
/// A module's schema history, like Orchard Core's DataMigration: ordered steps, each run once.
/// Steps describe tables by name; the SQL comes from the EF model, so one step serves SQLite and PostgreSQL.
/// </summary>
public interface IDataMigration
{
    string Module { get; }
    IReadOnlyList<Action<SchemaBuilder>> Steps { get; }
}

public sealed class SchemaBuilder(IReadOnlyList<MigrationOperation> modelOperations, bool isPostgres = false)
{
    internal List<MigrationOperation> Operations { get; } = [];

    /// <summary>Creates the named tables (with their keys, foreign keys and indexes) as the current model describes them.</summary>
    public SchemaBuilder CreateTables(params string[] tables)
    {
        var names = new HashSet<string>(tables, StringComparer.Ordinal);
        var missing = names.Except(modelOperations.OfType<CreateTableOperation>().Select(o => o.Name)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Tables not in the model: {string.Join(", ", missing)}");
        }
        Operations.AddRange(modelOperations.OfType<CreateTableOperation>().Where(o => names.Contains(o.Name)));
        Operations.AddRange(modelOperations.OfType<CreateIndexOperation>().Where(o => names.Contains(o.Table)));
        return this;
    }

    /// <summary>
    /// Adds the named columns of an existing table as the current model describes them. Columns that are
    /// already there are skipped when the step runs (a fresh database got them from CreateTables), so a
    /// step that adds columns works both on new databases and on ones created by an earlier step.
    /// </summary>
    public SchemaBuilder AddColumns(string table, params string[] columns)
    {
        var create = modelOperations.OfType<CreateTableOperation>().SingleOrDefault(o => o.Name == table)
            ?? throw new InvalidOperationException($"Table not in the model: {table}");
        foreach (var column in columns)
        {
            var add = create.Columns.SingleOrDefault(c => c.Name == column)
                ?? throw new InvalidOperationException($"Column not in the model: {table}.{column}");
            Operations.Add(add);
        }
        return this;
    }

    /// <summary>Raw SQL the model cannot describe (triggers), one statement per provider.</summary>
    public SchemaBuilder Sql(string sqlite, string postgres)
    {
        Operations.Add(new SqlOperation { Sql = isPostgres ? postgres : sqlite });
        return this;
    }

    /// <summary>
    /// Raw SQL that runs only when <paramref name="table"/> still has <paramref name="column"/>: a step that moves data
    /// out of a column and drops it has nothing to do on a fresh database, whose tables come from the current model.
    /// </summary>
    public SchemaBuilder SqlIfColumnExists(string table, string column, string sqlite, string postgres)
    {
        Operations.Add(new ColumnGuardedSqlOperation { Table = table, Column = column, Sql = isPostgres ? postgres : sqlite });
        return this;
    }

    /// <summary>
    /// A data step written in C# (moving JSON between parts, say): it runs in the step's transaction, in order with the
    /// step's SQL, on every database the step has not run on yet (on a fresh one it usually finds nothing to do).
    /// </summary>
    public SchemaBuilder Data(Func<AcademyDbContext, CancellationToken, Task> action)
    {
        Operations.Add(new DataOperation { Action = action });
        return this;
    }

    public SchemaBuilder Add(MigrationOperation operation)
    {
        Operations.Add(operation);
        return this;
    }
}

/// <summary>A step of <see cref="SchemaBuilder.Data"/>; the migrator runs it instead of generating SQL.</summary>
internal sealed class DataOperation : MigrationOperation
{
    public required Func<AcademyDbContext, CancellationToken, Task> Action { get; init; }
}

/// <summary>SQL of <see cref="SchemaBuilder.SqlIfColumnExists"/>; the migrator turns it into plain SQL or drops it.</summary>
internal sealed class ColumnGuardedSqlOperation : SqlOperation
{
    public required string Table { get; init; }
    public required string Column { get; init; }
}

public sealed class SchemaMigrator(AcademyDbContext db, IEnumerable<IDataMigration> migrations, ILogger<SchemaMigrator> logger)
{
    private const long PostgresLockKey = 7_242_001;

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            await creator.CreateAsync(cancellationToken);
        }

        var isPostgres = db.Database.IsNpgsql();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (db.Database.IsSqlite())
            {
                // Readers never wait for the writer in WAL mode; the setting is stored in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            if (isPostgres)
            {
                // Several web nodes may start at once; one migrates, the others wait and then find nothing to do.
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({PostgresLockKey})", cancellationToken);
            }
            var modelOperations = db.GetService<IMigrationsModelDiffer>()
                .GetDifferences(null, db.GetService<IDesignTimeModel>().Model.GetRelationalModel());
            await EnsureVersionTableAsync(modelOperations, cancellationToken);
            foreach (var migration in migrations.OrderBy(m => m.Module == CoreMigration.ModuleName ? 0 : 1))
            {
                await RunAsync(migration, modelOperations, cancellationToken);
            }
        }
        finally
        {
            if (isPostgres)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({PostgresLockKey})", cancellationToken);
            }
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task EnsureVersionTableAsync(IReadOnlyList<MigrationOperation> modelOperations, CancellationToken ct)
    {
        if (await TableExistsAsync("SchemaVersions", ct))
        {
            return;
        }
        await ExecuteAsync(new SchemaBuilder(modelOperations).CreateTables("SchemaVersions").Operations, ct);
    }

    private async Task<bool> TableExistsAsync(string table, CancellationToken ct)
    {
        var sql = db.Database.IsNpgsql()
            ? "SELECT COUNT(*) AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = {0}"
            : "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {0}";
        var count = await db.Database.SqlQueryRaw<int>(sql, table).SingleAsync(ct);
        return count > 0;
    }

    private async Task RunAsync(IDataMigration migration, IReadOnlyList<MigrationOperation> modelOperations, CancellationToken ct)
    {
        var record = await db.SchemaVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Module == migration.Module, ct);
        var current = record?.Version ?? 0;
        for (var step = current; step < migration.Steps.Count; step++)
        {
            var builder = new SchemaBuilder(modelOperations, db.Database.IsNpgsql());
            migration.Steps[step](builder);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await ExecuteAsync(await WithoutExistingColumnsAsync(builder.Operations, ct), ct);
            var version = step + 1;
            var affected = await db.SchemaVersions.Where(v => v.Module == migration.Module)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, version), ct);
            if (affected == 0)
            {
                db.SchemaVersions.Add(new SchemaVersion { Module = migration.Module, Version = version });
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            await transaction.CommitAsync(ct);
            logger.LogInformation("Schema of {Module} migrated to version {Version}", migration.Module, version);
        }
    }

    private async Task<List<MigrationOperation>> WithoutExistingColumnsAsync(IEnumerable<MigrationOperation> operations, CancellationToken ct)
    {
        var result = new List<MigrationOperation>();
        foreach (var operation in operations)
        {
            if (operation is AddColumnOperation add && await ColumnExistsAsync(add.Table, add.Name, ct))
            {
                continue;
            }
            if (operation is ColumnGuardedSqlOperation guarded)
            {
                // Checked before any statement of the step runs, so a statement may drop the column a later one is guarded on.
                if (await ColumnExistsAsync(guarded.Table, guarded.Column, ct))
                {
                    result.Add(new SqlOperation { Sql = guarded.Sql });
                }
                continue;
            }
            result.Add(operation);
        }
        return result;
    }

    private async Task<bool> ColumnExistsAsync(string table, string column, CancellationToken ct)
    {
        var sql = db.Database.IsNpgsql()
            ? "SELECT COUNT(*) AS \"Value\" FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = {0} AND column_name = {1}"
            : "SELECT COUNT(*) AS \"Value\" FROM pragma_table_info({0}) WHERE name = {1}";
        return await db.Database.SqlQueryRaw<int>(sql, table, column).SingleAsync(ct) > 0;
    }

    private async Task ExecuteAsync(IReadOnlyList<MigrationOperation> operations, CancellationToken ct)
    {
        var batch = new List<MigrationOperation>();
        foreach (var operation in operations)
        {
            if (operation is DataOperation data)
            {
                await ExecuteSqlAsync(batch, ct);
                batch.Clear();
                await data.Action(db, ct);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                continue;
            }
            batch.Add(operation);
        }
        await ExecuteSqlAsync(batch, ct);
    }

    private async Task ExecuteSqlAsync(IReadOnlyList<MigrationOperation> operations, CancellationToken ct)
    {
        if (operations.Count == 0)
        {
            return;
        }
        var commands = db.GetService<IMigrationsSqlGenerator>().Generate(operations, db.GetService<IDesignTimeModel>().Model);
        foreach (var command in commands)
        {
            await db.Database.ExecuteSqlRawAsync(command.CommandText, ct);
        }
    }
}

/// <summary>Core's own tables.</summary>
public sealed class CoreMigration : IDataMigration
{
    public const string ModuleName = "Academy.Core";
    public string Module => ModuleName;
    public IReadOnlyList<Action<SchemaBuilder>> Steps { get; } =
    [
        s => s.CreateTables("ContentItems", "ContentDefinitions", "Documents", "Outbox", "AutorouteEntries"),
        // The background platform: outbox dispatch bookkeeping and scheduled jobs.
        s => s
            .AddColumns("Outbox", "LeaseUntilUtc", "LeaseOwner", "NextAttemptUtc", "LastError", "FailedUtc")
            .CreateTables(Jobs.JobsModel.Table),
    ];
}
