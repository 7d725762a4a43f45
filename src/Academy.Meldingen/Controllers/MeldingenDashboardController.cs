using Academy.Core.Contracts;
using Academy.Core.Exports;
using Academy.Core.Security;
using Academy.Meldingen.Services;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Meldingen.Controllers;

/// <summary>The anonymous figures of meldingen in the back office: SVG charts with tables, and the CSV export.</summary>
[RequirePermission(MeldingenPermissions.ViewMeldingenDashboard)]
[Route("admin/meldingen")]
public sealed class MeldingenDashboardController(MeldingStatistics statistics) : Controller
{

    [HttpGet("", Name = "Meldingen.Dashboard.Index")]
    public async Task<IActionResult> Index(string? periode, CancellationToken cancellationToken) =>
        View(await statistics.GetAsync(periode, cancellationToken));

    [HttpGet("meldingen.csv", Name = "Meldingen.Dashboard.Csv")]
    public async Task<IActionResult> Csv(string? periode, CancellationToken cancellationToken)
    {
        var figures = await statistics.GetAsync(periode, cancellationToken);
        return File(MeldingStatistics.Csv(figures), SheetFiles.CsvContentType, $"meldingen-per-{figures.Period}-{figures.To:yyyy-MM-dd}.csv");
    }
}

/// <summary>The dashboard in the back-office menu.</summary>
public sealed class MeldingenAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        AdminMenuItem.ForRoute("Meldingen in cijfers", "Meldingen.Dashboard.Index", MeldingenPermissions.ViewMeldingenDashboard, 40),
    ];
}
