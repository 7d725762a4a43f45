using Academy.Leeragenda.Abstractions;
using Academy.Core.Contracts;
using Academy.Core.Security;
using Academy.Core.Exports;
using Academy.Enrolment.Exports;
using Academy.Enrolment.Permissions;
using Academy.Enrolment.Queries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Academy.Enrolment.Controllers.Admin;

/// <summary>The participant list of an edition as CSV (Dutch Excel) or XLSX; both from one <see cref="ParticipantSheet"/>.</summary>
[RequirePermission(EnrolmentPermissions.ManageEnrolments)]
[Route("admin/aanmeldingen/groep/{editionId}")]
public sealed class ParticipantExportController(
    IEditionCatalog catalog,
    EditionParticipantsQuery participants,
    IStringLocalizer<ParticipantExportController> T) : Controller
{
    [HttpGet("deelnemers.csv", Name = "Enrolment.ParticipantExport.Csv")]
    public Task<IActionResult> Csv(string editionId, CancellationToken cancellationToken) =>
        ExportAsync(editionId, "csv", SheetFiles.CsvContentType, (sheet, _) => SheetFiles.Csv(sheet), cancellationToken);

    [HttpGet("deelnemers.xlsx", Name = "Enrolment.ParticipantExport.Xlsx")]
    public Task<IActionResult> Xlsx(string editionId, CancellationToken cancellationToken) =>
        ExportAsync(editionId, "xlsx", SheetFiles.XlsxContentType, (sheet, edition) => SheetFiles.Xlsx(sheet, edition.EditionName), cancellationToken);

    private async Task<IActionResult> ExportAsync(string editionId, string extension, string contentType,
        Func<TextSheet, EditionInfo, byte[]> write, CancellationToken cancellationToken)
    {
        if (await catalog.GetAsync(editionId, cancellationToken) is not { } edition)
        {
            return NotFound();
        }
        var sheet = ParticipantSheet.From(await participants.ListAsync(editionId, cancellationToken), (format, args) => T[format, args]);
        // Participant data: never cached by browsers or proxies.
        Response.Headers.CacheControl = "no-store";
        return File(write(sheet, edition), contentType, $"deelnemers-{ParticipantSheet.FileName(edition.OfferingTitle, edition.EditionName)}.{extension}");
    }
}
