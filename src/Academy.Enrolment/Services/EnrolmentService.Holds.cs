using System.Linq.Expressions;
using Academy.Core.Data;
using Academy.Enrolment.Abstractions;
using Academy.Enrolment.Models;
using Academy.Enrolment.Events;
using Microsoft.EntityFrameworkCore;
using static Academy.Enrolment.Abstractions.EnrolmentResult;

namespace Academy.Enrolment.Services;

/// <summary>Employer holds: reserving seats, confirming them, letting them expire, ending them early (the coördinator releases them) and removing them after the retention period.</summary>
public sealed partial class EnrolmentService
{
    public async Task<IReadOnlyList<EnrolmentResult>> HoldAsync(string editionId, IReadOnlyList<Participant> participants, string holdGroupId, DateTime expiresUtc, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<EnrolmentResult> FailAll(string message) =>
            participants.Count == 0 ? [Fail(message)] : participants.Select(_ => Fail(message)).ToList();

        if (participants.Count == 0)
        {
            return FailAll(EnrolmentMessages.NoParticipants);
        }
        if (participants.Select(CheckParticipant).FirstOrDefault(e => e is not null) is { } invalid)
        {
            return FailAll(invalid);
        }
        if (participants.Select(p => NormaliseEmail(p.Email)).Distinct().Count() != participants.Count)
        {
            return FailAll(EnrolmentMessages.DuplicateParticipants);
        }
        if (string.IsNullOrWhiteSpace(holdGroupId) || holdGroupId.Length > 64 || UtcDates.AsUtc(expiresUtc) <= Now)
        {
            return FailAll(EnrolmentMessages.HoldInvalid);
        }
        var (edition, closed) = await OpenEditionAsync(editionId, cancellationToken);
        if (edition is null)
        {
            return FailAll(closed!);
        }
        foreach (var participant in participants)
        {
            if (await MissingPrerequisiteAsync(edition, participant, cancellationToken) is { } missing)
            {
                return FailAll($"{participant.Name.Trim()}: {missing}");
            }
        }
        var emails = participants.Select(p => NormaliseEmail(p.Email)).ToList();
        return await InTransactionAsync<IReadOnlyList<EnrolmentResult>>(async () =>
        {
            var taken = await Enrolments.AsNoTracking()
                .Where(e => e.EditionId == edition.EditionId && emails.Contains(e.ParticipantEmail) && e.ActiveMarker == 0)
                .Select(e => e.ParticipantName).FirstOrDefaultAsync(cancellationToken);
            if (taken is not null)
            {
                return WorkOutcome<IReadOnlyList<EnrolmentResult>>.Discard(FailAll(EnrolmentMessages.PersonAlreadyEnrolled(taken)));
            }
            await EnsureSeatsAsync(edition, cancellationToken);
            if (!await seats.TryClaimAsync(edition.EditionId, participants.Count, cancellationToken))
            {
                var free = edition.Capacity - ((await seats.TakenAsync([edition.EditionId], cancellationToken)).GetValueOrDefault(edition.EditionId));
                return WorkOutcome<IReadOnlyList<EnrolmentResult>>.Discard(FailAll(EnrolmentMessages.NotEnoughSeats(Math.Max(0, free), participants.Count)));
            }
            var records = participants.Select(p =>
            {
                var record = NewRecord(edition, p);
                record.Status = EnrolmentStatus.Held;
                record.HoldGroupId = holdGroupId;
                record.HoldExpiresUtc = UtcDates.AsUtc(expiresUtc);
                return record;
            }).ToList();
            Enrolments.AddRange(records);
            await db.SaveChangesAsync(cancellationToken);
            return WorkOutcome<IReadOnlyList<EnrolmentResult>>.Keep(
                records.Select(r => new EnrolmentResult(r.Id, r.Status, null, null)).ToList());
        }, _ => FailAll(EnrolmentMessages.Changed), cancellationToken);
    }

    public async Task<int> ConfirmHoldAsync(string holdGroupId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(holdGroupId))
        {
            return 0;
        }
        return await InTransactionAsync(async () =>
        {
            var now = Now;
            var held = await Enrolments
                .Where(e => e.HoldGroupId == holdGroupId && e.Status == EnrolmentStatus.Held && e.HoldExpiresUtc > now)
                .ToListAsync(cancellationToken);
            var editions = await EditionsAsync(held, cancellationToken);
            foreach (var record in held)
            {
                Change(record, EnrolmentStatus.Confirmed);
                outbox.Add(new EnrolmentConfirmed(Subject(record, editions.GetValueOrDefault(record.EditionId))));
            }
            return WorkOutcome<int>.Keep(held.Count);
        }, _ => 0, cancellationToken);
    }

    public Task<int> ExpireHoldsAsync(DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var now = UtcDates.AsUtc(nowUtc);
        return EndHoldsAsync(e => e.Status == EnrolmentStatus.Held && e.HoldExpiresUtc <= now, cancellationToken);
    }
    public Task<int> ReleaseHoldAsync(string holdGroupId, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(holdGroupId)
            ? Task.FromResult(0)
            : EndHoldsAsync(e => e.HoldGroupId == holdGroupId && e.Status == EnrolmentStatus.Held, cancellationToken);

    public async Task<int> DeleteEndedHoldsAsync(string holdGroupId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(holdGroupId))
        {
            return 0;
        }
        // Only holds that ended unconfirmed: a confirmed employee's enrolment (and what hangs on it) stays.
        return await Enrolments
            .Where(e => e.HoldGroupId == holdGroupId && e.Status == EnrolmentStatus.Expired)
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Ends the matching holds as Expired and gives their seats to the waitlists, in one transaction.</summary>
    private Task<int> EndHoldsAsync(Expression<Func<EnrolmentRecord, bool>> which, CancellationToken cancellationToken) =>
        InTransactionAsync(async () =>
        {
            var ended = await Enrolments.Where(which).ToListAsync(cancellationToken);
            var editions = await EditionsAsync(ended, cancellationToken);
            foreach (var record in ended)
            {
                End(record, EnrolmentStatus.Expired);
            }
            // One edition after the other in a fixed order, so two runs cannot deadlock on the counters.
            foreach (var group in ended.GroupBy(e => e.EditionId).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                await ReleaseAndPromoteAsync(group.Key, editions.GetValueOrDefault(group.Key), group.Count(), cancellationToken);
            }
            return WorkOutcome<int>.Keep(ended.Count);
        }, _ => 0, cancellationToken);
}
