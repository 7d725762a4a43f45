using Academy.Leeragenda.Abstractions;
using Academy.Core.Contracts;
using Academy.Core.Content;
using Academy.Core.Data;
using Academy.Core.Events;
using Academy.Core.Text;
using Academy.Enrolment.Abstractions;
using Academy.Enrolment.Events;
using Academy.Enrolment.Models;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using static Academy.Enrolment.Abstractions.EnrolmentResult;

namespace Academy.Enrolment.Services;

/// <summary>
/// The enrolment rules. Every method is one transaction (Core's <see cref="UnitOfWork"/>) holding the change and its
/// events; user errors come back as Dutch messages with nothing changed, never as exceptions. Seat counters are changed
/// with conditional updates inside it, which lock the edition's counter row on PostgreSQL (READ COMMITTED) until commit.
/// </summary>
public sealed partial class EnrolmentService(
    AcademyDbContext db,
    IEditionCatalog catalog,
    Prerequisites prerequisites,
    EventOutbox outbox,
    SeatCounter seats,
    UnitOfWork unitOfWork,
    IOutputCacheStore outputCache,
    TimeProvider clock) : IEnrolmentService, IEnrolmentCompletion
{
    private static readonly EnrolmentStatus[] Live = [EnrolmentStatus.Pending, EnrolmentStatus.Held, EnrolmentStatus.Confirmed, EnrolmentStatus.Waitlisted];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DbSet<EnrolmentRecord> Enrolments => db.Set<EnrolmentRecord>();

    /// <summary>
    /// One change in the unit of work (under a savepoint inside a caller's transaction). A kept change evicts the
    /// output-cached pages that show seats left once it commits; <see cref="SeatsOutputCacheEviction"/> evicts again
    /// when its events are dispatched, for a change a caller committed later.
    /// </summary>
    private Task<T> InTransactionAsync<T>(Func<Task<WorkOutcome<T>>> work, Func<DbUpdateException, T> onConflict, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async () =>
        {
            var outcome = await work();
            if (outcome.Commit)
            {
                unitOfWork.AfterCommit(() => outputCache.EvictByTagAsync(OutputCacheTags.Seats, CancellationToken.None).AsTask());
            }
            return outcome;
        }, onConflict, cancellationToken);

    public async Task<EnrolmentResult> EnrolAsync(string editionId, Participant participant, CancellationToken cancellationToken = default)
    {
        if (CheckParticipant(participant) is { } invalid)
        {
            return Fail(invalid);
        }
        var (edition, closed) = await OpenEditionAsync(editionId, cancellationToken);
        if (edition is null)
        {
            return Fail(closed!);
        }
        if (await MissingPrerequisiteAsync(edition, participant, cancellationToken) is { } missing)
        {
            return Fail(missing);
        }
        var email = NormaliseEmail(participant.Email);
        return await InTransactionAsync(async () =>
        {
            var existing = await Enrolments.AsNoTracking()
                .Where(e => e.EditionId == edition.EditionId && e.ParticipantEmail == email && e.ActiveMarker == 0)
                .Select(e => (EnrolmentStatus?)e.Status).FirstOrDefaultAsync(cancellationToken);
            if (existing is { } status)
            {
                return WorkOutcome<EnrolmentResult>.Discard(Fail(AlreadyMessage(status)));
            }
            await EnsureSeatsAsync(edition, cancellationToken);
            var record = NewRecord(edition, participant);
            if (edition.RequiresApproval())
            {
                record.Status = EnrolmentStatus.Pending;
            }
            else
            {
                await TakeSeatOrQueueAsync(record, cancellationToken);
            }
            Enrolments.Add(record);
            await db.SaveChangesAsync(cancellationToken);

            var subject = Subject(record, edition);
            var position = await PositionAsync(record, cancellationToken);
            switch (record.Status)
            {
                case EnrolmentStatus.Pending:
                    outbox.Add(new EnrolmentRequested(subject));
                    break;
                case EnrolmentStatus.Confirmed:
                    outbox.Add(new EnrolmentConfirmed(subject));
                    break;
                default:
                    outbox.Add(new EnrolmentWaitlisted(subject, position!.Value));
                    break;
            }
            return WorkOutcome<EnrolmentResult>.Keep(new(record.Id, record.Status, position, null));
        }, _ => Fail(EnrolmentMessages.AlreadyEnrolled), cancellationToken);
    }


    public Task<EnrolmentResult> CancelAsync(long enrolmentId, string actorUserId, bool byCoordinator, string? reason = null, CancellationToken cancellationToken = default) =>
        CancelAsync(enrolmentId, actorUserId, byCoordinator ? EnrolmentActor.Coordinator : EnrolmentActor.Participant, reason, cancellationToken);

    public Task<EnrolmentResult> CancelAsync(long enrolmentId, string actorUserId, EnrolmentActor actor, string? reason = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(enrolmentId, async (record, edition) =>
        {
            if (actor == EnrolmentActor.Participant && (record.UserId is null || record.UserId != actorUserId))
            {
                return Fail(EnrolmentMessages.UnknownEnrolment);
            }
            if (!Live.Contains(record.Status))
            {
                return Fail(record.Status == EnrolmentStatus.Completed ? EnrolmentMessages.NotCancellable : EnrolmentMessages.AlreadyEnded);
            }
            if (actor != EnrolmentActor.Coordinator && edition?.CancellationDeadlineUtc() is { } deadline && Now >= deadline)
            {
                return Fail(EnrolmentMessages.CancellationClosed($"{DutchFormat.Date(deadline)} {DutchFormat.Time(deadline)} uur"));
            }
            var previous = record.Status;
            End(record, EnrolmentStatus.Cancelled);
            record.CancelReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
            outbox.Add(new EnrolmentCancelled(Subject(record, edition), record.CancelReason, actor, previous));
            if (previous is EnrolmentStatus.Confirmed or EnrolmentStatus.Held)
            {
                await ReleaseAndPromoteAsync(record.EditionId, edition, 1, cancellationToken);
            }
            return new EnrolmentResult(record.Id, record.Status, null, null);
        }, cancellationToken);

    public Task<EnrolmentResult> SwapParticipantAsync(long enrolmentId, Participant replacement, string actorUserId, CancellationToken cancellationToken = default)
    {
        if (CheckParticipant(replacement) is { } invalid)
        {
            return Task.FromResult(Fail(invalid));
        }
        var email = NormaliseEmail(replacement.Email);
        return ChangeAsync(enrolmentId, async (record, edition) =>
        {
            if (!Live.Contains(record.Status))
            {
                return Fail(EnrolmentMessages.AlreadyEnded);
            }
            if (edition is null || edition.StartUtc is not { } start || start <= Now)
            {
                return Fail(edition is null ? EnrolmentMessages.UnknownEdition : EnrolmentMessages.Started);
            }
            if (email != record.ParticipantEmail && await Enrolments.AnyAsync(
                    e => e.EditionId == record.EditionId && e.ParticipantEmail == email && e.ActiveMarker == 0, cancellationToken))
            {
                return Fail(EnrolmentMessages.PersonAlreadyEnrolled(replacement.Name.Trim()));
            }
            if (await MissingPrerequisiteAsync(edition, replacement, cancellationToken) is { } missing)
            {
                return Fail(missing);
            }
            record.UserId = replacement.UserId;
            record.ParticipantName = replacement.Name.Trim();
            record.ParticipantEmail = email;
            record.ParticipantFunction = replacement.Function?.Trim();
            record.OrganisationId = replacement.OrganisationId ?? record.OrganisationId;
            Change(record, record.Status);
            if (record.Status == EnrolmentStatus.Confirmed)
            {
                // The new participant needs the confirmation (and calendar) the old one had.
                outbox.Add(new EnrolmentConfirmed(Subject(record, edition)));
            }
            return new EnrolmentResult(record.Id, record.Status, await PositionAsync(record, cancellationToken), null);
        }, cancellationToken);
    }

    public Task<EnrolmentResult> ApproveAsync(long enrolmentId, string actorUserId, CancellationToken cancellationToken = default) =>
        ChangeAsync(enrolmentId, async (record, edition) =>
        {
            if (record.Status != EnrolmentStatus.Pending)
            {
                return Fail(EnrolmentMessages.NotPending);
            }
            if (edition is null)
            {
                return Fail(EnrolmentMessages.UnknownEdition);
            }
            await EnsureSeatsAsync(edition, cancellationToken);
            await TakeSeatOrQueueAsync(record, cancellationToken);
            Change(record, record.Status);
            await db.SaveChangesAsync(cancellationToken);
            var subject = Subject(record, edition);
            outbox.Add(new EnrolmentApproved(subject, record.Status));
            var position = await PositionAsync(record, cancellationToken);
            outbox.Add(record.Status == EnrolmentStatus.Confirmed ? new EnrolmentConfirmed(subject) : new EnrolmentWaitlisted(subject, position!.Value));
            return new EnrolmentResult(record.Id, record.Status, position, null);
        }, cancellationToken);

    public Task<EnrolmentResult> DeclineAsync(long enrolmentId, string actorUserId, string reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Task.FromResult(Fail(EnrolmentMessages.ReasonRequired));
        }
        return ChangeAsync(enrolmentId, (record, edition) =>
        {
            if (record.Status != EnrolmentStatus.Pending)
            {
                return Task.FromResult(Fail(EnrolmentMessages.NotPending));
            }
            End(record, EnrolmentStatus.Declined);
            record.DeclineReason = reason.Trim();
            outbox.Add(new EnrolmentDeclined(Subject(record, edition), record.DeclineReason));
            return Task.FromResult(new EnrolmentResult(record.Id, record.Status, null, null));
        }, cancellationToken);
    }

    /// <summary>Loads the enrolment and its edition inside the transaction; commits only when the change succeeded.</summary>
    private Task<EnrolmentResult> ChangeAsync(long enrolmentId, Func<EnrolmentRecord, EditionInfo?, Task<EnrolmentResult>> change, CancellationToken cancellationToken) =>
        InTransactionAsync(async () =>
        {
            var record = enrolmentId <= 0 ? null : await Enrolments.FirstOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken);
            if (record is null)
            {
                return WorkOutcome<EnrolmentResult>.Discard(Fail(EnrolmentMessages.UnknownEnrolment));
            }
            var result = await change(record, await catalog.GetAsync(record.EditionId, cancellationToken));
            return new WorkOutcome<EnrolmentResult>(result, result.Succeeded);
        }, _ => Fail(EnrolmentMessages.Changed), cancellationToken);

    /// <summary>Claims a seat for the record, or puts it on the waitlist with the next sequence number.</summary>
    private async Task TakeSeatOrQueueAsync(EnrolmentRecord record, CancellationToken cancellationToken)
    {
        if (await seats.TryClaimAsync(record.EditionId, 1, cancellationToken)
            || await seats.JoinWaitlistAsync(record.EditionId, cancellationToken) is not { } sequence)
        {
            record.Status = EnrolmentStatus.Confirmed;
            return;
        }
        record.Status = EnrolmentStatus.Waitlisted;
        record.WaitlistSequence = sequence;
    }

    /// <summary>
    /// Creates or updates the edition's counter; when the coördinator raised the capacity, the new seats go to the
    /// waitlist first (in this transaction), before anyone new.
    /// </summary>
    private async Task EnsureSeatsAsync(EditionInfo edition, CancellationToken cancellationToken)
    {
        if (await seats.EnsureAsync(edition, cancellationToken))
        {
            await PromoteAsync(edition, edition.Capacity, cancellationToken);
        }
    }

    /// <summary>Frees seats, then gives each freed seat to the next person on the waitlist (lowest sequence first).</summary>
    private async Task ReleaseAndPromoteAsync(string editionId, EditionInfo? edition, int count, CancellationToken cancellationToken)
    {
        // Changing the counter first locks its row, so concurrent promotions see each other's results.
        await seats.ReleaseAsync(editionId, count, cancellationToken);
        if (edition is null || edition.StartUtc <= Now)
        {
            return;
        }
        await EnsureSeatsAsync(edition, cancellationToken);
        await PromoteAsync(edition, count, cancellationToken);
    }

    /// <summary>Moves up to <paramref name="max"/> people from the waitlist onto free seats, first come first served.</summary>
    private async Task PromoteAsync(EditionInfo edition, int max, CancellationToken cancellationToken)
    {
        var editionId = edition.EditionId;
        var waiting = await Enrolments
            .Where(e => e.EditionId == editionId && e.Status == EnrolmentStatus.Waitlisted)
            .OrderBy(e => e.WaitlistSequence).ThenBy(e => e.Id)
            .Take(max).ToListAsync(cancellationToken);
        // Tracked entities keep this transaction's changes: skip anyone already promoted in it.
        foreach (var next in waiting.Where(e => e.Status == EnrolmentStatus.Waitlisted))
        {
            if (!await seats.TryClaimAsync(editionId, 1, cancellationToken))
            {
                return;
            }
            Change(next, EnrolmentStatus.Confirmed);
            var subject = Subject(next, edition);
            outbox.Add(new EnrolmentPromoted(subject));
            outbox.Add(new EnrolmentConfirmed(subject, promoted: true));
        }
    }

    private async Task<(EditionInfo? Edition, string? Error)> OpenEditionAsync(string editionId, CancellationToken cancellationToken)
    {
        var edition = await catalog.GetAsync(editionId ?? "", cancellationToken);
        if (edition is null)
        {
            return (null, EnrolmentMessages.UnknownEdition);
        }
        if (edition.StartUtc is not { } start || start <= Now)
        {
            return (null, EnrolmentMessages.Started);
        }
        return (edition, null);
    }

    private async Task<string?> MissingPrerequisiteAsync(EditionInfo edition, Participant participant, CancellationToken cancellationToken) =>
        await prerequisites.FirstMissingAsync(edition, participant.UserId, participant.Email, cancellationToken) is { } title
            ? EnrolmentMessages.PrerequisiteMissing(title)
            : null;

    private async Task<Dictionary<string, EditionInfo>> EditionsAsync(IEnumerable<EnrolmentRecord> records, CancellationToken cancellationToken)
    {
        var editions = new Dictionary<string, EditionInfo>();
        foreach (var id in records.Select(r => r.EditionId).Distinct())
        {
            if (await catalog.GetAsync(id, cancellationToken) is { } edition)
            {
                editions[id] = edition;
            }
        }
        return editions;
    }

    private async Task<int?> PositionAsync(EnrolmentRecord record, CancellationToken cancellationToken) =>
        record is { Status: EnrolmentStatus.Waitlisted, WaitlistSequence: { } sequence }
            ? await seats.WaitlistPositionAsync(record.EditionId, sequence, cancellationToken)
            : null;

    private EnrolmentRecord NewRecord(EditionInfo edition, Participant participant)
    {
        var now = Now;
        return new EnrolmentRecord
        {
            EditionId = edition.EditionId,
            OfferingId = edition.OfferingId,
            UserId = participant.UserId,
            ParticipantName = participant.Name.Trim(),
            ParticipantEmail = NormaliseEmail(participant.Email),
            ParticipantFunction = string.IsNullOrWhiteSpace(participant.Function) ? null : participant.Function.Trim(),
            OrganisationId = participant.OrganisationId,
            CreatedUtc = now,
            UpdatedUtc = now,
        };
    }

    private void Change(EnrolmentRecord record, EnrolmentStatus status)
    {
        record.Status = status;
        record.UpdatedUtc = Now;
        record.Version++;
    }

    /// <summary>Ends an enrolment: it leaves the active set, so the person may enrol on the edition again.</summary>
    private void End(EnrolmentRecord record, EnrolmentStatus status)
    {
        Change(record, status);
        record.ActiveMarker = record.Id;
    }

    private static EnrolmentSubject Subject(EnrolmentRecord record, EditionInfo? edition) => new(
        record.Id, record.EditionId, edition?.EditionName ?? "", record.OfferingId, edition?.OfferingTitle ?? "", edition?.OfferingUrl ?? "",
        record.ParticipantName, record.ParticipantEmail, record.UserId, edition?.StartUtc);

    private static string AlreadyMessage(EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Waitlisted => EnrolmentMessages.AlreadyWaitlisted,
        EnrolmentStatus.Pending => EnrolmentMessages.AlreadyRequested,
        _ => EnrolmentMessages.AlreadyEnrolled,
    };

    private static string? CheckParticipant(Participant? participant)
    {
        if (participant is null || string.IsNullOrWhiteSpace(participant.Name) || participant.Name.Trim().Length > 200)
        {
            return EnrolmentMessages.NameRequired;
        }
        var email = participant.Email?.Trim() ?? "";
        return email.Length is < 3 or > 256 || !System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email
            ? EnrolmentMessages.EmailInvalid
            : null;
    }

    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();
}
