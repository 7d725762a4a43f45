using Academy.Core.Data;
using Academy.Enrolment.Abstractions;
using Academy.Enrolment.Models;
using Microsoft.EntityFrameworkCore;

namespace Academy.Enrolment.Queries;

public sealed record StatusCounts(int Confirmed, int Waitlisted, int Pending);

/// <summary>How many enrolments are confirmed, waiting and awaiting approval, over all editions.</summary>
public sealed class EnrolmentCounts(AcademyDbContext db)
{
    public async Task<StatusCounts> StatusCountsAsync(CancellationToken cancellationToken = default)
    {
        var counts = await db.Set<EnrolmentRecord>().AsNoTracking()
            .Where(r => r.Status == EnrolmentStatus.Confirmed || r.Status == EnrolmentStatus.Waitlisted || r.Status == EnrolmentStatus.Pending)
            .GroupBy(r => r.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Of(EnrolmentStatus status) => counts.FirstOrDefault(c => c.Status == status)?.Count ?? 0;
        return new StatusCounts(Of(EnrolmentStatus.Confirmed), Of(EnrolmentStatus.Waitlisted), Of(EnrolmentStatus.Pending));
    }
}
