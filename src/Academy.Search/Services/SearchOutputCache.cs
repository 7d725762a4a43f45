using System.Security.Cryptography;
using System.Text;
using Academy.Core.Navigation;
using Academy.Search.Abstractions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace Academy.Search.Services;

/// <summary>
/// /zoeken from ASP.NET Core's output cache, for visitors and signed-in people alike. A page depends on the query string,
/// on this node's index reader (its generation and version) and synonym list, on what the viewer may read (the access set
/// of <see cref="SearchAccessFilter"/>, read from the database on every request) and on the menus (the permissions that
/// show or hide an item, <see cref="PublicMenu.VariantKey"/>); nothing on it is personal. So a page is shared only by
/// viewers with the same access and menus, a change that reaches this node's index, a rebuild, a new synonym list or a
/// changed membership gives a new key at once, and old pages simply expire.
/// </summary>
public static class SearchOutputCache
{
    public const string PolicyName = "search";
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);

    public static void AddPolicy(OutputCacheOptions options) => options.AddPolicy(PolicyName, new Policy());

    /// <summary>The access set and menus of the request's viewer as one short key ("-" for a visitor).</summary>
    private static async Task<string> ViewerKeyAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var user = context.User;
        var menus = context.RequestServices.GetRequiredService<PublicMenu>().VariantKey(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return menus;
        }
        var viewer = await context.RequestServices.GetRequiredService<ISearchViewers>().ForAsync(user, cancellationToken);
        var access = new SearchAccessFilter(viewer).Key;
        return menus + "/" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(access)));
    }

    private sealed class Policy : IOutputCachePolicy
    {
        public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
        {
            var request = context.HttpContext.Request;
            // As ASP.NET Core's default policy, without its rule against signed-in requests (the viewer key covers them).
            var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && StringValues.IsNullOrEmpty(request.Headers.Authorization);
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = Duration;
            context.CacheVaryByRules.QueryKeys = "*";
            if (!cacheable)
            {
                return;
            }
            var services = context.HttpContext.RequestServices;
            var settings = await services.GetRequiredService<ISearchSynonymSource>().GetAsync();
            var synonyms = services.GetRequiredService<SearchSynonyms>().For(settings).Version;
            context.CacheVaryByRules.VaryByValues["index"] = services.GetRequiredService<SearchIndex>().ReaderKey + "/" + synonyms;
            context.CacheVaryByRules.VaryByValues["viewer"] = await ViewerKeyAsync(context.HttpContext, cancellationToken);
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
        {
            var response = context.HttpContext.Response;
            // A cookie set on this response (a renewed sign-in, an antiforgery cookie) belongs to this person only.
            if (!StringValues.IsNullOrEmpty(response.Headers.SetCookie) || response.StatusCode != StatusCodes.Status200OK)
            {
                context.AllowCacheStorage = false;
            }
            return ValueTask.CompletedTask;
        }
    }
}
