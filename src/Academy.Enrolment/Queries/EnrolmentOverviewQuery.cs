using Academy.Leeragenda.Abstractions;
using Academy.Core.Contracts;
using System.Globalization;
using Academy.Core.Data;
using Academy.Core.Text;
using Academy.Enrolment.Abstractions;
using Academy.Enrolment.Models;
using Microsoft.EntityFrameworkCore;

namespace Academy.Enrolment.Queries;

/// <summary>An edition on the coördinator's overview with its figures.</summary>
public sealed record EditionOverviewRow(EditionInfo Edition, int Taken, int Waitlisted, int Pending)
{
    public int Capacity => Edition.Capacity;
}

/// <summary>
/// The editions a coördinator works on: those of the leeragenda's next published offerings and those of
/// any offering that has enrolments, as long as their last session is still to come.
/// </summary>
public sealed class EnrolmentOverviewQuery(AcademyDbContext db, IEditionCatalog catalog, IUpcomingOfferings upcoming)
{
    /// <summary>The catalogue hands out at most this many offerings per call.</summary>
    private const int UpcomingOfferingLimit = 100;

    public async Task<IReadOnlyList<EditionOverviewRow>> UpcomingEditionsAsync(string? text, bool onlyPending, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var offeringIds = (await upcoming.NextAsync(UpcomingOfferingLimit, cancellationToken)).Select(o => o.ContentItemId)
            .Union(await db.Set<EnrolmentRecord>().AsNoTracking().Select(r => r.OfferingId).Distinct().ToListAsync(cancellationToken))
            .ToList();
        var editions = new List<EditionInfo>();
        foreach (var offeringId in offeringIds)
        {
            editions.AddRange((await catalog.ListForOfferingAsync(offeringId, cancellationToken)).Where(e => e.EndUtc is { } end && end >= nowUtc));
        }
        if (!string.IsNullOrWhiteSpace(text))
        {
            var needle = text.Trim();
            var compare = DutchFormat.Culture.CompareInfo;
            const CompareOptions options = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;
            editions = editions.Where(e => compare.IndexOf(e.OfferingTitle, needle, options) >= 0
                || compare.IndexOf(e.EditionName, needle, options) >= 0).ToList();
        }

        var editionIds = editions.Select(e => e.EditionId).ToList();
        var counts = await db.Set<EnrolmentRecord>().AsNoTracking()
            .Where(r => editionIds.Contains(r.EditionId))
            .GroupBy(r => new { r.EditionId, r.Status })
            .Select(g => new { g.Key.EditionId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(string editionId, params EnrolmentStatus[] statuses) =>
            counts.Where(c => c.EditionId == editionId && statuses.Contains(c.Status)).Sum(c => c.Count);

        return editions
            .Select(e => new EditionOverviewRow(
                e,
                Count(e.EditionId, EnrolmentStatus.Confirmed, EnrolmentStatus.Held, EnrolmentStatus.Completed),
                Count(e.EditionId, EnrolmentStatus.Waitlisted),
                Count(e.EditionId, EnrolmentStatus.Pending)))
            .Where(r => !onlyPending || r.Pending > 0)
            .OrderBy(r => r.Edition.StartUtc)
            .ThenBy(r => r.Edition.OfferingTitle, StringComparer.Create(DutchFormat.Culture, ignoreCase: true))
            .ToList();
    }
}
