using System.Text.Json;
using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Academy.Core.Content;

/// <summary>Reads and writes content type and part definitions stored in the database.</summary>
public sealed class ContentDefinitionManager(AcademyDbContext db, IMemoryCache cache)
{
    private const string TypeKind = "Type";
    private const string PartKind = "Part";
    private const string CacheKey = "Academy.ContentDefinitions";

    public async Task<IReadOnlyList<ContentTypeDefinition>> ListTypesAsync() => (await LoadAsync()).Types;

    public async Task<IReadOnlyList<ContentPartDefinition>> ListPartsAsync() => (await LoadAsync()).Parts;

    public async Task<ContentTypeDefinition?> GetTypeAsync(string name) =>
        (await LoadAsync()).Types.FirstOrDefault(t => t.Name == name);

    public async Task<IReadOnlyList<ContentTypeDefinition>> ListTypesByStereotypeAsync(string stereotype) =>
        (await LoadAsync()).Types.Where(t => t.Stereotype == stereotype).ToList();

    public Task StoreTypeAsync(ContentTypeDefinition definition) => StoreAsync(TypeKind, definition.Name, definition);

    public Task StorePartAsync(ContentPartDefinition definition) => StoreAsync(PartKind, definition.Name, definition);

    private async Task StoreAsync(string kind, string name, object definition)
    {
        var json = JsonSerializer.Serialize(definition, ContentJson.Options);
        var record = await db.ContentDefinitions.FindAsync(kind, name);
        if (record is null)
        {
            db.ContentDefinitions.Add(new ContentDefinitionRecord { Kind = kind, Name = name, Json = json });
        }
        else
        {
            record.Json = json;
        }
        await db.SaveChangesAsync();
        cache.Remove(CacheKey);
    }

    public void Invalidate() => cache.Remove(CacheKey);

    private async Task<Definitions> LoadAsync()
    {
        if (cache.TryGetValue(CacheKey, out Definitions? cached) && cached is not null)
        {
            return cached;
        }
        var records = await db.ContentDefinitions.AsNoTracking().ToListAsync();
        var loaded = new Definitions(
            records.Where(r => r.Kind == TypeKind).Select(r => JsonSerializer.Deserialize<ContentTypeDefinition>(r.Json, ContentJson.Options)!).OrderBy(t => t.DisplayName).ToList(),
            records.Where(r => r.Kind == PartKind).Select(r => JsonSerializer.Deserialize<ContentPartDefinition>(r.Json, ContentJson.Options)!).OrderBy(p => p.Name).ToList());
        cache.Set(CacheKey, loaded, TimeSpan.FromMinutes(10));
        return loaded;
    }

    private sealed record Definitions(IReadOnlyList<ContentTypeDefinition> Types, IReadOnlyList<ContentPartDefinition> Parts);
}
