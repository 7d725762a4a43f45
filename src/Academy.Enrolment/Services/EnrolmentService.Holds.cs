using System.Linq.Expressions;
using Academy.Enrolment.Abstractions;
using Academy.Enrolment.Models;
using Microsoft.EntityFrameworkCore;

namespace Academy.Enrolment.Services;

/// <summary>Ending employer holds early (the coördinator releases them) and removing them after the retention period.</summary>
public sealed partial class EnrolmentService
{
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
        unitOfWork.RunAsync(async () =>
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
