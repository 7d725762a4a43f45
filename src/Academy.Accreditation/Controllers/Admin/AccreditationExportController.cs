using Academy.Accreditation.Permissions;
using Academy.Accreditation.Services.Exports;
using Academy.Core.Security;
using Academy.Core.Exports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Academy.Accreditation.Controllers.Admin;

/// <summary>
/// The files for a register about one edition: the PE-online presentielijst (register numbers only) and the
/// CSV/XLSX with names, numbers, dates, hours and code, plus the people who cannot be reported in a separate part.
/// </summary>
[RequirePermission(AccreditationPermissions.ManageAccreditation)]
[Route("admin/accreditatie/edities/{editionId}")]
public sealed class AccreditationExportController(RegisterReportQuery reports, IStringLocalizer<AccreditationExportController> T) : Controller
{
    [HttpGet("{registerId}/pe-online.txt", Name = "Accreditation.AccreditationExport.PeOnline")]
    public Task<IActionResult> PeOnline(string editionId, string registerId, CancellationToken cancellationToken) =>
        ExportAsync(editionId, registerId, "pe-online", "txt", RegisterExports.TextContentType, RegisterExports.PeOnline, cancellationToken);

    [HttpGet("{registerId}.csv", Name = "Accreditation.AccreditationExport.Csv")]
    public Task<IActionResult> Csv(string editionId, string registerId, CancellationToken cancellationToken) =>
        ExportAsync(editionId, registerId, "leeruren", "csv", SheetFiles.CsvContentType, r => RegisterExports.Csv(r, Localize), cancellationToken);

    [HttpGet("{registerId}.xlsx", Name = "Accreditation.AccreditationExport.Xlsx")]
    public Task<IActionResult> Xlsx(string editionId, string registerId, CancellationToken cancellationToken) =>
        ExportAsync(editionId, registerId, "leeruren", "xlsx", SheetFiles.XlsxContentType, r => RegisterExports.Xlsx(r, Localize), cancellationToken);

    private string Localize(string text) => T[text];

    private async Task<IActionResult> ExportAsync(string editionId, string registerId, string prefix, string extension, string contentType,
        Func<RegisterReport, byte[]> write, CancellationToken cancellationToken)
    {
        // Unknown edition, an edition without accreditations, or a register it is not accredited by: not found.
        if (await reports.ForEditionAsync(editionId, cancellationToken) is not { } edition || edition.For(registerId) is not { } report)
        {
            return NotFound();
        }
        // Personal data: never cached by browsers or proxies.
        Response.Headers.CacheControl = "no-store";
        return File(write(report), contentType, RegisterExports.FileName(report, edition, prefix, extension));
    }
}
