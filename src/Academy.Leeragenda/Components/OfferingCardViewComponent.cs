using Academy.Leeragenda.Abstractions;
using Academy.Leeragenda.Services;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Leeragenda.Components;

/// <summary>
/// One offering in a list (the catalogue's results, the home page and every other list of offerings): title linked to
/// its page, type and "free" labels, summary, next date, place, form, cost and organiser. <c>&lt;vc:offering-card item="..." /&gt;</c>
/// with an <see cref="UpcomingOffering"/> (other modules through Core's <c>&lt;vc:card item="..." /&gt;</c>), or
/// <c>&lt;vc:offering-card result="..." /&gt;</c> with a catalogue result.
/// </summary>
public sealed class OfferingCardViewComponent : ViewComponent
{
    public const string Name = "OfferingCard";

    public IViewComponentResult Invoke(UpcomingOffering? item = null, CatalogueItem? result = null) =>
        View(item ?? (result is null
            ? throw new ArgumentException("An offering card needs an offering (item) or a catalogue result (result).")
            : UpcomingOfferings.ToCard(result, Url.RouteUrl(LeeragendaRouteNames.OfferingDetail, new { slug = result.Slug })!)));
}
