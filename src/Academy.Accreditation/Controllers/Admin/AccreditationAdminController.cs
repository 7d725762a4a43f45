using System.Globalization;
using Academy.Accreditation.Models;
using Academy.Accreditation.Services;
using Academy.Accreditation.Permissions;
using Academy.Accreditation.Services.Exports;
using Academy.Accreditation.ViewModels;
using Academy.Core.Recipes;
using Academy.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Academy.Accreditation.Controllers.Admin;

/// <summary>
/// The coördinator's accreditation start page (editions with accreditations in a period, links to the ledger
/// pages and the dashboard) and one edition's page: per register who can be reported, who cannot and why.
/// </summary>
[RequirePermission(AccreditationPermissions.ManageAccreditation)]
[Route("admin/accreditatie")]
public sealed class AccreditationAdminController(
    AccreditedEditionsQuery editions,
    RegisterReportQuery reports,
    RegisterDirectory registerDirectory,
    TimeProvider clock,
    IStringLocalizer<AccreditationAdminController> T) : Controller
{
    /// <summary>Longest period the overview lists, so one request stays cheap.</summary>
    public const int MaxPeriodYears = 3;

    [HttpGet("", Name = "Accreditation.AccreditationAdmin.Index")]
    public async Task<IActionResult> Index(string? van, string? tot, string? register, CancellationToken cancellationToken)
    {
        var today = AmsterdamTime.Today(clock);
        // Default window: what can still be reported (last 12 months) and what is coming (next 3 months).
        var defaultFrom = today.AddMonths(-12);
        var defaultTo = today.AddMonths(3);
        var errors = new List<(string?, string)>();
        var from = ParseDate(van, "filter-van", T["Vul bij 'Van' een geldige datum in, zoals 01-01-2026."], defaultFrom, errors);
        var to = ParseDate(tot, "filter-tot", T["Vul bij 'Tot en met' een geldige datum in, zoals 31-12-2026."], defaultTo, errors);
        if (errors.Count == 0 && to < from)
        {
            errors.Add(("filter-tot", T["De datum 'Tot en met' ligt vóór 'Van'."]));
        }
        else if (errors.Count == 0 && to > from.AddYears(MaxPeriodYears))
        {
            errors.Add(("filter-tot", T.GetString("Kies een periode van hoogstens {0} jaar.", MaxPeriodYears)));
        }
        var registers = await registerDirectory.RecordsAsync(cancellationToken);
        register = string.IsNullOrWhiteSpace(register) ? null : register.Trim();
        if (register is not null && registers.All(r => r.Id != register))
        {
            errors.Add(("filter-register", T["Kies een register uit de lijst."]));
            register = null;
        }
        if (errors.Count > 0)
        {
            // The typed values stay in the form; the list shows the default period meanwhile.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            from = defaultFrom;
            to = defaultTo;
        }
        var rows = await editions.ListAsync(
            AmsterdamTime.ToUtc(from.ToDateTime(TimeOnly.MinValue)),
            AmsterdamTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)),
            register,
            cancellationToken);
        return View(new ReportsOverviewViewModel
        {
            From = van?.Trim() is { Length: > 0 } typedFrom && errors.Count > 0 ? typedFrom : from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            To = tot?.Trim() is { Length: > 0 } typedTo && errors.Count > 0 ? typedTo : to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            FromDate = from,
            ToDate = to,
            RegisterId = register,
            Registers = registers,
            Rows = rows,
            Errors = errors,
            Filtered = van is not null || tot is not null || register is not null,
        });
    }

    [HttpGet("edities/{editionId}", Name = "Accreditation.AccreditationAdmin.Edition")]
    public async Task<IActionResult> Edition(string editionId, CancellationToken cancellationToken) =>
        await reports.ForEditionAsync(editionId, cancellationToken) is { } report
            ? View(new ReportsEditionViewModel { Report = report })
            : NotFound();

    /// <summary>A date from a date input (yyyy-MM-dd) or typed the Dutch way (dd-mm-jjjj); empty means the default.</summary>
    private static DateOnly ParseDate(string? value, string fieldId, string message, DateOnly fallback, List<(string?, string)> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }
        if (DateOnly.TryParseExact(value.Trim(), ["yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= 2000 and <= 2100)
        {
            return date;
        }
        errors.Add((fieldId, message));
        return fallback;
    }
}
