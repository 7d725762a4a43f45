using Academy.Core.Data;
using Academy.Core.Security;
using Academy.Users.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Academy.Users.Controllers;

public sealed record OrganisationOption(string Id, string Name);

public sealed record UserListViewModel(UserPage Result, UserFilter Filter, IReadOnlyList<OrganisationOption> Organisations,
    IReadOnlyList<string> Roles, bool CanInvite);

/// <param name="CanManage">The signed-in person may change this account (roles, block, invitation).</param>
public sealed record UserDetailViewModel(UserRow User, bool CanManage, IReadOnlyList<string> GrantableRoles,
    IReadOnlyList<AuditRow> History, string? Notice, string? Error);

public sealed record AuditLogViewModel(AuditPage Result, AuditFilter Filter);

public sealed record OrganisationRow(string Id, string Name, string Kind, string? Place, int UserCount, string? EmailDomains = null);

/// <summary>
/// The back-office lists of users (search and filter, one account's page), the audit log of access changes and the
/// organisations. The changes themselves are in <see cref="UserChangesController"/>.
/// </summary>
[RequirePermission(UsersPermissions.ManageMemberAccounts)]
[Route("admin")]
public sealed class UsersAdminController(AcademyDbContext db, UserSearch search, UserAuditLog auditLog,
    UserAdministration administration) : Controller
{
    public const string NoticeKey = "UsersAdmin.Notice";
    public const string ErrorKey = "UsersAdmin.Error";

    [HttpGet("gebruikers", Name = "Users.UsersAdmin.Users")]
    public async Task<IActionResult> Users(string? zoek, string? organisatie, string? rol, int pagina = 1, CancellationToken cancellationToken = default)
    {
        var filter = new UserFilter(zoek?.Trim(), organisatie, rol, pagina);
        var result = await search.SearchAsync(filter, cancellationToken);
        var organisations = await db.Set<Organisation>().AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new OrganisationOption(o.Id, o.Name)).ToListAsync(cancellationToken);
        var roles = await db.Set<AcademyRole>().AsNoTracking().OrderBy(r => r.Name).Select(r => r.Name!).ToListAsync(cancellationToken);
        return View(new UserListViewModel(result, filter with { Page = result.Page }, organisations, roles, CanInvite: true));
    }

    [HttpGet("gebruikers/{id}", Name = "Users.UsersAdmin.User")]
    public async Task<IActionResult> Detail(string id, CancellationToken cancellationToken)
    {
        if (await search.GetAsync(id, cancellationToken) is not { } user)
        {
            return NotFound();
        }
        var history = await auditLog.ListAsync(new AuditFilter(UserId: user.Id), cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return View("User", new UserDetailViewModel(user, UserAdministration.MayManage(User, user.Roles),
            await administration.GrantableRolesAsync(User), history.Entries, TempData[NoticeKey] as string, TempData[ErrorKey] as string));
    }

    [HttpGet("gebruikers/logboek", Name = "Users.UsersAdmin.AuditLog")]
    [RequirePermission(UsersPermissions.ManageUsers)]
    public async Task<IActionResult> AuditLog(string? zoek, string? actie, string? gebruiker, int pagina = 1, CancellationToken cancellationToken = default)
    {
        var action = UserAuditActions.All.Contains(actie) ? actie : null;
        var filter = new AuditFilter(zoek?.Trim(), action, gebruiker, pagina);
        var result = await auditLog.ListAsync(filter, cancellationToken);
        return View(new AuditLogViewModel(result, filter with { Page = result.Page }));
    }

    [HttpGet("organisaties", Name = "Users.UsersAdmin.Organisations")]
    [RequirePermission(UsersPermissions.ManageUsers)]
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
