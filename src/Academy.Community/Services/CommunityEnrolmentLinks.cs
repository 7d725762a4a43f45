using Academy.Community.Abstractions;
using Academy.Community.Models;
using Academy.Core.Data;
using Academy.Enrolment.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Services;

/// <summary>"Naar de groep in de community" on Mijn aanmeldingen, for editions whose group the person is a member of.</summary>
public sealed class CommunityEnrolmentLinks(AcademyDbContext db, LinkGenerator links) : IEnrolmentLinks
{
    public const string Label = "Naar de groep van deze bijeenkomst in de community";

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<EnrolmentLink>>> GetAsync(string userId, IReadOnlyCollection<string> editionIds, CancellationToken cancellationToken = default)
    {
        if (editionIds.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<EnrolmentLink>>();
        }
        var ids = editionIds.ToList();
        var rows = await (
                from e in db.Set<EditionGroup>()
                join g in db.Set<CommunityGroup>() on e.GroupId equals g.Id
                where ids.Contains(e.EditionId)
                      && db.Set<GroupMembership>().Any(m => m.GroupId == g.Id && m.UserId == userId && m.Status == MembershipStatus.Member)
                select new { e.EditionId, g.Slug })
            .AsNoTracking().ToListAsync(cancellationToken);
        var found = new Dictionary<string, IReadOnlyList<EnrolmentLink>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (links.GetPathByRouteValues(CommunityRouteNames.Group, new { group = row.Slug }) is { } url)
            {
                found[row.EditionId] = [new EnrolmentLink(Label, url)];
            }
        }
        return found;
    }
}
