using System.Text.Json;
using Academy.Core.Content;
using Academy.Core.Data;
using Microsoft.Extensions.Caching.Memory;

namespace Academy.Core.Settings;

public sealed class SiteSettings
{
    public string SiteName { get; set; } = "Regionale Leeracademie";
    public string RegionName { get; set; } = "";
    public string Tagline { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    /// <summary>Shown on /contact when set.</summary>
    public string ContactPhone { get; set; } = "";
    /// <summary>Visiting or postal address on /contact, one line per line.</summary>
    public string ContactAddress { get; set; } = "";
    public DateTime? SetupCompletedUtc { get; set; }
    public string? SetupRecipe { get; set; }
}

/// <summary>Singleton JSON documents stored in the Documents table, cached in memory.</summary>
public sealed class DocumentStore(AcademyDbContext db, IMemoryCache cache)
{
    public async Task<T> GetAsync<T>(string key) where T : new()
    {
        if (cache.TryGetValue(CacheKey(key), out T? cached) && cached is not null)
        {
            return cached;
        }
        var record = await db.Documents.FindAsync(key);
        var value = record is null ? new T() : JsonSerializer.Deserialize<T>(record.Json, ContentJson.Options) ?? new T();
        cache.Set(CacheKey(key), value, TimeSpan.FromMinutes(5));
        return value;
    }

    public async Task SetAsync<T>(string key, T value)
    {
        var json = JsonSerializer.Serialize(value, ContentJson.Options);
        var record = await db.Documents.FindAsync(key);
        if (record is null)
        {
            db.Documents.Add(new DocumentRecord { Key = key, Json = json });
        }
        else
        {
            record.Json = json;
        }
        await db.SaveChangesAsync();
        cache.Remove(CacheKey(key));
    }

    public void Invalidate(string key) => cache.Remove(CacheKey(key));

    private static string CacheKey(string key) => "Academy.Document." + key;

    public Task<SiteSettings> GetSiteSettingsAsync() => GetAsync<SiteSettings>(nameof(SiteSettings));

    public Task SetSiteSettingsAsync(SiteSettings settings) => SetAsync(nameof(SiteSettings), settings);
}
