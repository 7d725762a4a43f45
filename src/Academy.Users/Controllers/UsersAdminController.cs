using Academy.Core.Data;
using Academy.Core.Recipes;
using Academy.Core.Security;
using Academy.Users.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Academy.Users.Controllers;

public sealed record UserRow(string Id, string DisplayName, string Email, IReadOnlyList<string> Roles,
    string? Organisation, DateTime? LockedUntilLocal, bool HasPassword);

public sealed record UserListViewModel(IReadOnlyList<UserRow> Users, int Page, int PageCount, int Total);

public sealed record OrganisationRow(string Id, string Name, string Kind, string? Place, int UserCount, string? EmailDomains = null);

/// <summary>Read-only back-office lists of users and organisations.</summary>
[RequirePermission(UsersPermissions.ManageUsers)]
[Route("admin")]
public sealed class UsersAdminController(AcademyDbContext db, TimeProvider clock) : Controller
{
    public const int PageSize = 100;

    [HttpGet("gebruikers", Name = "Users.UsersAdmin.Users")]
    public async Task<IActionResult> Users(int pagina = 1)
    {
        var users = db.Set<AcademyUser>().AsNoTracking();
        var total = await users.CountAsync();
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(pagina, 1, pageCount);
        var list = await users
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .ToListAsync();

        var ids = list.Select(u => u.Id).ToList();
        var roles = await (from ur in db.Set<IdentityUserRole<string>>()
                           join r in db.Set<AcademyRole>() on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).AsNoTracking().ToListAsync();
        var organisationIds = list.Select(u => u.OrganisationId).OfType<string>().Distinct().ToList();
        var organisations = await db.Set<Organisation>().AsNoTracking()
            .Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name);

        var now = clock.GetUtcNow();
        var rows = list.Select(u => new UserRow(
            u.Id,
            u.DisplayName,
            u.Email ?? u.UserName ?? "",
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "").Order(StringComparer.Ordinal).ToList(),
            u.OrganisationId is { } oid ? organisations.GetValueOrDefault(oid, oid) : null,
            u.LockoutEnd is { } end && end > now ? AmsterdamTime.ToLocal(end.UtcDateTime) : null,
            u.PasswordHash is not null)).ToList();
        return View(new UserListViewModel(rows, page, pageCount, total));
    }

    [HttpGet("organisaties", Name = "Users.UsersAdmin.Organisations")]
    public async Task<IActionResult> Organisations()
    {
        var counts = await db.Set<AcademyUser>().AsNoTracking()
            .Where(u => u.OrganisationId != null)
            .GroupBy(u => u.OrganisationId!)
            .Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Id, x => x.Count);
        var organisations = await db.Set<Organisation>().AsNoTracking().ToListAsync();
        var rows = organisations
            .OrderBy(o => o.Name, StringComparer.Create(Core.Hosting.AcademyHost.Dutch, ignoreCase: true))
            .Select(o => new OrganisationRow(o.Id, o.Name, o.Kind, o.Place, counts.GetValueOrDefault(o.Id), o.EmailDomains))
            .ToList();
        return View(rows);
    }
}
