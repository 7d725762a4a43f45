using Academy.Community.Models;
using Academy.Core.Data;
using Academy.Users.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Services;

/// <summary>
/// Finds <c>@Naam</c> mentions of a group's members in a post: only members are resolved, so nobody is told about a
/// post they cannot read.
/// </summary>
public sealed class Mentions(AcademyDbContext db, IMemberProfiles profiles)
{
    public async Task<IReadOnlyList<string>> FindAsync(string body, long groupId, string authorUserId, CancellationToken cancellationToken)
    {
        if (!body.Contains('@'))
        {
            return [];
        }
        var memberIds = await db.Set<GroupMembership>().AsNoTracking()
            .Where(m => m.GroupId == groupId && m.Status == MembershipStatus.Member && m.UserId != authorUserId)
            .Select(m => m.UserId).ToListAsync(cancellationToken);
        if (memberIds.Count == 0)
        {
            return [];
        }
        var named = await profiles.GetManyAsync(memberIds, cancellationToken);
        return named.Values
            .Where(p => p.DisplayName.Length > 1 && body.Contains("@" + p.DisplayName, StringComparison.OrdinalIgnoreCase))
            .Select(p => p.UserId).ToList();
    }
}
