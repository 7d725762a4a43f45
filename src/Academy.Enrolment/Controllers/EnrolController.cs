using Academy.Leeragenda.Abstractions;
using Academy.Core.Contracts;
using Academy.Enrolment.Abstractions;
using Academy.Enrolment.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Academy.Enrolment.Controllers;

/// <summary>The enrol button of the offering page: POST, then back to the page with what happened (post-redirect-get).</summary>
[Authorize]
public sealed class EnrolController(IEnrolmentService enrolments, IEditionCatalog catalog, IStringLocalizer<EnrolController> T) : Controller
{
    [HttpPost("aanmelden/{editionId}", Name = "Enrolment.Enrol.Enrol")]
    public async Task<IActionResult> Enrol(string editionId, CancellationToken cancellationToken)
    {
        // Unknown, unpublished or forged ids have no page to go back to.
        if (await catalog.GetAsync(editionId, cancellationToken) is not { } edition)
        {
            return NotFound();
        }
        var back = edition.OfferingUrl + "#groepen";
        if (ParticipantClaims.From(User) is not { } participant)
        {
            TempData[EnrolmentNotice.Error] = T["Je account heeft geen e-mailadres, dus aanmelden kan niet. Neem contact op met de leer-coördinator."].Value;
            return LocalRedirect(back);
        }
        var result = await enrolments.EnrolAsync(editionId, participant, cancellationToken);
        if (result.Succeeded)
        {
            TempData[EnrolmentNotice.Status] = result.Status switch
            {
                EnrolmentStatus.Waitlisted => T["{0} is vol. Je staat op de wachtlijst (plaats {1}); je krijgt bericht als er een plek vrijkomt.", edition.EditionName, result.WaitlistPosition ?? 0].Value,
                EnrolmentStatus.Pending => T["Je aanmelding voor {0} is ontvangen. De leer-coördinator beoordeelt haar; je krijgt bericht per e-mail.", edition.EditionName].Value,
                _ => T["Je bent aangemeld voor {0}. Je krijgt een bevestiging per e-mail.", edition.EditionName].Value,
            };
        }
        else
        {
            TempData[EnrolmentNotice.Error] = result.Error;
        }
        return LocalRedirect(back);
    }
}
