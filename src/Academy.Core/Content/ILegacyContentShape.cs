using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Core.Content;

/// <summary>
/// Reads content written in an older shape: a module whose data once lived in another module's part moves it into its
/// own part. The recipe content step applies it to every item it imports (recipes written before the split keep
/// working), and the module's migration applies it to the stored types and items (<see cref="LegacyContentMigration"/>).
/// </summary>
public interface ILegacyContentShape
{
    /// <summary>Stored types only: adds today's part to a type that had its data in the old place; true when changed.</summary>
    bool UpgradeType(ContentTypeDefinition type);

    /// <summary>Moves old properties in <paramref name="content"/> (an item's parts) into today's parts of <paramref name="type"/>; true when changed.</summary>
    bool Upgrade(JsonObject content, ContentTypeDefinition type);
}

/// <summary>An <see cref="ILegacyContentShape"/> that moves named properties from one part into another.</summary>
public abstract class MovedPartProperties(string fromPart, string toPart, params string[] properties) : ILegacyContentShape
{
    public bool UpgradeType(ContentTypeDefinition type)
    {
        var at = type.Parts.IndexOf(fromPart);
        if (at < 0 || type.Parts.Contains(toPart))
        {
            return false;
        }
        type.Parts.Insert(at + 1, toPart);
        return true;
    }

    public bool Upgrade(JsonObject content, ContentTypeDefinition type)
    {
        if (!type.Parts.Contains(toPart) || content[fromPart] is not JsonObject from)
        {
            return false;
        }
        var changed = false;
        foreach (var property in properties)
        {
            if (!from.TryGetPropertyValue(property, out var value))
            {
                continue;
            }
            from.Remove(property);
            changed = true;
            if (content[toPart] is not JsonObject to)
            {
                to = [];
                content[toPart] = to;
            }
            // What the new part already says wins over the old place.
            if (!to.ContainsKey(property))
            {
                to[property] = value;
            }
        }
        return changed;
    }
}

/// <summary>The data step of a module migration that moves its data out of another module's part on a stored site.</summary>
public static class LegacyContentMigration
{
    /// <summary>Upgrades every stored type definition and every stored version of every content item (drafts and old versions too).</summary>
    public static async Task RunAsync(AcademyDbContext db, ILegacyContentShape shape, CancellationToken ct)
    {
        var types = new Dictionary<string, ContentTypeDefinition>(StringComparer.Ordinal);
        foreach (var record in await db.ContentDefinitions.Where(r => r.Kind == "Type").ToListAsync(ct))
        {
            var type = JsonSerializer.Deserialize<ContentTypeDefinition>(record.Json, ContentJson.Options)!;
            if (shape.UpgradeType(type))
            {
                record.Json = JsonSerializer.Serialize(type, ContentJson.Options);
            }
            types[type.Name] = type;
        }
        await db.SaveChangesAsync(ct);

        var typeNames = types.Keys.ToList();
        var ids = await db.ContentItems.Where(r => typeNames.Contains(r.ContentType)).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
        // In batches, so a large site does not hold every document in memory at once.
        foreach (var batch in ids.Chunk(200))
        {
            foreach (var record in await db.ContentItems.Where(r => batch.Contains(r.Id)).ToListAsync(ct))
            {
                if (JsonNode.Parse(record.Content) is JsonObject content && shape.Upgrade(content, types[record.ContentType]))
                {
                    record.Content = content.ToJsonString(ContentJson.Options);
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}
