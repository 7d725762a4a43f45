using Academy.Core.Content;
using Microsoft.AspNetCore.OutputCaching;

namespace Academy.Leeragenda.Services;

/// <summary>Any committed content change evicts the output-cached pages and the cached catalogue queries.</summary>
public sealed class CatalogueCacheEviction(IOutputCacheStore store, CatalogueCache catalogue) : IContentChangeListener
{
    public const string Tag = "leeragenda";

    public async Task ChangedAsync(string contentType, string contentItemId)
    {
        catalogue.Clear();
        await store.EvictByTagAsync(Tag, CancellationToken.None);
    }
}
