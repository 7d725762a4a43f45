using System.Text.Json.Nodes;
using Academy.Core.Data;
using Academy.Workflows.Abstractions;
using Academy.Workflows.Activities;
using Academy.Workflows.Models;
using Microsoft.EntityFrameworkCore;

namespace Academy.Workflows.Services;

/// <summary>Signals by correlation id, for admin buttons in other modules ("Goedkeuren" on an enrolment); finds the waiting instances in the blocking index.</summary>
public sealed class WorkflowSignaller(AcademyDbContext db, WorkflowManager manager) : IWorkflowSignaller
{
    public async Task<int> SignalAsync(string correlationId, string signal, JsonObject? input = null, CancellationToken cancellationToken = default)
    {
        var name = signal.ToLowerInvariant();
        var ids = await db.Set<WorkflowBlockingIndexRecord>().AsNoTracking()
            .Where(b => b.CorrelationId == correlationId && b.ActivityType == SignalEvent.TypeName && b.Signal == name)
            .Select(b => b.InstanceId).Distinct().OrderBy(id => id).ToListAsync(cancellationToken);
        var resumed = 0;
        foreach (var id in ids)
        {
            resumed += await manager.SignalAsync(id, signal, input, cancellationToken) ? 1 : 0;
        }
        return resumed;
    }
}
