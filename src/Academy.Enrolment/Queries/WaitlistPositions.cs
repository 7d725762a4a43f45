using Academy.Core.Data;
using Academy.Enrolment.Abstractions;
using Academy.Enrolment.Models;
using Microsoft.EntityFrameworkCore;

namespace Academy.Enrolment.Queries;

/// <summary>The place on the waitlist: the rank by arrival among those of the edition still waiting.</summary>
public sealed class WaitlistPositions(AcademyDbContext db)
{
    /// <summary>Position by enrolment id, for every waitlisted enrolment of <paramref name="editionIds"/>.</summary>
    public async Task<IReadOnlyDictionary<long, int>> ForEditionsAsync(IReadOnlyCollection<string> editionIds, CancellationToken cancellationToken = default)
    {
        if (editionIds.Count == 0)
        {
            return new Dictionary<long, int>();
        }
        var waiting = await db.Set<EnrolmentRecord>().AsNoTracking()
            .Where(r => r.Status == EnrolmentStatus.Waitlisted && editionIds.Contains(r.EditionId))
            .Select(r => new { r.Id, r.EditionId, r.WaitlistSequence })
            .ToListAsync(cancellationToken);
        return waiting
            .GroupBy(r => r.EditionId)
            .SelectMany(g => g.OrderBy(r => r.WaitlistSequence ?? long.MaxValue).ThenBy(r => r.Id).Select((r, index) => (r.Id, Position: index + 1)))
            .ToDictionary(x => x.Id, x => x.Position);
    }
}
