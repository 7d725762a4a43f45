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
}
