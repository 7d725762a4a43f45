using Academy.Core.Content;
using Academy.Core.Data;
using Academy.Core.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Academy.Admin.Controllers;

[RequirePermission(AdminPermissions.AccessAdmin)]
public sealed class DashboardController(AcademyDbContext db, ContentDefinitionManager definitions) : Controller
{
    [HttpGet("/admin")]
    public async Task<IActionResult> Index()
    {
        var offeringTypes = (await definitions.ListTypesByStereotypeAsync("Offering")).Select(t => t.Name).ToList();
        var latest = db.ContentItems.AsNoTracking().Where(r => r.Latest && offeringTypes.Contains(r.ContentType));
        var model = new DashboardViewModel(
            Published: await latest.CountAsync(r => r.Published),
            Drafts: await latest.CountAsync(r => !r.Published),
            RecentlyChanged: await latest.OrderByDescending(r => r.ModifiedUtc).Take(8)
                .Select(r => new RecentItem(r.ContentItemId, r.DisplayText ?? r.ContentItemId, r.ContentType, r.Published, r.ModifiedUtc))
                .ToListAsync());
        return View(model);
    }
}

public sealed record DashboardViewModel(int Published, int Drafts, IReadOnlyList<RecentItem> RecentlyChanged);

public sealed record RecentItem(string ContentItemId, string Title, string ContentType, bool Published, DateTime ModifiedUtc);
