using Microsoft.EntityFrameworkCore;

namespace Academy.Core.Background;

/// <summary>Claims and releases <see cref="ILeasedWork"/> rows with single conditional updates.</summary>
public static class Leases
{
    /// <summary>
    /// How long a claim lasts without renewal. Short, so work held by a process that died (kill -9, power loss)
    /// is picked up by another process within this time plus one poll; a worker that is still busy keeps its
    /// rows by renewing them (<see cref="LeaseHeartbeat"/>) every <see cref="RenewEvery"/>.
    /// </summary>
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(20);

    /// <summary>A quarter of the lease: three renewals may fail (a busy database) before the lease runs out.</summary>
    public static readonly TimeSpan RenewEvery = Duration / 4;

    /// <summary>A name for one processor instance, unique across nodes and instances.</summary>
    public static string NewOwner(string processor) => $"{processor}/{Environment.MachineName}/{Guid.NewGuid():n}";

    /// <summary>
    /// Takes the lease on row <paramref name="id"/> when it is free (never leased or expired) and still matches
    /// the caller's filter (<paramref name="rows"/>, e.g. "not yet processed"). True only for the one caller
    /// whose update changed the row.
    /// </summary>
    public static async Task<bool> TryClaimAsync<T>(this IQueryable<T> rows, long id, string owner, DateTime nowUtc, TimeSpan duration, CancellationToken ct)
        where T : class, ILeasedWork
    {
        var until = nowUtc + duration;
        var affected = await rows
            .Where(r => r.Id == id && (r.LeaseUntilUtc == null || r.LeaseUntilUtc < nowUtc))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.LeaseUntilUtc, until)
                .SetProperty(r => r.LeaseOwner, owner), ct);
        return affected == 1;
    }

    /// <summary>The rows still leased by <paramref name="owner"/> (so a lost lease is noticed before commit).</summary>
    public static IQueryable<T> HeldBy<T>(this DbSet<T> rows, long id, string owner) where T : class, ILeasedWork =>
        rows.Where(r => r.Id == id && r.LeaseOwner == owner);

    /// <summary>Moves the end of <paramref name="owner"/>'s leases on <paramref name="ids"/> to <paramref name="until"/>; rows it no longer holds are left alone.</summary>
    public static Task<int> RenewAsync<T>(this DbSet<T> rows, IReadOnlyCollection<long> ids, string owner, DateTime until, CancellationToken ct)
        where T : class, ILeasedWork =>
        rows.Where(r => ids.Contains(r.Id) && r.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseUntilUtc, (DateTime?)until), ct);
}

/// <summary>Thrown when a row's lease was taken over by another node while this one was working on it.</summary>
public sealed class LeaseLostException(string message) : Exception(message);
