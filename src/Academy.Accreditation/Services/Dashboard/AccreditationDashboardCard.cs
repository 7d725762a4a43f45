using System.Security.Claims;
using Academy.Accreditation.Models;
using Academy.Accreditation.Permissions;
using Academy.Accreditation.Services.Exports;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Core.Recipes;
using Academy.Core.Security;
using Academy.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace Academy.Accreditation.Services.Dashboard;

/// <summary>
/// The accreditation card on the admin dashboard: net hours (and points) and certificates of this quarter. The same
/// privacy rule as the dashboard holds: a register's quarter with 1–4 people, or 1–4 certificates, is not shown.
/// </summary>
public sealed class AccreditationDashboardCard(AcademyDbContext db, LedgerFacts ledger, TimeProvider clock) : IAdminDashboardProvider
{
    public async Task<AdminDashboardCard?> GetCardAsync(ClaimsPrincipal user)
    {
        if (!user.HasClaim(PermissionClaim.Type, AccreditationPermissions.ManageAccreditation))
        {
            return null;
        }
        var today = AmsterdamTime.Today(clock);
        var quarter = HoursDashboardQuery.Quarter(today);
        var first = new DateOnly(today.Year, quarter * 3 - 2, 1);
        var next = first.AddMonths(3);
        var registers = await db.Set<RegisterRecord>().AsNoTracking().ToListAsync();
        var facts = await ledger.LoadAsync(null, first, next);

        var figures = new List<AdminDashboardFact>();
        foreach (var unit in registers.Select(r => r.Unit).Distinct().Order())
        {
            var perRegister = registers.Where(r => r.Unit == unit)
                .Select(r => GroupFigures.Of(r.Id, r.Name, facts.Where(f => f.RegisterId == r.Id))).ToList();
            var label = unit == RegisterUnit.Punten ? "Punten toegekend dit kwartaal" : "Uren toegekend dit kwartaal";
            figures.Add(new(label, perRegister.Any(g => g.Suppressed)
                ? "minder dan 5 deelnemers, niet getoond"
                : HoursText.Number(perRegister.Sum(g => g.Hours))));
        }

        var firstUtc = AmsterdamTime.ToUtc(first.ToDateTime(TimeOnly.MinValue));
        var nextUtc = AmsterdamTime.ToUtc(next.ToDateTime(TimeOnly.MinValue));
        var certificates = await db.Set<CertificateRecord>().AsNoTracking()
            .CountAsync(c => c.IssuedUtc >= firstUtc && c.IssuedUtc < nextUtc && c.RevokedUtc == null);
        figures.Add(new("Certificaten uitgegeven dit kwartaal",
            SmallGroups.IsSuppressed(certificates) ? SmallGroups.Placeholder : certificates.ToString(DutchFormat.Culture)));

        return new AdminDashboardCard(
            "Accreditatie",
            figures,
            [
                new("Naar de accreditatie", "/admin/accreditatie"),
                new("Dashboard leeruren", "/admin/accreditatie/dashboard"),
            ],
            Order: 26);
    }
}
