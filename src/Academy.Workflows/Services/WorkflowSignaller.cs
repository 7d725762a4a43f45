using System.Text.Json.Nodes;
using Academy.Core.Data;
using Academy.Workflows.Abstractions;
using Academy.Workflows.Activities;
using Academy.Workflows.Models;
using Microsoft.EntityFrameworkCore;

namespace Academy.Workflows.Services;

/// <summary>Signals by correlation id, for admin buttons in other modules ("Goedkeuren" on an enrolment).</summary>
public sealed class WorkflowSignaller(AcademyDbContext db, WorkflowManager manager) : IWorkflowSignaller
{
    public async Task<int> SignalAsync(string correlationId, string signal, JsonObject? input = null, CancellationToken cancellationToken = default)
    {
        var quoted = System.Text.Json.JsonSerializer.Serialize(SignalEvent.TypeName);
        var ids = await db.Set<WorkflowInstanceRecord>().AsNoTracking()
            .Where(i => i.CorrelationId == correlationId && i.Status == WorkflowStatus.Blocked && i.BlockingActivitiesJson.Contains(quoted))
            .OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken);
        var resumed = 0;
        foreach (var id in ids)
        {
            resumed += await manager.SignalAsync(id, signal, input, cancellationToken) ? 1 : 0;
        }
        return resumed;
    }
}
