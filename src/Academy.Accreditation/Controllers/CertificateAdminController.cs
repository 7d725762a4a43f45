using System.Security.Claims;
using Academy.Accreditation.Models;
using Academy.Accreditation.Permissions;
using Academy.Accreditation.Services.Certificates;
using Academy.Accreditation.Services.Ledger;
using Academy.Accreditation.ViewModels;
using Academy.Core.Data;
using Academy.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Academy.Accreditation.Controllers;

/// <summary>The leer-coördinator's certificates: the most recent ones with their status, and revoking one (with a reason).</summary>
[RequirePermission(AccreditationPermissions.ManageAccreditation)]
[Route("admin/accreditatie/certificaten")]
public sealed class CertificateAdminController(AcademyDbContext db, CertificateQuery certificates, CertificateIssuer issuer) : Controller
{
    public const int PageSize = 100;
    private const string NoticeKey = "CertificateAdmin.Notice";

    [HttpGet("", Name = "Accreditation.CertificateAdmin.Index")]
    public async Task<IActionResult> Index(string? q, CancellationToken cancellationToken)
    {
        q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Response.Headers.CacheControl = "no-store";
        return View(new CertificateAdminListViewModel
        {
            Query = q,
            Certificates = await certificates.RecentAsync(q?.Length > 200 ? q[..200] : q, PageSize, cancellationToken),
            Notice = TempData[NoticeKey] as string,
        });
    }

    [HttpGet("{id:long}", Name = "Accreditation.CertificateAdmin.Detail")]
    public async Task<IActionResult> Detail(long id, CancellationToken cancellationToken) =>
        await certificates.ByIdAsync(id, cancellationToken) is { } details
            ? View(new CertificateAdminDetailViewModel { Details = details, Notice = TempData[NoticeKey] as string })
            : NotFound();

    [HttpPost("{id:long}/intrekken", Name = "Accreditation.CertificateAdmin.Revoke")]
    public async Task<IActionResult> Revoke(long id, string? reason, CancellationToken cancellationToken)
    {
        if (await certificates.ByIdAsync(id, cancellationToken) is not { } details)
        {
            return NotFound();
        }
        var result = await issuer.RevokeAsync(id, reason, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", cancellationToken);
        if (result.Succeeded)
        {
            try
            {
                // The revocation and the reversals of its hours commit together.
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Revoked (or one of its hours reversed) by someone else at the same moment: nothing of this request was saved.
                db.ChangeTracker.Clear();
                result = LedgerResult<CertificateRecord>.Fail("Het certificaat is intussen door iemand anders gewijzigd. Bekijk het opnieuw.");
            }
        }
        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Detail), new CertificateAdminDetailViewModel
            {
                Details = await certificates.ByIdAsync(id, cancellationToken) ?? details,
                Reason = reason,
                Errors = [(result.Field, result.Error!)],
            });
        }
        TempData[NoticeKey] = $"Certificaat {details.Certificate.Code} is ingetrokken; de uren erop zijn teruggedraaid.";
        return RedirectToRoute("Accreditation.CertificateAdmin.Detail", new { id });
    }
}
