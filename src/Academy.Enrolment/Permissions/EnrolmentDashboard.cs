using System.Security.Claims;
using Academy.Core.Contracts;
using Academy.Core.Security;
using Academy.Core.Text;
using Academy.Enrolment.Queries;

namespace Academy.Enrolment.Permissions;

/// <summary>The enrolments on the admin dashboard: how many are confirmed, waiting and awaiting approval.</summary>
public sealed class EnrolmentDashboard(EnrolmentCounts enrolments) : IAdminDashboardProvider
{
    public async Task<AdminDashboardCard?> GetCardAsync(ClaimsPrincipal user)
    {
        if (!user.HasClaim(PermissionClaim.Type, EnrolmentPermissions.ManageEnrolments))
        {
            return null;
        }
        var counts = await enrolments.StatusCountsAsync();
        var links = new List<AdminDashboardLink> { AdminDashboardLink.ForRoute("Naar de aanmeldingen", "Enrolment.EnrolmentAdmin.Index") };
        if (counts.Pending > 0)
        {
            links.Add(AdminDashboardLink.ForRoute("Aanmeldingen die op goedkeuring wachten", "Enrolment.EnrolmentAdmin.Index", new { status = "goedkeuring" }));
        }
        return new AdminDashboardCard(
            "Aanmeldingen",
            [
                new("Bevestigd", counts.Confirmed.ToString(DutchFormat.Culture)),
                new("Op de wachtlijst", counts.Waitlisted.ToString(DutchFormat.Culture)),
                new("Wacht op goedkeuring", counts.Pending.ToString(DutchFormat.Culture)),
            ],
            links,
            Order: 20);
    }
}
