using System.Data.Common;
using Academy.Core.Content;
using Academy.Core.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Academy.Enrolment.Services;

/// <summary>
/// SQLite has one writer at a time: enrolment transactions of this process queue here (asynchronously) instead of
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
/// Runs one enrolment change in one transaction with its events. Seat counters are changed with conditional
/// updates inside it, which lock the edition's counter row on PostgreSQL (READ COMMITTED) until commit.
/// Inside a caller's transaction (a workflow activity) the change joins it under a savepoint instead, and the
/// caller commits it together with its own work.
/// Every committed change evicts the output-cached pages that show seats left (tag <see cref="OutputCacheTags.Seats"/>).
/// </summary>
public sealed class EnrolmentUnitOfWork(AcademyDbContext db, SqliteWriteGate sqliteGate, IOutputCacheStore outputCache)
{
    private const string Savepoint = "enrolment";

    /// <param name="onConflict">The result when the save breaks a unique index or a concurrency token (a race lost).</param>
    public async Task<T> RunAsync<T>(Func<Task<WorkOutcome<T>>> work, Func<DbUpdateException, T> onConflict, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is { } ambient)
        {
            return await JoinAsync(ambient, work, onConflict, cancellationToken);
        }
        var sqlite = db.Database.IsSqlite();
        if (sqlite)
        {
            await sqliteGate.Gate.WaitAsync(cancellationToken);
        }
        try
        {
            // Microsoft.Data.Sqlite begins IMMEDIATE (takes the write lock up front); PostgreSQL uses READ COMMITTED.
            await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);
            try
            {
                var outcome = await work();
                if (!outcome.Commit)
                {
                    await transaction.RollbackAsync(CancellationToken.None);
                    return outcome.Result;
                }
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                await SeatsChangedAsync();
                return outcome.Result;
            }
            catch (DbUpdateException ex)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                return onConflict(ex);
            }
            catch (DbException ex) when (IsLostRace(ex))
            {
                await transaction.RollbackAsync(CancellationToken.None);
                return onConflict(new DbUpdateException(ex.Message, ex));
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            if (sqlite)
            {
                sqliteGate.Gate.Release();
            }
        }
    }

    private async Task<T> JoinAsync<T>(IDbContextTransaction ambient, Func<Task<WorkOutcome<T>>> work, Func<DbUpdateException, T> onConflict, CancellationToken cancellationToken)
    {
        var before = db.ChangeTracker.Entries().Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
        await ambient.CreateSavepointAsync(Savepoint, cancellationToken);
        try
        {
            var outcome = await work();
            if (outcome.Commit)
            {
                await db.SaveChangesAsync(cancellationToken);
                await ambient.ReleaseSavepointAsync(Savepoint, cancellationToken);
                // The caller commits right after; SeatsOutputCacheEviction evicts again once its events are dispatched.
                await SeatsChangedAsync();
                return outcome.Result;
            }
            await UndoAsync(ambient, before);
            return outcome.Result;
        }
        catch (DbUpdateException ex)
        {
            await UndoAsync(ambient, before);
            return onConflict(ex);
        }
        catch (DbException ex) when (IsLostRace(ex))
        {
            await UndoAsync(ambient, before);
            return onConflict(new DbUpdateException(ex.Message, ex));
        }
    }

    private async Task SeatsChangedAsync() =>
        await outputCache.EvictByTagAsync(OutputCacheTags.Seats, CancellationToken.None);

    /// <summary>A deadlock or serialization failure (PostgreSQL) or a lock wait that timed out (SQLite): nothing was changed.</summary>
    private static bool IsLostRace(DbException ex) => ex.IsTransient || ex.SqlState is "40P01" or "40001";

    /// <summary>Back to the savepoint, and forget what this change tracked so the caller's save does not retry it.</summary>
    private async Task UndoAsync(IDbContextTransaction ambient, HashSet<object> before)
    {
        await ambient.RollbackToSavepointAsync(Savepoint, CancellationToken.None);
        foreach (var entry in db.ChangeTracker.Entries().Where(e => !before.Contains(e.Entity)).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }
}
