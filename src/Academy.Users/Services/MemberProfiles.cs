using Academy.Users.Abstractions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Academy.Users.Services;

/// <summary>
/// Profiles from the account itself (name and organisation). Until people can edit a profile, nobody has chosen to be
/// visible, so the directory search finds no one.
/// </summary>
public sealed class MemberProfiles(UserManager<AcademyUser> users, Academy.Core.Data.AcademyDbContext db) : IMemberProfiles
{
    public async Task<MemberProfile?> GetAsync(string userId, CancellationToken cancellationToken = default) =>
        (await GetManyAsync([userId], cancellationToken)).GetValueOrDefault(userId);

    public async Task<IReadOnlyDictionary<string, MemberProfile>> GetManyAsync(IEnumerable<string> userIds, CancellationToken cancellationToken = default)
    {
        var ids = userIds.Distinct().ToList();
        var rows = await (
            from user in users.Users.AsNoTracking()
            where ids.Contains(user.Id)
            join organisation in db.Set<Organisation>() on user.OrganisationId equals organisation.Id into orgs
            from organisation in orgs.DefaultIfEmpty()
            select new { user.Id, user.DisplayName, user.OrganisationId, OrganisationName = organisation == null ? null : organisation.Name })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id,
            r => new MemberProfile(r.Id, r.DisplayName, r.OrganisationId, r.OrganisationName, null, null, [], false, false));
    }

    public Task<MemberSearchResult> SearchAsync(MemberSearch search, CancellationToken cancellationToken = default) =>
        Task.FromResult(new MemberSearchResult([], 0));
}
