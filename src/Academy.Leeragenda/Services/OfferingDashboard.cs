using System.Security.Claims;
using Academy.Core.Content;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Core.Security;
using Academy.Core.Text;
using Academy.Leeragenda.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace Academy.Leeragenda.Services;

/// <summary>The aanbod on the admin dashboard: published and draft counts and the latest changes.</summary>
public sealed class OfferingDashboard(AcademyDbContext db, ContentDefinitionManager definitions) : IAdminDashboardProvider
{
    public async Task<AdminDashboardCard?> GetCardAsync(ClaimsPrincipal user)
    {
        if (!user.HasClaim(PermissionClaim.Type, LeeragendaPermissions.ManageOfferings))
        {
            return null;
        }
        var types = (await definitions.ListTypesByStereotypeAsync(CatalogueQuery.OfferingStereotype)).Select(t => t.Name).ToList();
        var latest = db.ContentItems.AsNoTracking().Where(r => r.Latest && types.Contains(r.ContentType));
        var recent = await latest.OrderByDescending(r => r.ModifiedUtc).Take(8)
            .Select(r => new { r.ContentItemId, r.DisplayText, r.ContentType, r.Published, r.ModifiedUtc })
            .ToListAsync();
        return new AdminDashboardCard(
            "Aanbod",
            [
                new("Gepubliceerd", (await latest.CountAsync(r => r.Published)).ToString(DutchFormat.Culture)),
                new("Concepten", (await latest.CountAsync(r => !r.Published)).ToString(DutchFormat.Culture)),
            ],
            recent.Select(r => AdminDashboardLink.ForRoute(
                r.DisplayText ?? r.ContentItemId,
                LeeragendaRouteNames.AdminEdit,
                new { id = r.ContentItemId },
                $"{r.ContentType}, {(r.Published ? "gepubliceerd" : "concept")}, gewijzigd {DutchFormat.Date(r.ModifiedUtc)} {DutchFormat.Time(r.ModifiedUtc)}"))
            .Prepend(AdminDashboardLink.ForRoute("Naar het aanbod", LeeragendaRouteNames.AdminIndex))
            .ToList(),
            Order: 10);
    }
}
