using System.Security.Claims;
using Academy.Accreditation.Permissions;
using Academy.Core.Contracts;
using Academy.Core.Security;
using Academy.Core.Text;

namespace Academy.Accreditation.Services.Attendance;

/// <summary>Attendance on the admin dashboard: sessions of the last two months whose register is not complete yet.</summary>
public sealed class AttendanceDashboard(AttendanceQuery query) : IAdminDashboardProvider
{
    public async Task<AdminDashboardCard?> GetCardAsync(ClaimsPrincipal user)
    {
        if (!user.HasClaim(PermissionClaim.Type, AccreditationPermissions.ManageAccreditation))
        {
            return null;
        }
        var editions = await query.EditionsAsync(60, 0, null, null);
        var open = editions
            .SelectMany(e => e.Sessions.Where(s => s.Open && s.Recorded < e.ParticipantCount))
            .Count();
        return new AdminDashboardCard(
            "Presentie",
            [
                new("Groepen met bijeenkomsten in de afgelopen twee maanden", editions.Count.ToString(DutchFormat.Culture)),
                new("Bijeenkomsten met onvolledige presentie", open.ToString(DutchFormat.Culture)),
            ],
            [AdminDashboardLink.ForRoute("Naar de presentie", "Accreditation.AttendanceAdmin.Index")],
            Order: 25);
    }
}
