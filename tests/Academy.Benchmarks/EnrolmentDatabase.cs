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
    private readonly Func<bool, DbConnection> _connect;

    private EnrolmentDatabase(Func<bool, DbConnection> connect, bool isPostgres)
    {
        _connect = connect;
        IsPostgres = isPostgres;
    }

    public static EnrolmentDatabase Sqlite(string file) =>
        new(writable => new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = writable ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 60,
        }.ToString()), isPostgres: false);

    public static EnrolmentDatabase Postgres(string connectionString) => new(_ => new NpgsqlConnection(connectionString), isPostgres: true);

    /// <summary>The database of the site started with <paramref name="environment"/> (Academy__Database__*, Academy__AppDataPath).</summary>
    public static EnrolmentDatabase ForSite(DatabaseProvider provider, IReadOnlyDictionary<string, string> environment) =>
        provider == DatabaseProvider.Postgres
            ? Postgres(environment["Academy__Database__ConnectionString"])
            : Sqlite(Path.Combine(environment["Academy__AppDataPath"], "academy.db"));

    public bool IsPostgres { get; }

    /// <summary>An open connection; <paramref name="writable"/> for the few seeding steps that write rows directly.</summary>
    public async Task<DbConnection> OpenAsync(bool writable = false)
    {
        var connection = _connect(writable);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The active and ended enrolments of the given editions.</summary>
    public async Task<List<EnrolmentRow>> RowsAsync(IReadOnlyCollection<string> editionIds)
    {
        await using var connection = await OpenAsync();
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
