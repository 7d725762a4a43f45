using System.Globalization;
using Academy.Accreditation.Models;
using Academy.Accreditation.Services;
using Academy.Accreditation.Permissions;
using Academy.Accreditation.Services.Dashboard;
using Academy.Accreditation.ViewModels;
using Academy.Core.Recipes;
using Academy.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Academy.Accreditation.Controllers.Admin;

/// <summary>Hours and completions of one register in one year, per organisation, thema and quarter (small groups hidden).</summary>
[RequirePermission(AccreditationPermissions.ManageAccreditation)]
[Route("admin/accreditatie/dashboard")]
public sealed class AccreditationDashboardController(
    HoursDashboardQuery dashboards,
    LedgerFacts ledger,
    RegisterDirectory registerDirectory,
    TimeProvider clock,
    IStringLocalizer<AccreditationDashboardController> T) : Controller
{
    [HttpGet("", Name = "Accreditation.AccreditationDashboard.Index")]
    public async Task<IActionResult> Index(string? jaar, string? register, CancellationToken cancellationToken)
    {
        var errors = new List<(string?, string)>();
        var registers = await registerDirectory.RecordsAsync(cancellationToken);
        var currentYear = AmsterdamTime.Today(clock).Year;
        var years = (await ledger.YearsAsync(cancellationToken)).Append(currentYear).Distinct().OrderDescending().ToList();

        var year = currentYear;
        if (!string.IsNullOrWhiteSpace(jaar))
        {
            if (int.TryParse(jaar.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var chosen) && chosen is >= 2000 and <= 2100 && years.Contains(chosen))
            {
                year = chosen;
            }
            else
            {
                errors.Add(("filter-jaar", T["Kies een jaar uit de lijst."]));
            }
        }
        var selected = registers.FirstOrDefault();
        if (!string.IsNullOrWhiteSpace(register))
        {
            if (registers.FirstOrDefault(r => r.Id == register.Trim()) is { } chosen)
            {
                selected = chosen;
            }
            else
            {
                errors.Add(("filter-register", T["Kies een register uit de lijst."]));
            }
        }
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return View(new ReportsDashboardViewModel
        {
            Dashboard = selected is null ? null : await dashboards.BuildAsync(selected, year, text => T[text], cancellationToken),
            Years = years,
            Registers = registers,
            Year = year,
            RegisterId = selected?.Id,
            Errors = errors,
        });
    }
}
