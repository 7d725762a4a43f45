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
using Academy.Accreditation.Abstractions;

namespace Academy.Accreditation.Services.Dashboard;

/// <summary>
/// The accreditation card on the admin dashboard: net hours (and points) and certificates of this quarter. The same
/// privacy rule as the dashboard holds: a register's quarter with 1–4 people, or 1–4 certificates, is not shown.
/// </summary>
public sealed class AccreditationDashboardCard(AcademyDbContext db, LedgerFacts ledger, TimeProvider clock) : IAdminDashboardProvider
{
    public const string Hidden = "minder dan 5 deelnemers, niet getoond";

    public async Task<AdminDashboardCard?> GetCardAsync(ClaimsPrincipal user)
    {
        if (!user.HasClaim(PermissionClaim.Type, AccreditationPermissions.ManageAccreditation))
        {
            return null;
        }
        var today = AmsterdamTime.Today(clock);
        var first = new DateOnly(today.Year, HoursDashboardQuery.Quarter(today) * 3 - 2, 1);
        var next = first.AddMonths(3);
        var registers = await db.Set<RegisterRecord>().AsNoTracking().ToListAsync();
        var facts = await ledger.LoadAsync(null, first, next);
        var firstUtc = AmsterdamTime.ToUtc(first.ToDateTime(TimeOnly.MinValue));
        var nextUtc = AmsterdamTime.ToUtc(next.ToDateTime(TimeOnly.MinValue));
        var certificates = await db.Set<CertificateRecord>().AsNoTracking()
            .CountAsync(c => c.IssuedUtc >= firstUtc && c.IssuedUtc < nextUtc && c.RevokedUtc == null);

        return new AdminDashboardCard(
            "Accreditatie",
            Facts(registers, facts, certificates),
            [
                AdminDashboardLink.ForRoute("Naar de accreditatie", "Accreditation.AccreditationAdmin.Index"),
                AdminDashboardLink.ForRoute("Dashboard leeruren", "Accreditation.AccreditationDashboard.Index"),
            ],
            Order: 26);
    }

    /// <summary>
    /// Hours per unit (uren, punten) summed over the registers with that unit, hidden when any of those registers has
    /// 1–4 people in the period (the dashboard shows registers one by one, so a sum could give one away); then certificates.
    /// </summary>
    public static IReadOnlyList<AdminDashboardFact> Facts(IReadOnlyList<RegisterRecord> registers, IReadOnlyList<LedgerFact> facts, int certificates)
    {
        var figures = new List<AdminDashboardFact>();
        foreach (var unit in registers.Select(r => r.Unit).Distinct().Order())
        {
            var perRegister = registers.Where(r => r.Unit == unit)
                .Select(r => GroupFigures.Of(r.Id, r.Name, facts.Where(f => f.RegisterId == r.Id))).ToList();
            figures.Add(new(
                unit == RegisterUnit.Punten ? "Punten toegekend dit kwartaal" : "Uren toegekend dit kwartaal",
                perRegister.Any(g => g.Suppressed) ? Hidden : HoursText.Number(perRegister.Sum(g => g.Hours))));
        }
        figures.Add(new("Certificaten uitgegeven dit kwartaal",
            SmallGroups.IsSuppressed(certificates) ? SmallGroups.Placeholder : certificates.ToString(DutchFormat.Culture)));
        return figures;
    }
}
