using Academy.Core.Navigation;

namespace Academy.Leeragenda;

/// <summary>The Leeragenda module's entries in the public navigation: the catalogue, its calendar feed and open data.</summary>
public sealed class LeeragendaPublicMenu : IPublicMenuProvider
{
    public IEnumerable<PublicMenuItem> GetItems() =>
    [
        new("Leeragenda", "Leeragenda.Catalogue.Index", 100),
        new("Agenda-abonnement (.ics)", "Leeragenda.Feed.Calendar", 100, MenuArea.Footer),
        new("Open data (JSON)", "Leeragenda.Feed.Api", 200, MenuArea.Footer),
        new("Leeragenda (agenda-abonnement)", "Leeragenda.Feed.Calendar", 100, MenuArea.Feed) { MediaType = "text/calendar" },
    ];
}
