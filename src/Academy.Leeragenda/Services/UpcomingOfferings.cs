using Academy.Leeragenda.Abstractions;
using Academy.Core.Contracts;

namespace Academy.Leeragenda.Services;

/// <summary>The first offerings of the catalogue (no filters), for other modules such as the home page.</summary>
public sealed class UpcomingOfferings(CatalogueQuery catalogue) : IUpcomingOfferings
{
    public async Task<IReadOnlyList<UpcomingOffering>> NextAsync(int count, CancellationToken cancellationToken = default)
    {
        if (count < 1)
        {
            return [];
        }
        var result = await catalogue.SearchAsync(new CatalogueFilter { PageSize = count }, cancellationToken);
        return result.Items.Select(i => new UpcomingOffering(
            i.ContentItemId,
            i.Title,
            "/leeragenda/" + i.Slug,
            i.TypeName,
            i.Summary,
            i.NextStartUtc,
            i.NextEndUtc,
            i.Places,
            i.HasOnlineSessions,
            i.Form,
            i.CostEuros,
            i.OrganiserName)).ToList();
    }
}
