using System.Globalization;
using Academy.Community.Abstractions;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Community.Services;

/// <summary>
/// The per-post links of one topic page. Each named route is generated once per page; the post's number is only a query
/// value (<c>?bericht=12</c>), so appending it gives the same address as generating the route per post, without
/// 5 route generations for every one of the 50 posts.
/// </summary>
public sealed class TopicLinks(IUrlHelper url, string groupSlug, long topicId)
{
    private readonly Dictionary<string, string> _paths = new(StringComparer.Ordinal);

    /// <summary>The route's address for the post: <paramref name="routeName"/> takes the group, the topic and <c>bericht</c>.</summary>
    public string Post(string routeName, long replyId) => Path(routeName) + "?bericht=" + replyId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The topic page with the post quoted in the reply form (on the given page of replies).</summary>
    public string Quote(long replyId, int page) =>
        Path(CommunityRouteNames.Topic) + "?citeer=" + replyId.ToString(CultureInfo.InvariantCulture)
        + (page > 1 ? "&pagina=" + page.ToString(CultureInfo.InvariantCulture) : "") + "#reageren";

    private string Path(string routeName)
    {
        if (!_paths.TryGetValue(routeName, out var path))
        {
            path = url.RouteUrl(routeName, new { group = groupSlug, topicId })
                ?? throw new InvalidOperationException($"The route {routeName} has no address for a topic.");
            _paths[routeName] = path;
        }
        return path;
    }
}
