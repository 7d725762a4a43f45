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
/// A step may also do data work with the site's services (<see cref="SchemaBuilder.Data"/>), such as installing the
/// module's defaults; released steps are never changed, a release adds steps (docs/upgrades.md).
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

    public SchemaBuilder Add(MigrationOperation operation)
    {
        Operations.Add(operation);
        return this;
    }

    /// <summary>
    /// Code that fills or converts data the SQL cannot (such as reading JSON that may hold comments, or moving JSON
    /// between content parts), run in the step's transaction after the operations before it and saved with it. Prefer
    /// SQL through <c>db.Database</c> to the model's entities: a later step may change those, and this step must keep
    /// working on an old database. On a fresh database it usually finds nothing to do.
    /// </summary>
    public SchemaBuilder Run(Func<AcademyDbContext, CancellationToken, Task> work)
    {
        Operations.Add(new CodeOperation { Work = work });
        return this;
    }

    /// <summary>
    /// Work on data with the site's services (recipe step handlers, stores), in the step's transaction and after the
    /// step's earlier operations. The migrator runs such a step only after every module's schema steps that come
    /// before their own data steps, so the work may write to other modules' tables.
    /// </summary>
    public SchemaBuilder Data(Func<IServiceProvider, CancellationToken, Task> work)
    {
        Operations.Add(new DataOperation(work));
        return this;
    }

    internal bool HasDataWork => Operations.OfType<DataOperation>().Any();
}

/// <summary>Code of <see cref="SchemaBuilder.Run"/>; the migrator calls it between the SQL of the operations around it.</summary>
internal sealed class CodeOperation : MigrationOperation
{
    public required Func<AcademyDbContext, CancellationToken, Task> Work { get; init; }
}

/// <summary>Work of <see cref="SchemaBuilder.Data"/>; the migrator runs it between the SQL of its step.</summary>
internal sealed class DataOperation(Func<IServiceProvider, CancellationToken, Task> work) : MigrationOperation
{
    public Func<IServiceProvider, CancellationToken, Task> Work { get; } = work;
}

/// <summary>SQL of <see cref="SchemaBuilder.SqlIfColumnExists"/>; the migrator turns it into plain SQL or drops it.</summary>
internal sealed class ColumnGuardedSqlOperation : SqlOperation
{
    public required string Table { get; init; }
    public required string Column { get; init; }
}

public sealed class SchemaMigrator(AcademyDbContext db, IEnumerable<IDataMigration> migrations, IServiceProvider services, ILogger<SchemaMigrator> logger)
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
            var ordered = migrations.OrderBy(m => m.Module == CoreMigration.ModuleName ? 0 : 1).ToList();
            // First every module's schema steps up to its first step with data work, then the rest: a module's
            // defaults may go into another module's tables (Enrolment's workflow types into Workflows' table).
            foreach (var migration in ordered)
            {
                await RunAsync(migration, modelOperations, untilDataWork: true, cancellationToken);
            }
            foreach (var migration in ordered)
            {
                await RunAsync(migration, modelOperations, untilDataWork: false, cancellationToken);
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

    private async Task RunAsync(IDataMigration migration, IReadOnlyList<MigrationOperation> modelOperations, bool untilDataWork, CancellationToken ct)
    {
        var record = await db.SchemaVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Module == migration.Module, ct);
        var current = record?.Version ?? 0;
        for (var step = current; step < migration.Steps.Count; step++)
        {
            var builder = new SchemaBuilder(modelOperations, db.Database.IsNpgsql());
            migration.Steps[step](builder);
            if (untilDataWork && builder.HasDataWork)
            {
                return;
            }
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

    /// <summary>Runs a step's operations in order on this unit of work: SQL in batches, code and data work in between.</summary>
    private async Task ExecuteAsync(IReadOnlyList<MigrationOperation> operations, CancellationToken ct)
    {
        var sql = new List<MigrationOperation>();
        foreach (var operation in operations)
        {
            Func<Task>? work = operation switch
            {
                CodeOperation code => () => code.Work(db, ct),
                // The work resolves its services from the migrator's scope, so it shares this context and its transaction.
                DataOperation data => () => data.Work(services, ct),
                _ => null,
            };
            if (work is null)
            {
                sql.Add(operation);
                continue;
            }
            await ExecuteSqlAsync(sql, ct);
            sql.Clear();
            await work();
            // Code may also change tracked entities of a model that has not changed since (content items, say).
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        await ExecuteSqlAsync(sql, ct);
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
        // Which module defaults (workflow types, registers, permissions of roles) each site was offered (docs/upgrades.md).
        s => s.CreateTables(Recipes.ModuleDefaultsModel.Table),
    ];
}
