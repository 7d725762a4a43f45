using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Academy.Core.Data;

/// <summary>
/// Lets SQLite itself wait for its write lock (its busy handler retries after 1, 2, 5 … up to 100 ms) instead of
/// Microsoft.Data.Sqlite's retry loop, which sleeps 150 ms per try. The writes that do not queue on
/// <see cref="SqliteWriteGate"/> (single-statement lease and claim updates, another process such as the CLI) then
/// cost a waiting transaction a few milliseconds rather than multiples of 150 ms. Set on every open: a pooled
/// connection keeps it, and setting it again is one native call.
/// </summary>
public sealed class SqliteBusyTimeout(int milliseconds) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            SQLitePCL.raw.sqlite3_busy_timeout(handle, milliseconds);
        }
    }
}
