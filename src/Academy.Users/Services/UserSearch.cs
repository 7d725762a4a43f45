using Academy.Core.Data;
using Academy.Core.Recipes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Academy.Users.Services;

/// <summary>Filters of the user list; empty values do not filter.</summary>
public sealed record UserFilter(string? Text = null, string? OrganisationId = null, string? Role = null, int Page = 1);

public sealed record UserRow(string Id, string DisplayName, string Email, IReadOnlyList<string> Roles,
    string? Organisation, DateTime? LockedUntilLocal, bool Blocked, bool HasPassword, bool TwoFactor);

public sealed record UserPage(IReadOnlyList<UserRow> Users, int Page, int PageCount, int Total);

/// <summary>Reads accounts for the user admin: a filtered, paged list and one account with its roles.</summary>
public sealed class UserSearch(AcademyDbContext db, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<UserPage> SearchAsync(UserFilter filter, CancellationToken cancellationToken = default)
    {
        var users = db.Set<AcademyUser>().AsNoTracking();
        if (filter.Text?.Trim() is { Length: > 0 } text)
        {
            var lower = text.ToLowerInvariant();
            var upper = text.ToUpperInvariant();
            users = users.Where(u => u.DisplayName.ToLower().Contains(lower) || u.NormalizedEmail!.Contains(upper));
        }
        if (!string.IsNullOrEmpty(filter.OrganisationId))
        {
            users = users.Where(u => u.OrganisationId == filter.OrganisationId);
        }
        if (!string.IsNullOrEmpty(filter.Role))
        {
            var normalized = filter.Role.ToUpperInvariant();
            users = users.Where(u => db.Set<IdentityUserRole<string>>().Any(ur => ur.UserId == u.Id
                && db.Set<AcademyRole>().Any(r => r.Id == ur.RoleId && r.NormalizedName == normalized)));
        }
        var total = await users.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var list = await users
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
        return new UserPage(await RowsAsync(list, cancellationToken), page, pageCount, total);
    }

    public async Task<UserRow?> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        var user = await db.Set<AcademyUser>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is null ? null : (await RowsAsync([user], cancellationToken))[0];
    }

    private async Task<IReadOnlyList<UserRow>> RowsAsync(IReadOnlyList<AcademyUser> list, CancellationToken cancellationToken)
    {
        var ids = list.Select(u => u.Id).ToList();
        var roles = await (from ur in db.Set<IdentityUserRole<string>>()
                           join r in db.Set<AcademyRole>() on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).AsNoTracking().ToListAsync(cancellationToken);
        var organisationIds = list.Select(u => u.OrganisationId).OfType<string>().Distinct().ToList();
        var organisations = await db.Set<Organisation>().AsNoTracking()
            .Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);

        var now = clock.GetUtcNow();
        return list.Select(u => new UserRow(
            u.Id,
            u.DisplayName,
            u.Email ?? u.UserName ?? "",
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "").Order(StringComparer.Ordinal).ToList(),
            u.OrganisationId is { } oid ? organisations.GetValueOrDefault(oid, oid) : null,
            u.LockoutEnd is { } end && end > now && !UserAdministration.IsBlocked(u) ? AmsterdamTime.ToLocal(end.UtcDateTime) : null,
            UserAdministration.IsBlocked(u),
            u.PasswordHash is not null,
            u.TwoFactorEnabled)).ToList();
    }
}
