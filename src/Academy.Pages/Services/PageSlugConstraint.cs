using System.Text.RegularExpressions;
using Academy.Core.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Academy.Pages.Services;

/// <summary>
/// A page slug ("over-de-leeracademie"): a valid slug that is not one of the site's own first path segments,
/// so the catch-all page route never shadows a module.
/// </summary>
public sealed partial class PageSlugConstraint : IRouteConstraint
{
    public const string Name = "pageslug";

    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "leeragenda", "admin", "account", "api", "assets", "fout", "healthz", "favicon.ico", "robots.txt",
    };

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string slug && IsPageSlug(slug);

    public static bool IsPageSlug(string slug) => !Reserved.Contains(slug) && Slug.IsValid(slug);
}
