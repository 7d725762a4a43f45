using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Core.Data;
using Academy.Workflows.Models;
using Microsoft.EntityFrameworkCore;

namespace Academy.Workflows.Services;

/// <summary>What a save of a workflow type did.</summary>
public enum WorkflowTypeSave
{
    /// <summary>A new type, at version 1.</summary>
    Created,
    /// <summary>The definition changed: a new version, which new instances start on (running ones keep theirs).</summary>
    NewVersion,
    /// <summary>The same definition, written differently or switched on or off: no new version.</summary>
    Updated,
    /// <summary>Exactly what was stored: nothing written.</summary>
    Unchanged,
    /// <summary>Someone else saved it in between (or took the id): nothing written.</summary>
    Conflict,
}

/// <summary>
/// Saves workflow types (admin and recipe). Every changed definition becomes a new immutable version
/// (<see cref="WorkflowTypeVersionRecord"/>), and the start index is set to the newest version's start activities, in the
/// same save. Name and IsEnabled are kept in columns too, for lists and the engine.
/// </summary>
public sealed class WorkflowTypeStore(AcademyDbContext db, WorkflowDefinitionCache cache, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Task<WorkflowTypeRecord?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        db.Set<WorkflowTypeRecord>().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);

    /// <summary>The stored versions of a type, newest first (without their JSON).</summary>
    public Task<List<WorkflowTypeVersionRecord>> VersionsAsync(string id, CancellationToken cancellationToken = default) =>
        db.Set<WorkflowTypeVersionRecord>().AsNoTracking().Where(v => v.TypeId == id).OrderByDescending(v => v.Version)
            .Select(v => new WorkflowTypeVersionRecord { TypeId = v.TypeId, Version = v.Version, Hash = v.Hash, CreatedUtc = v.CreatedUtc })
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Creates or replaces a type with <paramref name="json"/> (kept as written). With <paramref name="expectedVersion"/>,
    /// a type changed by someone else since it was loaded is not overwritten: returns false.
    /// </summary>
    public async Task<bool> SaveAsync(WorkflowDefinition definition, string json, int? expectedVersion, CancellationToken cancellationToken = default) =>
        await SaveVersionAsync(definition, json, expectedVersion, cancellationToken) != WorkflowTypeSave.Conflict;

    /// <summary>
    /// Like <see cref="SaveAsync"/>, and says what it did: a changed definition (its activities, transitions, properties
    /// or name) becomes a new version; the same definition again (an import of an unchanged default type) makes none.
    /// </summary>
    public async Task<WorkflowTypeSave> SaveVersionAsync(WorkflowDefinition definition, string json, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        var hash = WorkflowDefinitions.ParseObject(json) is { } root ? WorkflowDefinitions.Hash(root) : "";
        var now = clock.GetUtcNow().UtcDateTime;
        var record = await FindAsync(definition.Id, cancellationToken);
        var written = new List<object>();
        WorkflowTypeSave outcome;
        if (record is null)
        {
            if (expectedVersion > 0)
            {
                return WorkflowTypeSave.Conflict;
            }
            record = new WorkflowTypeRecord { Id = definition.Id };
            db.Add(record);
            written.Add(record);
            outcome = WorkflowTypeSave.Created;
        }
        else
        {
            if (expectedVersion is { } expected)
            {
                // A stored type has version 1 or more, so expecting 0 ("create") fails when the id is taken.
                if (record.Version != expected)
                {
                    return WorkflowTypeSave.Conflict;
                }
                // EF compares the version it read; a save in between fails with a concurrency error.
                db.Entry(record).Property(r => r.Version).OriginalValue = expected;
            }
            written.Add(record);
            var latestHash = await db.Set<WorkflowTypeVersionRecord>().AsNoTracking()
                .Where(v => v.TypeId == record.Id && v.Version == record.LatestVersion).Select(v => v.Hash).SingleOrDefaultAsync(cancellationToken);
            if (latestHash is not null && latestHash.Length > 0 && latestHash == hash)
            {
                if (record.Json == json && record.Name == definition.Name && record.IsEnabled == definition.IsEnabled)
                {
                    db.Entry(record).State = EntityState.Unchanged;
                    return WorkflowTypeSave.Unchanged;
                }
                outcome = WorkflowTypeSave.Updated;
            }
            else
            {
                outcome = WorkflowTypeSave.NewVersion;
            }
        }

        if (outcome != WorkflowTypeSave.Updated)
        {
            record.LatestVersion++;
            var version = new WorkflowTypeVersionRecord { TypeId = record.Id, Version = record.LatestVersion, Json = json, Hash = hash, CreatedUtc = now };
            db.Add(version);
            written.Add(version);
            // The start index holds the newest version only (tracked, so it changes in the same save or not at all).
            var old = await db.Set<WorkflowStartIndexRecord>().Where(s => s.TypeId == record.Id).ToListAsync(cancellationToken);
            db.RemoveRange(old);
            written.AddRange(old);
            foreach (var start in WorkflowDefinitions.Starts(definition))
            {
                var row = new WorkflowStartIndexRecord { TypeId = record.Id, Version = record.LatestVersion, ActivityId = start.Id, EventType = start.Type };
                db.Add(row);
                written.Add(row);
            }
        }
        record.Name = definition.Name;
        record.IsEnabled = definition.IsEnabled;
        record.Json = json;
        record.UpdatedUtc = now;
        record.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Changed in between (concurrency), or created in between by someone else (key conflict).
            written.ForEach(entity => db.Entry(entity).State = EntityState.Detached);
            return WorkflowTypeSave.Conflict;
        }
        cache.Invalidate(record.Id);
        return outcome;
    }

    /// <summary>Switches a type on or off (in its JSON as well; no new version); false when it does not exist.</summary>
    public async Task<bool> SetEnabledAsync(string id, bool enabled, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(id, cancellationToken) is not { } record)
        {
            return false;
        }
        if (JsonNode.Parse(record.Json, documentOptions: WorkflowDefinitions.ParseOptions) is JsonObject root)
        {
            root["IsEnabled"] = enabled;
            record.Json = root.ToJsonString(Indented);
        }
        record.IsEnabled = enabled;
        record.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        record.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public static string Format(JsonNode node) => node.ToJsonString(Indented);
}
