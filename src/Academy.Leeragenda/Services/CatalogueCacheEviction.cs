using Academy.Core.Content;
using Microsoft.AspNetCore.OutputCaching;

namespace Academy.Leeragenda.Services;

/// <summary>The anonymous catalogue is output-cached; any committed content change evicts it.</summary>
public sealed class CatalogueCacheEviction(IOutputCacheStore store) : IContentChangeListener
{
    public const string Tag = "leeragenda";

    public async Task ChangedAsync(string contentType, string contentItemId) =>
        await store.EvictByTagAsync(Tag, CancellationToken.None);
}
