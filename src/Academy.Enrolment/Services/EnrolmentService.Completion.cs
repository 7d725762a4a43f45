using Academy.Leeragenda.Abstractions;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Enrolment.Abstractions;
using Academy.Enrolment.Events;
using Academy.Enrolment.Models;
using Microsoft.EntityFrameworkCore;
using static Academy.Enrolment.Abstractions.EnrolmentResult;

namespace Academy.Enrolment.Services;

/// <summary>Completions: by hand (the leer-coördinator) or by completion rule (the accreditation module, many at once).</summary>
public sealed partial class EnrolmentService
{
    public Task<EnrolmentResult> MarkCompletedAsync(long enrolmentId, string actorUserId, CancellationToken cancellationToken = default) =>
        ChangeAsync(enrolmentId, (record, edition) =>
        {
            if (record.Status != EnrolmentStatus.Confirmed)
            {
                return Task.FromResult(Fail(record.Status == EnrolmentStatus.Completed ? EnrolmentMessages.AlreadyCompleted : EnrolmentMessages.NotConfirmed));
            }
            Complete(record, edition, actorUserId);
            return Task.FromResult(new EnrolmentResult(record.Id, record.Status, null, null));
        }, cancellationToken);

    public Task<IReadOnlyList<long>?> MarkCompletedManyAsync(IReadOnlyCollection<long> enrolmentIds, string actorUserId, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async () =>
        {
            var ids = enrolmentIds.Distinct().ToList();
            // One query and one save for the whole group: a large session completes in one round, not one per person.
            var records = await Enrolments.Where(e => ids.Contains(e.Id) && e.Status == EnrolmentStatus.Confirmed).OrderBy(e => e.Id).ToListAsync(cancellationToken);
            var editions = new Dictionary<string, EditionInfo?>();
            foreach (var record in records)
            {
                if (!editions.TryGetValue(record.EditionId, out var edition))
                {
                    editions[record.EditionId] = edition = await catalog.GetAsync(record.EditionId, cancellationToken);
                }
                Complete(record, edition, actorUserId);
            }
            return WorkOutcome<IReadOnlyList<long>?>.Keep(records.Select(r => r.Id).ToList());
        }, _ => null, cancellationToken);

    /// <summary>Completed: the record, the completion prerequisites read, and the event that starts the accreditation workflow.</summary>
    private void Complete(EnrolmentRecord record, EditionInfo? edition, string actorUserId)
    {
        Change(record, EnrolmentStatus.Completed);
        db.Add(new CompletionRecord
        {
            OfferingId = record.OfferingId,
            ParticipantEmail = record.ParticipantEmail,
            UserId = record.UserId,
            EnrolmentId = record.Id,
            MarkedByUserId = actorUserId,
            CompletedUtc = Now,
        });
        outbox.Add(new EnrolmentCompleted(Subject(record, edition), Now, record.OrganisationId, actorUserId));
    }
}
