using Academy.Core.Content.Display;
using Academy.Meldingen.Models;
using Academy.Meldingen.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Academy.Meldingen.Controllers;

public sealed class QuestionPageModel
{
    public required QuestionInput Input { get; init; }
    public required IReadOnlyList<string> Gemeenten { get; init; }
    public required string Stamp { get; init; }
    public FormErrors Errors { get; init; } = new();
}

/// <summary>A page with one message: the 429 page of the throttle.</summary>
public sealed record QuestionMessage(string Heading, string Text);

/// <summary>
/// "Stel je vraag": the public question form (no account needed). A valid question becomes a melding with a reference
/// number and a confirmation mail; spam is kept out by a honeypot field, a minimum fill time and a per-address limit.
/// </summary>
[AllowAnonymous]
[Route("werkcentrum/vraag")]
public sealed class QuestionController(
    MeldingService meldingen,
    RegionChoices region,
    FormStamp stamps,
    IOptions<MeldingenOptions> options) : Controller
{
    private const string ReferenceKey = "melding-nummer";

    [HttpGet("", Name = "Meldingen.Question.Index")]
    public async Task<IActionResult> Index() =>
        View(new QuestionPageModel { Input = new QuestionInput(), Gemeenten = await region.GemeentenAsync(), Stamp = stamps.Issue() });

    [HttpPost("")]
    [EnableRateLimiting(QuestionThrottle.Policy)]
    public async Task<IActionResult> Index(QuestionInput input, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var gemeenten = await region.GemeentenAsync();
        var errors = new FormErrors();
        var valid = QuestionForm.Validate(input, gemeenten, errors);
        if (SpamCheck(input) is { } spam)
        {
            errors.Add(null, spam);
            valid = null;
        }
        if (valid is null)
        {
            input.Website = null;
            return View(new QuestionPageModel { Input = input, Gemeenten = gemeenten, Stamp = stamps.Issue(), Errors = errors });
        }
        TempData[ReferenceKey] = await meldingen.SubmitAsync(valid, cancellationToken);
        return RedirectToRoute("Meldingen.Question.Sent");
    }

    [HttpGet("verstuurd", Name = "Meldingen.Question.Sent")]
    public IActionResult Sent() => View((object?)(TempData[ReferenceKey] as string));

    /// <summary>A Dutch message when the post looks like a program's: honeypot filled, sent too fast, or no valid stamp.</summary>
    private string? SpamCheck(QuestionInput input)
    {
        if (!string.IsNullOrEmpty(input.Website))
        {
            return "We konden je vraag niet versturen. Laat het veld ‘Website’ leeg en verstuur het formulier opnieuw.";
        }
        var age = stamps.Age(input.Stamp);
        if (age is null || age > TimeSpan.FromHours(Math.Max(1, options.Value.MaximumFormAgeHours)))
        {
            return "Het formulier is verlopen. Controleer je gegevens en verstuur het formulier opnieuw.";
        }
        if (age < TimeSpan.FromSeconds(options.Value.MinimumFillSeconds))
        {
            return "Je hebt het formulier erg snel verstuurd. Controleer je gegevens en verstuur het formulier opnieuw.";
        }
        return null;
    }
}
