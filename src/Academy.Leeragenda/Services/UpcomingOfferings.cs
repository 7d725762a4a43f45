using Academy.Leeragenda.Abstractions;
using Academy.Core.Contracts;
using Microsoft.AspNetCore.Routing;

namespace Academy.Leeragenda.Services;

/// <summary>The first offerings of the catalogue (no filters), for other modules such as the home page.</summary>
public sealed class UpcomingOfferings(CatalogueQuery catalogue, LinkGenerator links) : IUpcomingOfferings
{
    public async Task<IReadOnlyList<UpcomingOffering>> NextAsync(int count, CancellationToken cancellationToken = default)
    {
        if (count < 1)
        {
            return [];
        }
        var result = await catalogue.SearchAsync(new CatalogueFilter { PageSize = count }, cancellationToken);
        return result.Items.Select(i => ToCard(i, links.OfferingPath(i.Slug))).ToList();
    }

    /// <summary>A catalogue result as the offering card (and other modules) show it.</summary>
    public static UpcomingOffering ToCard(CatalogueItem i, string url) => new(
        i.ContentItemId,
        i.Title,
        url,
        i.TypeName,
        i.Summary,
        i.NextStartUtc,
        i.NextEndUtc,
        i.Places,
        i.HasOnlineSessions,
        i.Form,
        i.CostEuros,
        i.OrganiserName);
}
