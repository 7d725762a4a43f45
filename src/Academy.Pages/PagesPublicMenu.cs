using Academy.Core.Navigation;

namespace Academy.Pages;

/// <summary>
/// The Pages module's entries in the public navigation: the region's standing page (set up by the recipe) in the main
/// menu, and the accessibility statement and contact page in the footer. The Werkcentrum entry belongs to the
/// Werkcentrum module, whose /werkcentrum replaced the page of that slug.
/// </summary>
public sealed class PagesPublicMenu : IPublicMenuProvider
{
    public IEnumerable<PublicMenuItem> GetItems() =>
    [
        new("Over de leeracademie", "Pages.Page", 300) { RouteValues = new { slug = "over-de-leeracademie" } },
        new("Toegankelijkheid", "Pages.Accessibility", 900, MenuArea.Footer),
        new("Contact", "Pages.Contact", 920, MenuArea.Footer),
    ];
}
