using Academy.Leeragenda.Abstractions;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Enrolment.Abstractions;
using Academy.Enrolment.Models;
using Microsoft.EntityFrameworkCore;

namespace Academy.Enrolment.Services;

/// <summary>
/// The seat counter row of an edition, changed only by single conditional statements inside the caller's
/// transaction, so two transactions can never both take the last seat or the same waitlist number.
/// </summary>
public sealed class SeatCounter(AcademyDbContext db)
{
    private IQueryable<EditionSeatRecord> Row(string editionId) => db.Set<EditionSeatRecord>().Where(s => s.EditionId == editionId);

    /// <summary>Creates the counter if missing and keeps its capacity in step with the published edition (race-safe upsert).</summary>
    /// <returns>Whether the row was created or its capacity changed.</returns>
    public async Task<bool> EnsureAsync(EditionInfo edition, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO "EditionSeats" ("EditionId", "Capacity", "Taken", "WaitlistCounter") VALUES ({edition.EditionId}, {edition.Capacity}, 0, 0)
            ON CONFLICT ("EditionId") DO UPDATE SET "Capacity" = excluded."Capacity" WHERE "EditionSeats"."Capacity" <> excluded."Capacity"
            """,
            cancellationToken) > 0;

    /// <summary>Takes <paramref name="count"/> seats at once, or none when fewer are free.</summary>
    public async Task<bool> TryClaimAsync(string editionId, int count, CancellationToken cancellationToken) =>
        await Row(editionId).Where(s => s.Taken + count <= s.Capacity)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Taken, s => s.Taken + count), cancellationToken) == 1;

    public Task ReleaseAsync(string editionId, int count, CancellationToken cancellationToken) =>
        Row(editionId).Where(s => s.Taken >= count)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Taken, s => s.Taken - count), cancellationToken);

    /// <summary>
    /// For an edition that looked full: takes the next waitlist number (locking the counter row), then looks again.
    /// If a seat was freed meanwhile it takes the seat and hands the number back, so numbers stay without gaps.
    /// </summary>
    /// <returns>The waitlist sequence, or null when a seat was claimed instead.</returns>
    public async Task<long?> JoinWaitlistAsync(string editionId, CancellationToken cancellationToken)
    {
        await Row(editionId).ExecuteUpdateAsync(u => u.SetProperty(s => s.WaitlistCounter, s => s.WaitlistCounter + 1), cancellationToken);
        var row = await Row(editionId).AsNoTracking()
            .Select(s => new { s.WaitlistCounter, s.Taken, s.Capacity }).SingleAsync(cancellationToken);
        if (row.Taken < row.Capacity)
        {
            await Row(editionId).ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Taken, s => s.Taken + 1)
                .SetProperty(s => s.WaitlistCounter, s => s.WaitlistCounter - 1), cancellationToken);
            return null;
        }
        return row.WaitlistCounter;
    }

    /// <summary>Rank among those still waiting (1 = next in line).</summary>
    public async Task<int> WaitlistPositionAsync(string editionId, long sequence, CancellationToken cancellationToken) =>
        await db.Set<EnrolmentRecord>().CountAsync(
            e => e.EditionId == editionId && e.Status == EnrolmentStatus.Waitlisted && e.WaitlistSequence <= sequence, cancellationToken);

    public async Task<IReadOnlyDictionary<string, int>> TakenAsync(IReadOnlyCollection<string> editionIds, CancellationToken cancellationToken = default)
    {
        var ids = editionIds.Distinct().ToList();
        return await db.Set<EditionSeatRecord>().AsNoTracking()
            .Where(s => ids.Contains(s.EditionId))
            .ToDictionaryAsync(s => s.EditionId, s => s.Taken, cancellationToken);
    }
}
