using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Enrolment.Abstractions;
using Academy.Enrolment.Models;
using Microsoft.EntityFrameworkCore;
using Academy.Users.Abstractions;

namespace Academy.Enrolment.Queries;

/// <summary>One participant of an edition as the coördinator sees them (table, exports, mail recipients).</summary>
public sealed record ParticipantRow(
    long EnrolmentId,
    string? UserId,
    string Name,
    string Email,
    string? OrganisationName,
    string? Function,
    EnrolmentStatus Status,
    int? WaitlistPosition,
    string? DeclineReason,
    string? CancelReason,
    DateTime EnrolledUtc);

/// <summary>The participants of one edition, in the order the coördinator works through them.</summary>
public sealed class EditionParticipantsQuery(AcademyDbContext db, IOrganisationDirectory organisations, WaitlistPositions positions)
{
    public async Task<IReadOnlyList<ParticipantRow>> ListAsync(string editionId, CancellationToken cancellationToken = default)
    {
        var records = await db.Set<EnrolmentRecord>().AsNoTracking()
            .Where(r => r.EditionId == editionId)
            .ToListAsync(cancellationToken);
        var waitlist = await positions.ForEditionsAsync([editionId], cancellationToken);
        var organisationNames = (await organisations.ListAsync()).ToDictionary(o => o.Id, o => o.Name);
        return records
            .Select(r => new ParticipantRow(
                r.Id,
                r.UserId,
                r.ParticipantName,
                r.ParticipantEmail,
                r.OrganisationId is { } org && organisationNames.TryGetValue(org, out var name) ? name : null,
                r.ParticipantFunction,
                r.Status,
                waitlist.TryGetValue(r.Id, out var position) ? position : null,
                r.DeclineReason,
                r.CancelReason,
                r.CreatedUtc))
            .OrderBy(r => StatusOrder(r.Status))
            .ThenBy(r => r.WaitlistPosition ?? 0)
            .ThenBy(r => r.Name, StringComparer.Create(Academy.Core.Text.DutchFormat.Culture, ignoreCase: true))
            .ToList();
    }

    /// <summary>One enrolment of any edition, for the coördinator's detail page.</summary>
    public async Task<ParticipantRow?> FindAsync(long enrolmentId, CancellationToken cancellationToken = default)
    {
        var editionId = await db.Set<EnrolmentRecord>().AsNoTracking()
            .Where(r => r.Id == enrolmentId).Select(r => r.EditionId).FirstOrDefaultAsync(cancellationToken);
        return editionId is null ? null : (await ListAsync(editionId, cancellationToken)).FirstOrDefault(r => r.EnrolmentId == enrolmentId);
    }

    public async Task<string?> EditionOfAsync(long enrolmentId, CancellationToken cancellationToken = default) =>
        await db.Set<EnrolmentRecord>().AsNoTracking()
            .Where(r => r.Id == enrolmentId).Select(r => r.EditionId).FirstOrDefaultAsync(cancellationToken);

    private static int StatusOrder(EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Confirmed => 0,
        EnrolmentStatus.Held => 1,
        EnrolmentStatus.Completed => 2,
        EnrolmentStatus.Waitlisted => 3,
        EnrolmentStatus.Pending => 4,
        _ => 5,
    };
}
