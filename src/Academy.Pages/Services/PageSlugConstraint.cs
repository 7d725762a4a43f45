using Academy.Core.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Academy.Pages.Services;

/// <summary>
/// A page slug ("over-de-leeracademie"): a valid slug that is not the path of any one-segment route the site's
/// modules registered, so the catch-all page route never shadows a module — also one added later. A page may share
/// its slug with the first segment of longer routes: the page "werkcentrum" and the form at /werkcentrum/vraag are
/// different addresses.
/// </summary>
public sealed class PageSlugConstraint(EndpointDataSource endpoints) : IRouteConstraint
{
    public const string Name = "pageslug";

    /// <summary>Paths the host serves without a routed endpoint (module assets and well-known files).</summary>
    public static readonly IReadOnlySet<string> HostPaths = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "assets", "favicon.ico", "robots.txt",
    };

    private IReadOnlySet<string>? _reserved;

    /// <summary>The first path segments of every registered route, plus <see cref="HostPaths"/>; read once, on first use
    /// (when every module has mapped its routes).</summary>
    public IReadOnlySet<string> Reserved => _reserved ??= ReservedSegments(endpoints.Endpoints);

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string slug && IsPageSlug(slug);

    public bool IsPageSlug(string slug) => Slug.IsValid(slug) && !Reserved.Contains(slug);

    /// <summary>The literal paths of the one-segment routes ("leeragenda", "mijn-aanmeldingen", "leeragenda.ics").</summary>
    public static IReadOnlySet<string> ReservedSegments(IEnumerable<Endpoint> endpoints)
    {
        var reserved = new HashSet<string>(HostPaths, StringComparer.OrdinalIgnoreCase);
        foreach (var endpoint in endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.RoutePattern.PathSegments is [var only] && only.Parts is [RoutePatternLiteralPart literal, ..])
            {
                reserved.Add(literal.Content);
            }
        }
        return reserved;
    }
}
