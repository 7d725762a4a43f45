using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Academy.Leeragenda.Services;

/// <summary>
/// Keeps catalogue query results in memory for everyone, signed in or not (the output cache serves only
/// anonymous visitors). Any committed content change drops all entries; entries also expire after a minute
/// so sessions that have just ended leave the list.
/// </summary>
public sealed class CatalogueCache
{
    /// <summary>Its own bounded cache: query strings are chosen by visitors, so the number of entries must not be.</summary>
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 2_000 });
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);
    private CancellationTokenSource _generation = new();
    private long _generationNumber;

    /// <summary>Changes whenever the catalogue changes; rendered fragments vary by it.</summary>
    public long Generation => Interlocked.Read(ref _generationNumber);

    public async Task<T> GetOrCreateAsync<T>(string key, Func<Task<T>> create)
    {
        var cacheKey = "Academy.Catalogue." + key;
        if (cache.TryGetValue(cacheKey, out T? cached) && cached is not null)
        {
            return cached;
        }
        var token = new CancellationChangeToken(Volatile.Read(ref _generation).Token);
        var value = await create();
        cache.Set(cacheKey, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 }.AddExpirationToken(token));
        return value;
    }

    public void Clear()
    {
        Interlocked.Increment(ref _generationNumber);
        // Cancelled, not disposed: a request may still be reading its token.
        Interlocked.Exchange(ref _generation, new CancellationTokenSource()).Cancel();
    }
}
