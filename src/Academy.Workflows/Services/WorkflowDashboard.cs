using System.Security.Claims;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Core.Security;
using Academy.Core.Text;
using Academy.Workflows.Models;
using Microsoft.EntityFrameworkCore;

namespace Academy.Workflows.Services;

/// <summary>Workflows on the admin dashboard: how many instances run, wait and failed.</summary>
public sealed class WorkflowDashboard(AcademyDbContext db) : IAdminDashboardProvider
{
    public async Task<AdminDashboardCard?> GetCardAsync(ClaimsPrincipal user)
    {
        if (!user.HasClaim(PermissionClaim.Type, WorkflowPermissions.ManageWorkflows))
        {
            return null;
        }
        var counts = await db.Set<WorkflowInstanceRecord>().AsNoTracking()
            .Where(i => i.Status != WorkflowStatus.Finished)
            .GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        string Count(WorkflowStatus status) => (counts.FirstOrDefault(c => c.Key == status)?.Count ?? 0).ToString(DutchFormat.Culture);
        return new AdminDashboardCard(
            "Workflows",
            [
                new("Actief", Count(WorkflowStatus.Running)),
                new("Wachtend", Count(WorkflowStatus.Blocked)),
                new("Mislukt", Count(WorkflowStatus.Faulted)),
            ],
            [
                AdminDashboardLink.ForRoute("Naar de workflows", "Workflows.WorkflowAdmin.Index"),
                AdminDashboardLink.ForRoute("Mislukte instanties", "Workflows.WorkflowAdmin.AllInstances", new { status = "Faulted" }),
            ],
            Order: 40);
    }
}
