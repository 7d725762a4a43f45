using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Core.Data;
using Academy.Workflows.Models;
using Microsoft.EntityFrameworkCore;

namespace Academy.Workflows.Services;

/// <summary>Saves workflow types (admin and recipe); Name and IsEnabled are kept in columns too, for lists and the engine.</summary>
public sealed class WorkflowTypeStore(AcademyDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Task<WorkflowTypeRecord?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        db.Set<WorkflowTypeRecord>().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);

    /// <summary>
    /// Creates or replaces a type with <paramref name="json"/> (kept as written). With <paramref name="expectedVersion"/>,
    /// a type changed by someone else since it was loaded is not overwritten: returns false.
    /// </summary>
    public async Task<bool> SaveAsync(WorkflowDefinition definition, string json, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        var record = await FindAsync(definition.Id, cancellationToken);
        if (record is null)
        {
            if (expectedVersion is > 0)
            {
                return false;
            }
            record = new WorkflowTypeRecord { Id = definition.Id };
            db.Add(record);
        }
        else if (expectedVersion is { } expected)
        {
            if (record.Version != expected)
            {
                return false;
            }
            // EF compares the version it read; a save in between fails with a concurrency error.
            db.Entry(record).Property(r => r.Version).OriginalValue = expected;
        }
        record.Name = definition.Name;
        record.IsEnabled = definition.IsEnabled;
        record.Json = json;
        record.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        record.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.Entry(record).State = EntityState.Detached;
            return false;
        }
    }

    /// <summary>Switches a type on or off (in its JSON as well); false when it does not exist.</summary>
    public async Task<bool> SetEnabledAsync(string id, bool enabled, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(id, cancellationToken) is not { } record)
        {
            return false;
        }
        if (JsonNode.Parse(record.Json) is JsonObject root)
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
