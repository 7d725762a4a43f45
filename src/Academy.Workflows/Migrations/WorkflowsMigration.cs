using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Core.Data;
using Academy.Workflows.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;
using static Academy.Workflows.Models.WorkflowsModel;
using Academy.Core.Recipes;

namespace Academy.Workflows.Migrations;

public sealed class WorkflowsMigration : IDataMigration
{
    public const string ModuleName = "Academy.Workflows";

    public string Module => ModuleName;

    public IReadOnlyList<Action<SchemaBuilder>> Steps { get; } =
    [
        s => s.CreateTables(TypesTable, InstancesTable, "WorkflowJournal"),
        // Issue 10: versions of workflow types, and the start and blocking indexes the engine looks up instead of
        // searching JSON. On a site from an earlier release every type becomes version 1, its instances run on it,
        // and both indexes are filled from the stored JSON. On a fresh database there is nothing to fill.
        s => s
            .CreateTables(VersionsTable, StartIndexTable, BlockingIndexTable)
            .Add(IntColumn(TypesTable, "LatestVersion"))
            .Add(IntColumn(InstancesTable, "WorkflowTypeVersion"))
            .Run(FillVersionsAndIndexesAsync),
        // Issue 10: the Beheerder role of a site set up before the module existed may manage workflows.
        s => s.InstallDefaults(ModuleName, typeof(WorkflowsMigration).Assembly),
    ];

    /// <summary>With a default, as SQLite adds no NOT NULL column without one (a fresh database got it from step 1).</summary>
    private static AddColumnOperation IntColumn(string table, string column) => new()
    {
        Table = table,
        Name = column,
        ClrType = typeof(int),
        ColumnType = null,
        IsNullable = false,
        DefaultValue = 0,
    };

    private sealed record TypeRow(string Id, string Json, DateTime UpdatedUtc);

    private sealed record BlockingRow(string ActivityId, string Type);

    /// <summary>
    /// Fills what step 2 added, with SQL only (no entities of the current model, which later steps may change): version
    /// 1 of every unversioned type and its start activities, version 1 for the instances, and one blocking-index row per
    /// activity a blocked instance waits on (for a Signal, with the signal's name from its type).
    /// </summary>
    internal static async Task FillVersionsAndIndexesAsync(AcademyDbContext db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();

        var types = new List<TypeRow>();
        await using (var command = Command(connection, transaction, $"""SELECT "Id", "Json", "UpdatedUtc" FROM "{TypesTable}" WHERE "LatestVersion" = 0 ORDER BY "Id" """))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                types.Add(new TypeRow(reader.GetString(0), reader.GetString(1), reader.GetDateTime(2)));
            }
        }

        var signalNames = new Dictionary<(string TypeId, string ActivityId), string>();
        var versions = new List<object?[]>();
        var starts = new List<object?[]>();
        foreach (var type in types)
        {
            var root = WorkflowDefinitions.ParseObject(type.Json);
            versions.Add([type.Id, 1, type.Json, root is null ? "" : WorkflowDefinitions.Hash(root), DateTime.SpecifyKind(type.UpdatedUtc, DateTimeKind.Utc)]);
            if (WorkflowDefinitions.Read(type.Json) is not { } definition)
            {
                continue;
            }
            foreach (var start in WorkflowDefinitions.Starts(definition))
            {
                starts.Add([type.Id, 1, start.Id, start.Type]);
            }
            foreach (var activity in definition.Activities.Where(a => a.Type == Activities.SignalEvent.TypeName))
            {
                signalNames[(type.Id, activity.Id)] = Activities.SignalEvent.SignalName(activity.Properties)?.ToLowerInvariant() ?? "";
            }
        }
        await InsertAsync(connection, transaction, VersionsTable, ["TypeId", "Version", "Json", "Hash", "CreatedUtc"], versions, ct);
        await InsertAsync(connection, transaction, StartIndexTable, ["TypeId", "Version", "ActivityId", "EventType"], starts, ct);
        await ExecuteAsync(connection, transaction, $"""UPDATE "{TypesTable}" SET "LatestVersion" = 1 WHERE "LatestVersion" = 0""", ct);
        await ExecuteAsync(connection, transaction, $"""UPDATE "{InstancesTable}" SET "WorkflowTypeVersion" = 1 WHERE "WorkflowTypeVersion" = 0""", ct);

        // Blocked instances, a page at a time (one open reader per connection on PostgreSQL).
        long after = 0;
        while (true)
        {
            var blocking = new List<object?[]>();
            var read = 0;
            await using (var command = Command(connection, transaction,
                $"""SELECT "Id", "WorkflowTypeId", "CorrelationId", "BlockingActivitiesJson" FROM "{InstancesTable}" WHERE "Status" = 'Blocked' AND "Id" > @p0 ORDER BY "Id" LIMIT 500""", after))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    read++;
                    var id = reader.GetInt64(0);
                    var typeId = reader.GetString(1);
                    var correlationId = reader.IsDBNull(2) ? null : reader.GetString(2);
                    after = id;
                    foreach (var waiting in Blocking(reader.IsDBNull(3) ? null : reader.GetString(3)).DistinctBy(b => b.ActivityId))
                    {
                        var signal = waiting.Type == Activities.SignalEvent.TypeName ? signalNames.GetValueOrDefault((typeId, waiting.ActivityId)) : null;
                        blocking.Add([id, waiting.ActivityId, waiting.Type, correlationId, signal]);
                    }
                }
            }
            await InsertAsync(connection, transaction, BlockingIndexTable, ["InstanceId", "ActivityId", "ActivityType", "CorrelationId", "Signal"], blocking, ct);
            if (read < 500)
            {
                break;
            }
        }
    }

    private static List<BlockingRow> Blocking(string? json)
    {
        try
        {
            return (JsonNode.Parse(string.IsNullOrWhiteSpace(json) ? "[]" : json) as JsonArray ?? [])
                .OfType<JsonObject>()
                .Select(b => new BlockingRow(b["ActivityId"]?.GetValue<string>() ?? "", b["Type"]?.GetValue<string>() ?? ""))
                .Where(b => b.ActivityId.Length > 0)
                .ToList();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return [];
        }
    }

    /// <summary>Multi-row INSERTs of at most 100 rows, with parameters (both providers).</summary>
    private static async Task InsertAsync(DbConnection connection, DbTransaction? transaction, string table, string[] columns, List<object?[]> rows, CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(100))
        {
            var values = new List<object?>();
            var tuples = chunk.Select(row =>
            {
                var names = row.Select(value =>
                {
                    values.Add(value);
                    return $"@p{values.Count - 1}";
                });
                return $"({string.Join(", ", names)})";
            }).ToList();
            var sql = $"""INSERT INTO "{table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES {string.Join(", ", tuples)}""";
            await using var command = Command(connection, transaction, sql, [.. values]);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params object?[] values)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = values[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
