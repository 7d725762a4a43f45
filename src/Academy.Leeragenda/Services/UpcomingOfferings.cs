using Academy.Leeragenda.Abstractions;
using Academy.Core.Contracts;
using Microsoft.AspNetCore.Routing;

namespace Academy.Leeragenda.Services;

/// <summary>The first offerings of the catalogue (no filters, or of some themes), for other modules such as the home page.</summary>
public sealed class UpcomingOfferings(CatalogueQuery catalogue, LinkGenerator links) : IUpcomingOfferings, IThemeOfferings
{
    /// <summary>Themes asked at most per call: each is one (cached) catalogue query.</summary>
    public const int MaxThemes = 8;

    public async Task<IReadOnlyList<UpcomingOffering>> ForThemesAsync(IReadOnlyCollection<string> themeIds, int count, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, CatalogueItem>(StringComparer.Ordinal);
        foreach (var theme in themeIds.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct().Take(MaxThemes))
        {
            if (count < 1)
            {
                break;
            }
            var result = await catalogue.SearchAsync(new CatalogueFilter { Theme = theme, PageSize = count }, cancellationToken);
            foreach (var item in result.Items)
            {
                found.TryAdd(item.ContentItemId, item);
            }
        }
        return found.Values.OrderBy(i => i.NextStartUtc).ThenBy(i => i.Title, StringComparer.CurrentCulture).Take(Math.Max(0, count))
            .Select(i => ToCard(i, links.OfferingPath(i.Slug))).ToList();
    }

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
