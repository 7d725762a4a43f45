using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Search.Services;

/// <summary>
/// /zoeken for visitors from ASP.NET Core's output cache (the default policy caches only requests without a signed-in
/// user, so every cached page is one a visitor may see). The key holds the query string, this node's index reader
/// (its generation and version) and the synonym list, so a change that reaches this node's index, a rebuild or a new
/// synonym list gives new pages at once and the old ones simply expire.
/// </summary>
public static class SearchOutputCache
{
    public const string PolicyName = "search";
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);

    public static void AddPolicy(OutputCacheOptions options) =>
        options.AddPolicy(PolicyName, policy => policy
            .SetVaryByQuery("*")
            .VaryByValue(async (context, _) =>
            {
                var services = context.RequestServices;
                var settings = await services.GetRequiredService<ISearchSynonymSource>().GetAsync();
                var synonyms = services.GetRequiredService<SearchSynonyms>().For(settings).Version;
                return new KeyValuePair<string, string>("index", services.GetRequiredService<SearchIndex>().ReaderKey + "/" + synonyms);
            })
            .Expire(Duration));
}
