using System.Security.Claims;
using Academy.Search.Abstractions;

namespace Academy.Search.Services;

/// <summary>
/// The viewer of a request: a visitor, or a logged-in person with every module's access keys. Scoped, and the answer is
/// kept for the request: the output cache's key and the search itself both ask, and the keys are read from the database.
/// </summary>
public sealed class SearchViewers(IEnumerable<ISearchAccessKeys> providers) : ISearchViewers
{
    private (ClaimsPrincipal User, Task<SearchViewer> Viewer)? _last;

    public Task<SearchViewer> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (_last is { } last && ReferenceEquals(last.User, user) && !last.Viewer.IsFaulted && !last.Viewer.IsCanceled)
        {
            return last.Viewer;
        }
        var viewer = ReadAsync(user, cancellationToken);
        _last = (user, viewer);
        return viewer;
    }

    private async Task<SearchViewer> ReadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
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
