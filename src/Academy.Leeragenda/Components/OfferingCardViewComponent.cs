using Academy.Leeragenda.Abstractions;
using Academy.Leeragenda.Services;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Leeragenda.Components;

/// <summary>
/// One offering in a list (the catalogue's results, the home page and every other list of offerings): title linked to
/// its page, type and "free" labels, summary, next date, place, form, cost and organiser. <c>&lt;vc:offering-card item="..." /&gt;</c>
/// in this module; other modules render it through Core's <c>&lt;vc:card item="..." /&gt;</c> with an <see cref="UpcomingOffering"/>.
/// </summary>
public sealed class OfferingCardViewComponent : ViewComponent
{
    public const string Name = "OfferingCard";

    public IViewComponentResult Invoke(object item) => View(item switch
    {
        UpcomingOffering offering => offering,
        CatalogueItem found => UpcomingOfferings.ToCard(found, Url.RouteUrl(LeeragendaRouteNames.OfferingDetail, new { slug = found.Slug })!),
        _ => throw new ArgumentException($"An offering card shows an offering, not a {item.GetType().Name}.", nameof(item)),
    });
}
