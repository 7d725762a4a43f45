using System.Data;
using Microsoft.Data.Sqlite;
using static SQLitePCL.raw;

namespace Academy.Core.Data;

/// <summary>
/// A SQLite connection whose Close keeps the database handle, so the statements SQLite prepared for it stay prepared
/// (<see cref="SqliteStatementReuse"/>). Preparing is most of what a short query costs: the topic page's four
/// statements took 150–225 µs prepared anew and 20–30 µs prepared once.
/// <para>
/// EF opens and closes a connection around every query, and a pooled context's connection when it returns to the
/// pool; Microsoft.Data.Sqlite throws the prepared statements away on every close. Here a close outside a transaction
/// only marks the connection closed: <see cref="State"/> says Closed, so EF opens it again as before, and that open
/// only marks it open. A close inside a transaction, and Dispose, close for real.
/// </para>
/// </summary>
public sealed class KeptOpenSqliteConnection(string connectionString) : SqliteConnection(connectionString)
{
    private const int MaxStatements = 64;
    private readonly Dictionary<string, ReusableSqliteCommand> _statements = new(StringComparer.Ordinal);
    private bool _closedButKept;

    /// <summary>How many statements this connection keeps prepared (for tests and diagnostics).</summary>
    public int StatementsKept => _statements.Count;

    public override ConnectionState State => _closedButKept ? ConnectionState.Closed : base.State;

    public override void Open()
    {
        if (_closedButKept)
        {
            _closedButKept = false;
            OnStateChange(new StateChangeEventArgs(ConnectionState.Closed, ConnectionState.Open));
            return;
        }
        base.Open();
    }

    public override void Close()
    {
        if (_closedButKept)
        {
            return; // closed already, as far as anyone can tell (EF closes again when the context goes back to its pool)
        }
        if (base.State == ConnectionState.Open && IsIdle())
        {
            _closedButKept = true;
            OnStateChange(new StateChangeEventArgs(ConnectionState.Open, ConnectionState.Closed));
            return;
        }
        CloseForReal();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CloseForReal();
        }
        base.Dispose(disposing);
    }

    /// <summary>
    /// The kept command for this SQL, or null when it is running already (a query inside another's results): the
    /// caller then uses its own command.
    /// </summary>
    internal ReusableSqliteCommand? Statement(string sql)
    {
        if (_statements.TryGetValue(sql, out var kept))
        {
            return kept.InUse ? null : kept;
        }
        if (_statements.Count >= MaxStatements)
        {
            // Rarely reached (the site has far fewer distinct queries on a hot path); start again rather than track use.
            foreach (var command in _statements.Values.Where(c => !c.InUse).ToList())
            {
                _statements.Remove(command.CommandText);
                command.Release();
            }
        }
        var created = new ReusableSqliteCommand(sql, this);
        _statements[sql] = created;
        return created;
    }

    /// <summary>
    /// Finalises the kept statements while their handle is still this connection's (the pool may hand it to another
    /// connection next), rolls back what was left open (Microsoft.Data.Sqlite rolls back only transactions it began,
    /// and would hand an open one on with the pooled handle), then closes.
    /// </summary>
    private void CloseForReal()
    {
        _closedButKept = false;
        foreach (var command in _statements.Values)
        {
            command.Release();
        }
        _statements.Clear();
        if (Handle is { } db && sqlite3_get_autocommit(db) == 0)
        {
            sqlite3_exec(db, "ROLLBACK");
        }
        base.Close();
    }

    /// <summary>
    /// True when closing would leave nothing behind: no open transaction. Statements cannot still be stepping here: EF
    /// closes only after disposing its reader, which resets them.
    /// </summary>
    private bool IsIdle() => Handle is { } db && sqlite3_get_autocommit(db) != 0;
}

/// <summary>
/// A command kept by its <see cref="KeptOpenSqliteConnection"/> for one SQL text. EF disposes every command after its
/// reader; for this one that only lets go of the parameters and the transaction, so its prepared statement stays.
/// </summary>
internal sealed class ReusableSqliteCommand(string sql, KeptOpenSqliteConnection connection) : SqliteCommand(sql, connection)
{
    public bool InUse { get; private set; }

    public void Take(SqliteCommand from)
    {
        InUse = true;
        Transaction = from.Transaction;
        CommandTimeout = from.CommandTimeout;
        Parameters.Clear();
        var parameters = from.Parameters.Cast<SqliteParameter>().ToArray();
        from.Parameters.Clear();
        foreach (var parameter in parameters)
        {
            Parameters.Add(parameter);
        }
    }

    public void Release() => base.Dispose(true);

    protected override void Dispose(bool disposing)
    {
        if (!disposing)
        {
            base.Dispose(disposing);
            return;
        }
        Parameters.Clear();
        Transaction = null;
        InUse = false;
    }
}
