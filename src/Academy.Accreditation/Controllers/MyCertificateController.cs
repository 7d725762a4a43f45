using System.Security.Claims;
using Academy.Accreditation.Services.Certificates;
using Academy.Core.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Accreditation.Controllers;

/// <summary>A signed-in professional's own certificate as PDF; someone else's (or an unknown code) is a 404.</summary>
[Authorize]
[Route("mijn-leeruren/certificaten")]
public sealed class MyCertificateController(CertificateQuery certificates, DocumentStore documents) : Controller
{
    [HttpGet("{code}.pdf", Name = "Accreditation.MyCertificate.Pdf")]
    public async Task<IActionResult> Pdf(string code, CancellationToken cancellationToken)
    {
        if (CertificateCode.Normalize(code) is not { } normalized
            || await certificates.ByCodeAsync(normalized, cancellationToken) is not { } details
            || !IsOwner(details))
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "private, no-store";
        var site = await documents.GetSiteSettingsAsync();
        return File(CertificatePdf.Render(details, site.SiteName), "application/pdf", CertificatePdf.FileName(normalized));
    }

    /// <summary>The account it was issued to; a certificate issued without an account belongs to the account with its e-mail address.</summary>
    private bool IsOwner(CertificateDetails details)
    {
        if (details.Holder is not { IsAnonymised: false } holder)
        {
            return false;
        }
        if (holder.UserId is { } userId)
        {
            return userId == User.FindFirstValue(ClaimTypes.NameIdentifier);
        }
        var email = User.FindFirstValue(ClaimTypes.Email);
        return !string.IsNullOrWhiteSpace(email) && string.Equals(email.Trim(), holder.Email, StringComparison.OrdinalIgnoreCase);
    }
}
