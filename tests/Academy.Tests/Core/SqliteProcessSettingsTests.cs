using Academy.Core.Data;
using Microsoft.Data.Sqlite;

namespace Academy.Tests.Core;

/// <summary>SQLite's process-wide settings: memory statistics, kept under one global mutex, are off.</summary>
public sealed class SqliteProcessSettingsTests
{
    [Fact]
    public void SQLite_keeps_no_memory_statistics_so_statements_on_different_connections_do_not_wait_for_each_other()
    {
        Assert.Equal(0, SqliteProcessSettings.Apply()); // SQLITE_OK: taken before SQLite initialised
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE t (x TEXT); INSERT INTO t VALUES (hex(randomblob(4000))); SELECT length(x) FROM t;";
        Assert.Equal(8000L, command.ExecuteScalar());

        // With statistics on, SQLite counts every allocation (hundreds of kilobytes by now); off, the count stays 0.
        Assert.Equal(0L, SQLitePCL.raw.sqlite3_memory_used());
        // Applying again (every site of a process does) changes nothing.
        Assert.Equal(0, SqliteProcessSettings.Apply());
    }
}
