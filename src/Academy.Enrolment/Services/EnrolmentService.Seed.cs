using Academy.Core.Data;
using Academy.Leeragenda.Abstractions;
using Academy.Core.Contracts;
using Academy.Enrolment.Abstractions;
using Microsoft.EntityFrameworkCore;
using static Academy.Enrolment.Abstractions.EnrolmentResult;

namespace Academy.Enrolment.Services;

public sealed partial class EnrolmentService
{
    /// <summary>
    /// For the "Enrolments" recipe step only: a confirmed enrolment that takes a seat through the counter, also on a
    /// group that has started (demo and test data with attendance to take). Idempotent: someone already active on the
    /// edition is left as they are. Raises no events: seeded data is not a person enrolling, so nobody gets mail about it.
    /// </summary>
    internal Task<EnrolmentResult> SeedConfirmedAsync(EditionInfo edition, Participant participant, CancellationToken cancellationToken = default)
    {
        if (CheckParticipant(participant) is { } invalid)
        {
            return Task.FromResult(Fail(invalid));
        }
        var email = NormaliseEmail(participant.Email);
        return InTransactionAsync(async () =>
        {
            var existing = await Enrolments.AsNoTracking()
                .Where(e => e.EditionId == edition.EditionId && e.ParticipantEmail == email && e.ActiveMarker == 0)
                .Select(e => new { e.Id, e.Status }).FirstOrDefaultAsync(cancellationToken);
            if (existing is not null)
            {
                return WorkOutcome<EnrolmentResult>.Discard(new(existing.Id, existing.Status, null, null));
            }
            await EnsureSeatsAsync(edition, cancellationToken);
            if (!await seats.TryClaimAsync(edition.EditionId, 1, cancellationToken))
            {
                return WorkOutcome<EnrolmentResult>.Discard(Fail(EnrolmentMessages.NotEnoughSeats(0, 1)));
            }
            var record = NewRecord(edition, participant);
            record.Status = EnrolmentStatus.Confirmed;
            Enrolments.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            return WorkOutcome<EnrolmentResult>.Keep(new(record.Id, record.Status, null, null));
        }, _ => Fail(EnrolmentMessages.Changed), cancellationToken);
    }
}
