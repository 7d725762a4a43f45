using System.Globalization;
using Academy.Community.Abstractions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;

namespace Academy.Community.Services;

/// <summary>
/// The links of one topic page. A named route's address for the topic is made once per topic and base path and then
/// kept (<see cref="TopicPaths"/>); a post's number or a page number is only a query value (<c>?bericht=12</c>,
/// <c>?pagina=3</c>), so appending it gives the address route generation would give, without a dozen route generations
/// per page.
/// </summary>
public sealed class TopicLinks(TopicPaths paths, IUrlHelper url, string groupSlug, long topicId)
{
    /// <summary>The route's address for the post: <paramref name="routeName"/> takes the group, the topic and <c>bericht</c>.</summary>
    public string Post(string routeName, long replyId) => Path(routeName) + "?bericht=" + replyId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The topic page with the post quoted in the reply form (on the given page of replies).</summary>
    public string Quote(long replyId, int page) =>
        Path(CommunityRouteNames.Topic) + "?citeer=" + replyId.ToString(CultureInfo.InvariantCulture)
        + (page > 1 ? "&pagina=" + page.ToString(CultureInfo.InvariantCulture) : "") + "#reageren";

    /// <summary>A page of the topic (page 1 without a number).</summary>
    public string Page(int number) =>
        Path(CommunityRouteNames.Topic) + (number > 1 ? "?pagina=" + number.ToString(CultureInfo.InvariantCulture) : "");

    /// <summary>The address of a route that takes the group and the topic.</summary>
    public string Path(string routeName) => paths.Of(url, routeName, groupSlug, topicId);

    /// <summary>The group's own page.</summary>
    public string Group() => paths.Of(url, CommunityRouteNames.Group, groupSlug, null);
}

/// <summary>
/// Route addresses of topics and groups, made once per route, group, topic and base path (route generation took some
/// microseconds per link). Kept while used; routes do not change while the site runs.
/// </summary>
public sealed class TopicPaths
{
    private static readonly MemoryCacheEntryOptions Entry = new() { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) };
    private readonly MemoryCache _paths = new(new MemoryCacheOptions { SizeLimit = 50_000 });

    public string Of(IUrlHelper url, string routeName, string groupSlug, long? topicId)
    {
        var key = (routeName, groupSlug, topicId, url.ActionContext.HttpContext.Request.PathBase.Value ?? "");
        if (_paths.TryGetValue(key, out string? path) && path is not null)
        {
            return path;
        }
        path = (topicId is { } id ? url.RouteUrl(routeName, new { group = groupSlug, topicId = id }) : url.RouteUrl(routeName, new { group = groupSlug }))
            ?? throw new InvalidOperationException($"The route {routeName} has no address for group {groupSlug}.");
        _paths.Set(key, path, Entry);
        return path;
    }
}
