using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Academy.Core.Data;

/// <summary>
/// SQLite has one writer at a time: transactions of this process queue here (asynchronously) instead of
/// spinning on "database is locked". Other processes still wait through BEGIN IMMEDIATE and the busy timeout.
/// </summary>
public sealed class SqliteWriteGate
{
    public SemaphoreSlim Gate { get; } = new(1, 1);
}

/// <summary>What a unit of work ends with: its result, and whether its changes should commit.</summary>
public readonly record struct WorkOutcome<T>(T Result, bool Commit)
{
    public static WorkOutcome<T> Keep(T result) => new(result, true);

    public static WorkOutcome<T> Discard(T result) => new(result, false);
}

/// <summary>
/// The one way every module runs a change in a transaction: it joins the ambient transaction when the caller
/// (a workflow activity, the outbox dispatcher, a recipe) already has one, and otherwise begins its own (READ
/// COMMITTED; on SQLite after the process's write gate, then BEGIN IMMEDIATE), saves, commits, and rolls back
/// on an exception. Code that runs after a commit (evicting cached pages) registers with <see cref="AfterCommit"/>.
/// </summary>
public sealed class UnitOfWork(AcademyDbContext db, SqliteWriteGate sqliteGate)
{
    private readonly List<Func<Task>> _afterCommit = [];
    private int _owned;
    private int _savepoints;

    /// <summary>True while a transaction is open on this scope's database context (ours or a caller's).</summary>
    public bool InTransaction => db.Database.CurrentTransaction is not null;

    /// <summary>
    /// Runs <paramref name="work"/> in the ambient transaction, or in one of its own that it saves and commits.
    /// Joined, an exception goes to the owner of the transaction, who rolls back.
    /// </summary>
    public Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken = default) =>
        RunAsync(async () => WorkOutcome<T>.Keep(await work()), null, savepoint: false, cancellationToken);

    /// <inheritdoc cref="RunAsync{T}(Func{Task{T}}, CancellationToken)"/>
    public Task RunAsync(Func<Task> work, CancellationToken cancellationToken = default) =>
        RunAsync(async () => { await work(); return true; }, cancellationToken);

    /// <summary>
    /// Runs one change that may decide not to commit (<see cref="WorkOutcome{T}.Discard"/>). Its changes are
    /// saved here. Inside a caller's transaction it runs under a savepoint, so a discarded or conflicting change
    /// undoes only itself and the caller commits the rest.
    /// </summary>
    /// <param name="onConflict">
    /// The result when the save breaks a unique index or a concurrency token, or the database reports a deadlock
    /// or lock time-out (a race lost; nothing was changed); null lets the exception through.
    /// </param>
    public Task<T> RunAsync<T>(Func<Task<WorkOutcome<T>>> work, Func<DbUpdateException, T>? onConflict, CancellationToken cancellationToken = default) =>
        RunAsync(work, onConflict, savepoint: true, cancellationToken);

    /// <summary>
    /// Runs <paramref name="action"/> once the change commits: after this unit's own commit, or at once when the
    /// transaction belongs to a caller outside this unit of work (who commits right after). Dropped on rollback.
    /// </summary>
    public void AfterCommit(Func<Task> action) => _afterCommit.Add(action);

    private async Task<T> RunAsync<T>(Func<Task<WorkOutcome<T>>> work, Func<DbUpdateException, T>? onConflict, bool savepoint, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is { } ambient)
        {
            return savepoint
                ? await JoinUnderSavepointAsync(ambient, work, onConflict, cancellationToken)
                : await JoinAsync(work);
        }
        var sqlite = db.Database.IsSqlite();
        if (sqlite)
        {
            await sqliteGate.Gate.WaitAsync(cancellationToken);
        }
        var hooks = _afterCommit.Count;
        T result;
        try
        {
            // Microsoft.Data.Sqlite begins IMMEDIATE (takes the write lock up front); PostgreSQL uses READ COMMITTED.
            await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);
            _owned++;
            try
            {
                var outcome = await work();
                if (!outcome.Commit)
                {
                    await RollbackAsync(transaction, hooks);
                    return outcome.Result;
                }
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                result = outcome.Result;
            }
            catch (Exception ex) when (Conflict(ex, onConflict) is not null)
            {
                await RollbackAsync(transaction, hooks);
                return onConflict!(Conflict(ex, onConflict)!);
            }
            catch
            {
                await RollbackAsync(transaction, hooks);
                throw;
            }
            finally
            {
                _owned--;
                if (savepoint)
                {
                    // A change that saves itself leaves nothing tracked: seat counters and the like were changed by
                    // conditional updates, so tracked copies would be stale for the scope's next change.
                    db.ChangeTracker.Clear();
                }
            }
        }
        finally
        {
            if (sqlite)
            {
                sqliteGate.Gate.Release();
            }
        }
        await RunAfterCommitAsync(hooks);
        return result;
    }

    /// <summary>Joined without a savepoint: the owner of the transaction saves, commits or rolls back.</summary>
    private async Task<T> JoinAsync<T>(Func<Task<WorkOutcome<T>>> work)
    {
        var hooks = _afterCommit.Count;
        var outcome = await work();
        if (!outcome.Commit)
        {
            _afterCommit.RemoveRange(hooks, _afterCommit.Count - hooks);
        }
        else if (_owned == 0)
        {
            await RunAfterCommitAsync(hooks);
        }
        return outcome.Result;
    }

    private async Task<T> JoinUnderSavepointAsync<T>(IDbContextTransaction ambient, Func<Task<WorkOutcome<T>>> work, Func<DbUpdateException, T>? onConflict, CancellationToken cancellationToken)
    {
        var before = db.ChangeTracker.Entries().Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
        var hooks = _afterCommit.Count;
        var savepoint = "unit" + (++_savepoints).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await ambient.CreateSavepointAsync(savepoint, cancellationToken);
        try
        {
            var outcome = await work();
            if (!outcome.Commit)
            {
                await UndoAsync(ambient, savepoint, before, hooks);
                return outcome.Result;
            }
            await db.SaveChangesAsync(cancellationToken);
            await ambient.ReleaseSavepointAsync(savepoint, cancellationToken);
            if (_owned == 0)
            {
                await RunAfterCommitAsync(hooks);
            }
            return outcome.Result;
        }
        catch (Exception ex) when (Conflict(ex, onConflict) is not null)
        {
            await UndoAsync(ambient, savepoint, before, hooks);
            return onConflict!(Conflict(ex, onConflict)!);
        }
        catch
        {
            await UndoAsync(ambient, savepoint, before, hooks);
            throw;
        }
    }

    /// <summary>
    /// A save that broke a unique index or concurrency token, or a deadlock or serialization failure (PostgreSQL)
    /// or a lock wait that timed out (SQLite): nothing was changed. Null when the caller handles no conflicts.
    /// </summary>
    private static DbUpdateException? Conflict<T>(Exception ex, Func<DbUpdateException, T>? onConflict) => onConflict is null ? null : ex switch
    {
        DbUpdateException update => update,
        DbException data when data.IsTransient || data.SqlState is "40P01" or "40001" => new DbUpdateException(data.Message, data),
        _ => null,
    };

    private async Task RollbackAsync(IDbContextTransaction transaction, int hooks)
    {
        await transaction.RollbackAsync(CancellationToken.None);
        // Forget what the rolled-back work tracked, so a later save does not write it after all.
        db.ChangeTracker.Clear();
        _afterCommit.RemoveRange(hooks, _afterCommit.Count - hooks);
    }

    /// <summary>Back to the savepoint, and forget what this change tracked so the caller's save does not retry it.</summary>
    private async Task UndoAsync(IDbContextTransaction ambient, string savepoint, HashSet<object> before, int hooks)
    {
        await ambient.RollbackToSavepointAsync(savepoint, CancellationToken.None);
        foreach (var entry in db.ChangeTracker.Entries().Where(e => !before.Contains(e.Entity)).ToList())
        {
            entry.State = EntityState.Detached;
        }
        _afterCommit.RemoveRange(hooks, _afterCommit.Count - hooks);
    }

    private async Task RunAfterCommitAsync(int from)
    {
        var actions = _afterCommit.Skip(from).ToList();
        _afterCommit.RemoveRange(from, _afterCommit.Count - from);
        foreach (var action in actions)
        {
            await action();
        }
    }
}
