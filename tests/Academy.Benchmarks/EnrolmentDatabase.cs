using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Academy.Benchmarks;

/// <summary>One enrolment row as the check needs it.</summary>
public sealed record EnrolmentRow(string EditionId, string Status, long? WaitlistSequence);

/// <summary>
/// Reads the enrolment module's table (Enrolments, see src/Academy.Enrolment/Data/EnrolmentModel.cs) straight from the
/// site's database, so the benchmark checks what was stored rather than what the pages say.
/// </summary>
public sealed class EnrolmentDatabase
{
    private readonly Func<DbConnection> _connect;

    private EnrolmentDatabase(Func<DbConnection> connect) => _connect = connect;

    public static EnrolmentDatabase Sqlite(string file) =>
        new(() => new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()));

    public static EnrolmentDatabase Postgres(string connectionString) => new(() => new NpgsqlConnection(connectionString));

    /// <summary>The active and ended enrolments of the given editions.</summary>
    public async Task<List<EnrolmentRow>> RowsAsync(IReadOnlyCollection<string> editionIds)
    {
        await using var connection = _connect();
        await connection.OpenAsync();
        var rows = new List<EnrolmentRow>();
        // Few editions: one small query each keeps the SQL the same on both providers.
        foreach (var editionId in editionIds)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT "EditionId", "Status", "WaitlistSequence" FROM "Enrolments" WHERE "EditionId" = @edition""";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@edition";
            parameter.Value = editionId;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(new EnrolmentRow(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2)));
            }
        }
        return rows;
    }
}
