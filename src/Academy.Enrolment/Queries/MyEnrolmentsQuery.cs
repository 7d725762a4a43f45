using Academy.Leeragenda.Abstractions;
using System.Security.Claims;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Enrolment.Models;
using Academy.Users.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace Academy.Enrolment.Queries;

/// <summary>An enrolment of the current user with its edition (null when the offering is no longer published).</summary>
public sealed record MyEnrolment(EnrolmentRecord Record, EditionInfo? Edition, int? WaitlistPosition)
{
    public DateTime? SortDate => Edition?.StartUtc;

    /// <summary>Still to come (or running): the last session has not ended.</summary>
    public bool IsUpcoming(DateTime nowUtc) => Edition?.EndUtc is { } end && end >= nowUtc;
}

/// <summary>
/// The enrolments that belong to a person: those made with their account, and those an employer made
/// for their e-mail address without an account.
/// </summary>
public sealed class MyEnrolmentsQuery(AcademyDbContext db, IEditionCatalog catalog, WaitlistPositions positions)
{
    public IQueryable<EnrolmentRecord> Owned(CurrentUser me)
    {
        var records = db.Set<EnrolmentRecord>().AsNoTracking();
        return me.Email is null
            ? records.Where(r => r.UserId == me.UserId)
            : records.Where(r => r.UserId == me.UserId || (r.UserId == null && r.ParticipantEmail == me.Email));
    }

    public async Task<IReadOnlyList<MyEnrolment>> ListAsync(CurrentUser me, CancellationToken cancellationToken = default)
    {
        var records = await Owned(me).OrderByDescending(r => r.CreatedUtc).ToListAsync(cancellationToken);
        return await WithEditionsAsync(records, cancellationToken);
    }

    /// <summary>The enrolment if it belongs to <paramref name="me"/>; null otherwise (the caller answers 404).</summary>
    public async Task<MyEnrolment?> FindAsync(CurrentUser me, long id, CancellationToken cancellationToken = default)
    {
        var record = await Owned(me).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return record is null ? null : (await WithEditionsAsync([record], cancellationToken))[0];
    }

    private async Task<IReadOnlyList<MyEnrolment>> WithEditionsAsync(IReadOnlyList<EnrolmentRecord> records, CancellationToken cancellationToken)
    {
        var editionIds = records.Select(r => r.EditionId).Distinct().ToList();
        var editions = new Dictionary<string, EditionInfo?>();
        foreach (var editionId in editionIds)
        {
            editions[editionId] = await catalog.GetAsync(editionId, cancellationToken);
        }
        var waitlist = await positions.ForEditionsAsync(editionIds, cancellationToken);
        return records.Select(r => new MyEnrolment(r, editions[r.EditionId], waitlist.TryGetValue(r.Id, out var p) ? p : null)).ToList();
    }
}
