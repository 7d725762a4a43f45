using Academy.Enrolment.Abstractions;
using Academy.Enrolment.Events;
using Microsoft.EntityFrameworkCore;
using static Academy.Enrolment.Abstractions.EnrolmentResult;

namespace Academy.Enrolment.Services;

/// <summary>The coördinator moves a participant to another group of the same offering.</summary>
public sealed partial class EnrolmentService
{
    private const string MoveSameEdition = "De deelnemer zit al in deze groep.";
    private const string MoveOtherOffering = "Verplaatsen kan alleen naar een andere groep van hetzelfde aanbod.";
    private const string MoveHeld = "Een reservering van een werkgever kan pas worden verplaatst als de werkgever die heeft bevestigd.";

    /// <summary>
    /// Ends the enrolment here (its seat goes to the next on this waitlist) and enrols the same person on the
    /// target edition, all in one transaction with the events of both. A pending request stays pending; any other
    /// enrolment takes a seat in the target group, or its waitlist when that group is full.
    /// </summary>
    public Task<EnrolmentResult> MoveAsync(long enrolmentId, string targetEditionId, string actorUserId, CancellationToken cancellationToken = default) =>
        ChangeAsync(enrolmentId, async (record, edition) =>
        {
            if (!Live.Contains(record.Status))
            {
                return Fail(EnrolmentMessages.AlreadyEnded);
            }
            if (record.Status == EnrolmentStatus.Held)
            {
                return Fail(MoveHeld);
            }
            if (record.EditionId == targetEditionId)
            {
                return Fail(MoveSameEdition);
            }
            var (target, closed) = await OpenEditionAsync(targetEditionId, cancellationToken);
            if (target is null)
            {
                return Fail(closed!);
            }
            if (target.OfferingId != record.OfferingId)
            {
                return Fail(MoveOtherOffering);
            }
            var email = record.ParticipantEmail;
            if (await Enrolments.AnyAsync(e => e.EditionId == target.EditionId && e.ParticipantEmail == email && e.ActiveMarker == 0, cancellationToken))
            {
                return Fail(EnrolmentMessages.PersonAlreadyEnrolled(record.ParticipantName));
            }

            var previous = record.Status;
            End(record, EnrolmentStatus.Cancelled);
            record.CancelReason = $"Verplaatst naar {target.EditionName}";
            outbox.Add(new EnrolmentCancelled(Subject(record, edition), record.CancelReason, EnrolmentActor.Coordinator, previous));
            if (previous == EnrolmentStatus.Confirmed)
            {
                await ReleaseAndPromoteAsync(record.EditionId, edition, 1, cancellationToken);
            }

            await seats.EnsureAsync(target, cancellationToken);
            var moved = NewRecord(target, new Participant(record.UserId, record.ParticipantName, record.ParticipantEmail, record.ParticipantFunction, record.OrganisationId));
            if (previous == EnrolmentStatus.Pending)
            {
                moved.Status = EnrolmentStatus.Pending;
            }
            else
            {
                await TakeSeatOrQueueAsync(moved, cancellationToken);
            }
            Enrolments.Add(moved);
            await db.SaveChangesAsync(cancellationToken);

            var subject = Subject(moved, target);
            var position = await PositionAsync(moved, cancellationToken);
            outbox.Add(moved.Status switch
            {
                EnrolmentStatus.Pending => new EnrolmentRequested(subject),
                EnrolmentStatus.Confirmed => new EnrolmentConfirmed(subject),
                _ => new EnrolmentWaitlisted(subject, position!.Value),
            });
            return new EnrolmentResult(moved.Id, moved.Status, position, null);
        }, cancellationToken);
}
