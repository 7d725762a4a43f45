using System.Security.Claims;
using Academy.Search.Abstractions;

namespace Academy.Search.Services;

/// <summary>The viewer of a request: a visitor, or a logged-in person with every module's access keys.</summary>
public sealed class SearchViewers(IEnumerable<ISearchAccessKeys> providers) : ISearchViewers
{
    public async Task<SearchViewer> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return SearchViewer.Visitor;
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrEmpty(userId))
        {
            return new SearchViewer(true, []);
        }
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var provider in providers)
        {
            keys.UnionWith(await provider.GetKeysAsync(userId, cancellationToken));
        }
        return new SearchViewer(true, keys);
    }
}
