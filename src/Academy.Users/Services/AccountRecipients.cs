using Academy.Core.Data;
using Academy.Core.Security;
using Academy.Users.Abstractions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Academy.Users.Services;

/// <summary>Accounts with their roles' permissions in two queries, however many ids (a fan-out to thousands of followers).</summary>
public sealed class AccountRecipients(AcademyDbContext db) : IAccountRecipients
{
    public async Task<IReadOnlyDictionary<string, AccountRecipient>> GetManyAsync(IEnumerable<string> userIds, CancellationToken cancellationToken = default)
    {
        var ids = userIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, AccountRecipient>();
        }
        var users = await db.Set<AcademyUser>().AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.UserName, u.Email }).ToListAsync(cancellationToken);
        var permissions = await db.Set<IdentityUserRole<string>>().AsNoTracking().Where(r => ids.Contains(r.UserId))
            .Join(db.Set<IdentityRoleClaim<string>>().Where(c => c.ClaimType == PermissionClaim.Type), r => r.RoleId, c => c.RoleId,
                (r, c) => new { r.UserId, c.ClaimValue })
            .ToListAsync(cancellationToken);
        var byUser = permissions.Where(p => p.ClaimValue is not null).ToLookup(p => p.UserId, p => p.ClaimValue!);
        return users.ToDictionary(u => u.Id, u => new AccountRecipient(
            u.Id,
            string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName ?? u.Email ?? "" : u.DisplayName,
            string.IsNullOrWhiteSpace(u.Email) ? null : u.Email.Trim(),
            byUser[u.Id].ToHashSet(StringComparer.Ordinal)));
    }
}
