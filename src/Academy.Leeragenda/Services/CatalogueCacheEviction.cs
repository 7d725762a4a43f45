using Academy.Core.Content;

namespace Academy.Leeragenda.Services;

/// <summary>Any committed content change clears the cached catalogue queries and taxonomy terms (Core evicts the output-cached pages).</summary>
public sealed class CatalogueCacheEviction(CatalogueCache catalogue, TaxonomyService taxonomies) : IContentChangeListener
{
    public Task ChangedAsync(string contentType, string contentItemId)
    {
        catalogue.Clear();
        // Again after the commit, so no reader re-cached the old terms in between.
        taxonomies.Invalidate(contentItemId);
        return Task.CompletedTask;
    }
}
