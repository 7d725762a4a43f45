using System.Security.Claims;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Core.Security;
using Academy.Core.Text;
using Academy.Email.Controllers;

namespace Academy.Email.Services;

/// <summary>The mail outbox on the admin dashboard: queued, sent and undelivered counts.</summary>
public sealed class MailDashboard(AcademyDbContext db) : IAdminDashboardProvider
{
    public async Task<AdminDashboardCard?> GetCardAsync(ClaimsPrincipal user)
    {
        if (!user.HasClaim(PermissionClaim.Type, EmailPermissions.ManageEmail))
        {
            return null;
        }
        var counts = await MailCounts.ReadAsync(db);
        return new AdminDashboardCard(
            "E-mail",
            [
                new("In de wachtrij", counts.Queued.ToString(DutchFormat.Culture)),
                new("Verstuurd", counts.Sent.ToString(DutchFormat.Culture)),
                new("Niet bezorgd", counts.DeadLetters.ToString(DutchFormat.Culture)),
            ],
            [AdminDashboardLink.ForRoute("Naar e-mail", "Email.MailAdmin.Index")],
            Order: 80);
    }
}
