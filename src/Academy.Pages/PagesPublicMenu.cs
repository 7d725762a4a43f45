using Academy.Core.Navigation;

namespace Academy.Pages;

/// <summary>The Pages module's entries in the public navigation: the region's two standing pages (set up by the recipe).</summary>
public sealed class PagesPublicMenu : IPublicMenuProvider
{
    public IEnumerable<PublicMenuItem> GetItems() =>
    [
        new("Werkcentrum", "Pages.Page", 200) { RouteValues = new { slug = "werkcentrum" } },
        new("Over de leeracademie", "Pages.Page", 300) { RouteValues = new { slug = "over-de-leeracademie" } },
    ];
}
