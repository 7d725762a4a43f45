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
                cards.Add(card);
            }
        }
        return View(cards.OrderBy(c => c.Order).ThenBy(c => c.Title).ToList());
    }
}
