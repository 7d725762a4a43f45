using Academy.Leeragenda.Services;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Leeragenda.Components;

/// <summary>
/// One offering in a list (the catalogue's results and every other list of offerings): title linked to its page,
/// type and "free" labels, summary, next date, place, form, cost and organiser. <c>&lt;vc:offering-card item="..." /&gt;</c>
/// </summary>
public sealed class OfferingCardViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(CatalogueItem item) => View(item);
}
