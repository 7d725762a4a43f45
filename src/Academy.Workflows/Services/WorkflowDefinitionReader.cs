using Academy.Core.Data;
using Academy.Workflows.Models;
using Microsoft.EntityFrameworkCore;

namespace Academy.Workflows.Services;

/// <summary>Reads a version of a workflow type's definition through the node's cache (versions never change once written).</summary>
public sealed class WorkflowDefinitionReader(AcademyDbContext db, WorkflowDefinitionCache cache)
{
    /// <summary>The definition of the version the instance runs on.</summary>
    public Task<WorkflowDefinition?> ReadAsync(WorkflowInstanceRecord instance, CancellationToken cancellationToken = default) =>
        ReadAsync(instance.WorkflowTypeId, instance.WorkflowTypeVersion, cancellationToken);

    /// <summary>One version of a type's definition, from the cache or else its stored JSON; version 0 or less: the newest.</summary>
    public async Task<WorkflowDefinition?> ReadAsync(string typeId, int version, CancellationToken cancellationToken = default)
    {
        if (version <= 0)
        {
            version = await db.Set<WorkflowTypeRecord>().AsNoTracking().Where(t => t.Id == typeId).Select(t => t.LatestVersion).SingleOrDefaultAsync(cancellationToken);
        }
        if (cache.TryGet(typeId, version, out var cached))
        {
            return cached;
        }
        var json = await db.Set<WorkflowTypeVersionRecord>().AsNoTracking()
            .Where(v => v.TypeId == typeId && v.Version == version).Select(v => v.Json).SingleOrDefaultAsync(cancellationToken);
        if (json is null || WorkflowDefinitions.Read(json) is not { } definition)
        {
            return null;
        }
        cache.Add(typeId, version, definition);
        return definition;
    }

    /// <summary>
    /// The version "Opnieuw proberen" runs a faulted instance on (docs/workflows.md): the newest version of its type when
    /// that version still has the failed activity (same id), because the usual reason to retry is a fix made in the type;
    /// otherwise the instance's own version. Only a faulted instance moves: running and waiting instances never change version.
    /// </summary>
    public async Task<int> RetryVersionAsync(WorkflowInstanceRecord instance, CancellationToken cancellationToken = default)
    {
        if (instance is not { Status: WorkflowStatus.Faulted, FaultedActivityId: { } activityId })
        {
            return instance.WorkflowTypeVersion;
        }
        var latest = await db.Set<WorkflowTypeRecord>().AsNoTracking().Where(t => t.Id == instance.WorkflowTypeId)
            .Select(t => t.LatestVersion).SingleOrDefaultAsync(cancellationToken);
        return latest > instance.WorkflowTypeVersion
            && await ReadAsync(instance.WorkflowTypeId, latest, cancellationToken) is { } newer && newer.Activity(activityId) is not null
            ? latest
            : instance.WorkflowTypeVersion;
    }
}
