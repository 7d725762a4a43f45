using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace Academy.Core.Data;

/// <summary>
/// Runs EF's queries on SQLite with the statement its <see cref="KeptOpenSqliteConnection"/> keeps for the same SQL:
/// EF builds a new command for every query; this hands EF the kept one, with the new command's parameters, so SQLite
/// does not prepare the statement again. Only queries (LINQ, also compiled ones): writes, migrations and raw SQL keep
/// their own commands.
/// </summary>
public sealed class SqliteStatementReuse : DbCommandInterceptor
{
    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        if (eventData.CommandSource != CommandSource.LinqQuery
            || result is not SqliteCommand { Connection: KeptOpenSqliteConnection connection } command
            || connection.Statement(command.CommandText) is not { } kept)
        {
            return result;
        }
        kept.Take(command);
        command.Dispose();
        return kept;
    }
}

#pragma warning disable EF1001 // The provider's connection is internal API: this replaces only how it makes its DbConnection.
/// <summary>EF's SQLite connection, making a <see cref="KeptOpenSqliteConnection"/> set up as the provider sets up its own.</summary>
public sealed class KeptOpenSqliteRelationalConnection(
    RelationalConnectionDependencies dependencies,
    Microsoft.EntityFrameworkCore.Storage.IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<Microsoft.EntityFrameworkCore.DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    // The provider registers its SQL functions (decimal arithmetic, regexp) on each connection it makes; the same step
    // runs here. Checked when the type loads, so an EF update that renames it stops the site at start, not a query.
    private static readonly MethodInfo Initialize =
        typeof(SqliteRelationalConnection).GetMethod("InitializeDbConnection", BindingFlags.NonPublic | BindingFlags.Instance, [typeof(DbConnection)])
        ?? throw new InvalidOperationException("EF's SQLite provider no longer has InitializeDbConnection(DbConnection): KeptOpenSqliteRelationalConnection must follow it.");

    protected override DbConnection CreateDbConnection()
    {
        var connection = new KeptOpenSqliteConnection(GetValidatedConnectionString());
        Initialize.Invoke(this, [connection]);
        return connection;
    }
}
#pragma warning restore EF1001
