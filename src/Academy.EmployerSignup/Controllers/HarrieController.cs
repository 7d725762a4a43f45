using Academy.Core.Data;
using Academy.Core.Security;
using Academy.EmployerSignup.Models;
using Academy.EmployerSignup.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Academy.EmployerSignup.Controllers;

public sealed class SignupPageModel
{
    public required SignupInput Input { get; init; }
    public required IReadOnlyList<HarrieEdition> Editions { get; init; }
    public FormErrors Errors { get; init; } = new();
    public required EmployerSignupOptions Options { get; init; }
    /// <summary>Employee rows to render: at least the maximum, more when a (forged) post sent more, so nothing is lost.</summary>
    public int RowCount => Math.Max(Options.MaxParticipants, Input.Employees.Count);
}

/// <param name="Heading">The page's h1.</param>
/// <param name="Text">The explanation under it.</param>
/// <param name="Token">When set, the page shows the confirm button for this token.</param>
public sealed record SignupMessageModel(string Heading, string Text, string? Token = null, EmployerSignupRecord? Signup = null, bool IsError = false);

/// <summary>
/// The public HARRIE sign-up for employers: the form (no account needed), the "check your e-mail" page and
/// the confirmation link from the mail.
/// </summary>
[AllowAnonymous]
[Route("harrie")]
public sealed class HarrieController(
    HarrieEditions editions,
    EmployerSignupService signups,
    SignupTokens tokens,
    IOptions<EmployerSignupOptions> options,
    TimeProvider clock) : Controller
{
    [HttpGet("", Name = "EmployerSignup.Harrie.Index")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new SignupPageModel { Input = new SignupInput(), Editions = await editions.AvailableAsync(cancellationToken), Options = options.Value });

    [HttpPost("")]
    [EnableRateLimiting(SignupThrottle.Policy)]
    public async Task<IActionResult> Index(SignupInput input, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        input.Employees ??= [];
        var available = await editions.AvailableAsync(cancellationToken);
        var errors = new FormErrors();
        var valid = SignupValidator.Validate(input, available.Select(e => e.Edition.EditionId).ToList(), options.Value.MaxParticipants, errors);
        if (valid is not null)
        {
            var edition = available.First(e => e.Edition.EditionId == valid.EditionId).Edition;
            var address = HttpContext.Connection.RemoteIpAddress;
            var result = await signups.SubmitAsync(valid, edition, address is null ? null : ClientThrottle.ClientKey(address), cancellationToken);
            if (result.SignupId is not null)
            {
                return RedirectToAction(nameof(CheckEmail));
            }
            errors.Add(result.Field, result.Error!);
            available = await editions.AvailableAsync(cancellationToken);
        }
        return View(new SignupPageModel { Input = input, Editions = available, Errors = errors, Options = options.Value });
    }

    [HttpGet("controleer-je-email", Name = "EmployerSignup.Harrie.CheckEmail")]
    public IActionResult CheckEmail() => View(options.Value);

    [HttpGet("bevestigen/{token}", Name = "EmployerSignup.Harrie.Confirm")]
    public async Task<IActionResult> Confirm(string token, bool bevestigd, CancellationToken cancellationToken)
    {
        if (tokens.Read(token) is not { } signupId)
        {
            return InvalidLink();
        }
        var signup = await signups.FindAsync(signupId, cancellationToken);
        if (signup is null)
        {
            return Message(StatusCodes.Status404NotFound, Unknown);
        }
        return signup.Status switch
        {
            EmployerSignupStatus.Confirmed => Message(StatusCodes.Status200OK, bevestigd ? Confirmed(signup) : AlreadyConfirmed(signup)),
            EmployerSignupStatus.Cancelled => Message(StatusCodes.Status410Gone, Cancelled),
            EmployerSignupStatus.Expired => Message(StatusCodes.Status410Gone, Expired),
            EmployerSignupStatus.Released => Message(StatusCodes.Status410Gone, Released),
            _ when clock.GetUtcNow().UtcDateTime >= UtcDates.AsUtc(signup.ExpiresUtc) => Message(StatusCodes.Status410Gone, Expired),
            _ => View("Confirm", new SignupMessageModel("Aanmelding bevestigen",
                "Bevestig de aanmelding van je medewerkers voor de HARRIE-training. Daarna zijn hun plaatsen vast en krijgen zij een uitnodiging per e-mail.",
                token, signup)),
        };
    }

    [HttpPost("bevestigen/{token}")]
    [ActionName(nameof(Confirm))]
    public async Task<IActionResult> ConfirmPost(string token, CancellationToken cancellationToken)
    {
        if (tokens.Read(token) is not { } signupId)
        {
            return InvalidLink();
        }
        var outcome = await signups.ConfirmAsync(signupId, cancellationToken);
        return outcome switch
        {
            ConfirmOutcome.Confirmed => RedirectToAction(nameof(Confirm), new { token, bevestigd = true }),
            ConfirmOutcome.AlreadyConfirmed => Message(StatusCodes.Status200OK, AlreadyConfirmed(await signups.FindAsync(signupId, cancellationToken))),
            ConfirmOutcome.Cancelled => Message(StatusCodes.Status410Gone, Cancelled),
            ConfirmOutcome.Expired => Message(StatusCodes.Status410Gone, Expired),
            ConfirmOutcome.Released => Message(StatusCodes.Status410Gone, Released),
            _ => Message(StatusCodes.Status404NotFound, Unknown),
        };
    }

    private static SignupMessageModel Confirmed(EmployerSignupRecord signup) => new("Aanmelding bevestigd",
        $"Bedankt! De aanmelding van {signup.OrganisationName} is bevestigd. Je medewerkers krijgen een uitnodiging per e-mail. Je ontvangt zelf een e-mail met een link om een wachtwoord te kiezen, zodat je de aanmelding later kunt bekijken en medewerkers kunt vervangen of afmelden.");

    private static SignupMessageModel AlreadyConfirmed(EmployerSignupRecord? signup) => new("Aanmelding al bevestigd",
        "Deze aanmelding was al bevestigd; er is niets veranderd. Log in om de aanmelding te bekijken of medewerkers te vervangen of af te melden.", Signup: signup);

    private static readonly SignupMessageModel Expired = new("Aanmelding verlopen",
        "Deze aanmelding is niet op tijd bevestigd. De gereserveerde plaatsen zijn weer vrijgegeven. Je kunt je medewerkers opnieuw aanmelden.", IsError: true);

    private static readonly SignupMessageModel Released = new("Reservering vrijgegeven",
        "De leeracademie heeft de gereserveerde plaatsen van deze aanmelding vrijgegeven. Je kunt je medewerkers opnieuw aanmelden.", IsError: true);

    private static readonly SignupMessageModel Cancelled = new("Aanmelding geannuleerd",
        "Deze aanmelding is geannuleerd en kan niet meer worden bevestigd. Je kunt je medewerkers opnieuw aanmelden.", IsError: true);

    private static readonly SignupMessageModel Unknown = new("Aanmelding niet gevonden",
        "We kunnen deze aanmelding niet vinden. Misschien is de link onvolledig gekopieerd. Meld je medewerkers opnieuw aan als het probleem blijft.", IsError: true);

    /// <summary>A token that was altered or is not ours: a 400 page, and nothing changes.</summary>
    private IActionResult InvalidLink() => Message(StatusCodes.Status400BadRequest, new SignupMessageModel("Ongeldige link",
        "Deze bevestigingslink klopt niet. Gebruik de link uit de e-mail precies zoals hij is, of meld je medewerkers opnieuw aan.", IsError: true));

    private IActionResult Message(int status, SignupMessageModel model)
    {
        Response.StatusCode = status;
        return View("Message", model);
    }
}
