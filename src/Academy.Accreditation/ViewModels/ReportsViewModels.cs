using Academy.Accreditation.Models;
using Academy.Accreditation.Services.Dashboard;
using Academy.Accreditation.Services.Exports;

namespace Academy.Accreditation.ViewModels;

/// <summary>/admin/accreditatie: editions with accreditations in a period, filtered by register.</summary>
public sealed class ReportsOverviewViewModel
{
    /// <summary>The period as typed (yyyy-MM-dd from the date inputs), shown again after an error.</summary>
    public required string From { get; init; }
    public required string To { get; init; }
    public string? RegisterId { get; init; }
    public required DateOnly FromDate { get; init; }
    public required DateOnly ToDate { get; init; }
    public required IReadOnlyList<RegisterRecord> Registers { get; init; }
    public required IReadOnlyList<AccreditedEditionRow> Rows { get; init; }
    public IReadOnlyList<(string? TargetId, string Message)> Errors { get; init; } = [];
    public bool Filtered { get; init; }

}

/// <summary>/admin/accreditatie/edities/{editionId}: per register who can be reported and who cannot.</summary>
public sealed class ReportsEditionViewModel
{
    public required EditionReport Report { get; init; }

    /// <summary>Route values of an export of this edition for <paramref name="register"/> (the export routes' names are in the view).</summary>
    public object ExportValues(RegisterReport register) => new { editionId = Report.Edition.EditionId, registerId = register.Register.Id };
}

/// <summary>/admin/accreditatie/dashboard: hours and completions per organisation, thema and quarter.</summary>
public sealed class ReportsDashboardViewModel
{
    public required HoursDashboard? Dashboard { get; init; }
    public required IReadOnlyList<int> Years { get; init; }
    public required IReadOnlyList<RegisterRecord> Registers { get; init; }
    public required int Year { get; init; }
    public string? RegisterId { get; init; }
    public IReadOnlyList<(string? TargetId, string Message)> Errors { get; init; } = [];
}

/// <summary>One breakdown (chart plus table) of the dashboard; the partial _Breakdown renders all three.</summary>
public sealed record ReportsBreakdownViewModel(
    string Id,
    string Heading,
    string GroupColumn,
    Breakdown Breakdown,
    HoursDashboard Dashboard);
