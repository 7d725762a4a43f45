using Microsoft.AspNetCore.OutputCaching;

namespace Academy.Core.Content;

/// <summary>Output-cache tags shared by modules.</summary>
public static class OutputCacheTags
{
    /// <summary>Pages built from content; evicted on every committed content change.</summary>
    public const string Content = "content";

    /// <summary>Pages that show seats left; evicted after every committed enrolment change (the seats change without content changing).</summary>
    public const string Seats = "seats";
}

/// <summary>Evicts output-cached content pages once a content change has committed.</summary>
public sealed class ContentOutputCacheEviction(IOutputCacheStore store) : IContentChangeListener
{
    public async Task ChangedAsync(string contentType, string contentItemId) =>
        await store.EvictByTagAsync(OutputCacheTags.Content, CancellationToken.None);
}
