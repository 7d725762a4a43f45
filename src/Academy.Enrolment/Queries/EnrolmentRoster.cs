using Academy.Core.Data;
using Academy.Enrolment.Abstractions;
using Academy.Enrolment.Models;
using Microsoft.EntityFrameworkCore;

namespace Academy.Enrolment.Queries;

public sealed class EnrolmentRoster(AcademyDbContext db) : IEnrolmentRoster
{
    public async Task<IReadOnlyList<RosterEntry>> ParticipantsAsync(string editionId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<EnrolmentRecord>().AsNoTracking()
            .Where(r => r.EditionId == editionId && (r.Status == EnrolmentStatus.Confirmed || r.Status == EnrolmentStatus.Completed))
            .ToListAsync(cancellationToken);
        return rows.Select(ToEntry).OrderBy(r => r.Name, StringComparer.CurrentCulture).ThenBy(r => r.EnrolmentId).ToList();
    }

    public async Task<RosterEntry?> GetAsync(long enrolmentId, CancellationToken cancellationToken = default) =>
        await db.Set<EnrolmentRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == enrolmentId, cancellationToken) is { } record
            ? ToEntry(record)
            : null;

    public async Task<IReadOnlyList<GroupEnrolment>> ByHoldGroupsAsync(IReadOnlyCollection<string> holdGroupIds, CancellationToken cancellationToken = default)
    {
        var ids = holdGroupIds.Distinct().ToList();
        var rows = await db.Set<EnrolmentRecord>().AsNoTracking()
            .Where(e => e.HoldGroupId != null && ids.Contains(e.HoldGroupId))
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(ToGroupEnrolment).ToList();
    }

    public async Task<GroupEnrolment?> GetInHoldGroupAsync(long enrolmentId, CancellationToken cancellationToken = default) =>
        await db.Set<EnrolmentRecord>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == enrolmentId && e.HoldGroupId != null, cancellationToken) is { } record
            ? ToGroupEnrolment(record)
            : null;

    private static GroupEnrolment ToGroupEnrolment(EnrolmentRecord e) =>
        new(e.Id, e.HoldGroupId ?? "", e.ParticipantName, e.ParticipantEmail, e.ParticipantFunction, e.Status);

    private static RosterEntry ToEntry(EnrolmentRecord r) =>
        new(r.Id, r.EditionId, r.OfferingId, r.UserId, r.ParticipantName, r.ParticipantEmail, r.OrganisationId, r.Status);
}
