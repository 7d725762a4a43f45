using Academy.Core.Contracts;
using Academy.Core.Security;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Admin.Controllers;

/// <summary>The back-office start page: the cards modules contribute for this user.</summary>
[RequirePermission(AdminPermissions.AccessAdmin)]
public sealed class DashboardController(IEnumerable<IAdminDashboardProvider> providers) : Controller
{
    [HttpGet("/admin", Name = "Admin.Dashboard.Index")]
    public async Task<IActionResult> Index()
    {
        var cards = new List<AdminDashboardCard>();
        foreach (var provider in providers)
        {
            if (await provider.GetCardAsync(User) is { } card)
            {
                // A module names its pages by route; the address is made here, for this request.
                cards.Add(card with
                {
                    Links = card.Links.Select(l => l.RouteName is null ? l : l with
                    {
                        Url = Url.RouteUrl(l.RouteName, l.RouteValues)
                            ?? throw new InvalidOperationException($"The dashboard link '{l.Text}' names the route '{l.RouteName}', which does not exist."),
                    }).ToList(),
                });
            }
        }
        return View(cards.OrderBy(c => c.Order).ThenBy(c => c.Title).ToList());
    }
}
