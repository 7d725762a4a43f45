using Academy.Core.Navigation;

namespace Academy.Pages;

/// <summary>
/// The Pages module's entries in the public navigation: the region's two standing pages (set up by the recipe) in the
/// main menu, and the accessibility statement and contact page in the footer.
/// </summary>
public sealed class PagesPublicMenu : IPublicMenuProvider
{
    public IEnumerable<PublicMenuItem> GetItems() =>
    [
        new("Werkcentrum", "Pages.Page", 200) { RouteValues = new { slug = "werkcentrum" } },
        new("Over de leeracademie", "Pages.Page", 300) { RouteValues = new { slug = "over-de-leeracademie" } },
        new("Toegankelijkheid", "Pages.Accessibility", 900, MenuArea.Footer),
        new("Contact", "Pages.Contact", 920, MenuArea.Footer),
    ];
}
