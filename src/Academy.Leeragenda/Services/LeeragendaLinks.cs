using Academy.Leeragenda.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace Academy.Leeragenda.Services;

/// <summary>The Leeragenda's addresses made from its named routes, for services that have no request (feeds, read models).</summary>
public static class LeeragendaLinks
{
    /// <summary>The site-relative address of an offering's public page.</summary>
    public static string OfferingPath(this LinkGenerator links, string slug) =>
        links.GetPathByName(LeeragendaRouteNames.OfferingDetail, new { slug })
        ?? throw new InvalidOperationException($"No address for the offering '{slug}'.");
}
