using Academy.Community.Models;
using Academy.Community.Services.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Community.Controllers;

/// <param name="Done">True once the person's community mail is off.</param>
/// <param name="Error">Why the link does not work (changed or made up); nothing was changed.</param>
public sealed record UnsubscribePageModel(string Code, bool Done, string? Error);

/// <summary>
/// The unsubscribe link of community mails, without logging in: GET asks to confirm (so a mail scanner that follows
/// links unsubscribes nobody), POST switches the person's community mail off. The one-click address is for mail programs
/// (List-Unsubscribe-Post, RFC 8058): they cannot send an antiforgery token, and the signed code is what proves the request.
/// </summary>
[AllowAnonymous]
[Route("community/afmelden/{code}")]
public sealed class CommunityUnsubscribeController(UnsubscribeLinks links, NotificationInbox inbox) : Controller
{
    public const string InvalidMessage = "Deze afmeldlink klopt niet. Misschien is hij niet helemaal gekopieerd of is hij veranderd. " +
        "Er is niets aangepast. Log in en kies bij Mijn meldingen hoe vaak je e-mail wilt krijgen.";

    [HttpGet("", Name = UnsubscribeLinks.RouteName)]
    public IActionResult Index(string code) =>
        links.Verify(code) is null ? Invalid(code) : View(new UnsubscribePageModel(code, false, null));

    [HttpPost("")]
    public async Task<IActionResult> Confirm(string code, CancellationToken cancellationToken)
    {
        if (links.Verify(code) is not { } userId)
        {
            return Invalid(code);
        }
        await inbox.SetChoiceAsync(userId, NotificationMail.Never, cancellationToken);
        return View("Index", new UnsubscribePageModel(code, true, null));
    }

    [IgnoreAntiforgeryToken]
    [HttpPost("een-klik", Name = UnsubscribeLinks.OneClickRouteName)]
    public async Task<IActionResult> OneClick(string code, CancellationToken cancellationToken)
    {
        if (links.Verify(code) is not { } userId)
        {
            return BadRequest();
        }
        await inbox.SetChoiceAsync(userId, NotificationMail.Never, cancellationToken);
        return Ok();
    }

    private ViewResult Invalid(string code)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", new UnsubscribePageModel(code, false, InvalidMessage));
    }
}
