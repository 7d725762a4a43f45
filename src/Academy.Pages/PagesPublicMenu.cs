using Academy.Core.Navigation;

namespace Academy.Pages;

/// <summary>The Pages module's entry in the public navigation: the region's standing page (set up by the recipe). The
/// Werkcentrum entry belongs to the Werkcentrum module, whose /werkcentrum replaced the page of that slug.</summary>
public sealed class PagesPublicMenu : IPublicMenuProvider
{
    public IEnumerable<PublicMenuItem> GetItems() =>
    [
        new("Over de leeracademie", "Pages.Page", 300) { RouteValues = new { slug = "over-de-leeracademie" } },
    ];
}
