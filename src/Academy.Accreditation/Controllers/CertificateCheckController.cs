using Academy.Accreditation.Services.Certificates;
using Academy.Accreditation.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Academy.Accreditation.Controllers;

/// <summary>
/// The public certificate check (no login): anyone with a code sees whether the certificate is valid, for whom and
/// for which hours, and nothing more. The check by code is throttled per client, so codes cannot be guessed.
/// </summary>
[AllowAnonymous]
[Route("certificaat")]
public sealed class CertificateCheckController(CertificateQuery certificates) : Controller
{
    [HttpGet("", Name = "Accreditation.CertificateCheck.Index")]
    public IActionResult Index(string? code)
    {
        // An empty submitted field binds as null; only a first visit has no "code" at all.
        if (!Request.Query.ContainsKey("code"))
        {
            return View(new CertificateCheckViewModel(null, null));
        }
        if (CertificateCode.Normalize(code) is not { } normalized)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new CertificateCheckViewModel(code, string.IsNullOrWhiteSpace(code)
                ? "Vul de code van het certificaat in."
                : $"Dit is geen geldige certificaatcode. Een code bestaat uit 12 letters en cijfers, zoals {CertificateCode.Example}."));
        }
        return RedirectToRoute("Accreditation.CertificateCheck.Show", new { code = normalized });
    }

    [HttpGet("{code}", Name = "Accreditation.CertificateCheck.Show")]
    [EnableRateLimiting(CertificateThrottle.Policy)]
    public async Task<IActionResult> Show(string code, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        // The page names a person: it is for whoever holds the code, not for search engines.
        Response.Headers["X-Robots-Tag"] = "noindex";
        if (CertificateCode.Normalize(code) is not { } normalized || await certificates.ByCodeAsync(normalized, cancellationToken) is not { } details)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return View("Message", new CertificateMessageViewModel("Certificaat niet gevonden", "Dit certificaat is niet bekend."));
        }
        if (normalized != code)
        {
            return RedirectToRoutePermanent("Accreditation.CertificateCheck.Show", new { code = normalized });
        }
        return View(details);
    }
}
