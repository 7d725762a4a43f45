using Academy.Accreditation.Services.Profile;
using Academy.Accreditation.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Academy.Users.Abstractions;

namespace Academy.Accreditation.Controllers;

/// <summary>
/// "Mijn registers": the signed-in professional's numbers in the configured registers and their consent to share
/// numbers and hours with those registers. A post with any wrong number saves nothing and shows what was typed.
/// </summary>
[Authorize]
[Route("mijn-registers")]
public sealed class RegisterProfileController(RegisterProfileService profiles, IStringLocalizer<RegisterProfileController> T) : Controller
{
    private const string NoticeKey = "RegisterProfile.Notice";

    [HttpGet("", Name = "Accreditation.RegisterProfile.Index")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (CurrentUser.From(User) is not { } me)
        {
            return Challenge();
        }
        var profile = await profiles.GetAsync(me.UserId, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return View(new RegisterProfileViewModel
        {
            Fields = profile.Registers.Select(r => new RegisterNumberField(r.Register, r.Number ?? "", Hint(r.Register), null)).ToList(),
            Consent = profile.Consented,
            StoredConsent = profile.Consented,
            ConsentChangedUtc = profile.ConsentChangedUtc,
            Notice = TempData[NoticeKey] as string,
        });
    }

    [HttpPost("")]
    public async Task<IActionResult> Save([FromForm] RegisterProfileInput input, CancellationToken cancellationToken)
    {
        if (CurrentUser.From(User) is not { } me)
        {
            return Challenge();
        }
        var typed = input.Numbers ?? [];
        var result = await profiles.SaveAsync(me.UserId, typed, input.Consent, cancellationToken);
        if (result.Succeeded)
        {
            TempData[NoticeKey] = T["Je registergegevens zijn opgeslagen."].Value;
            return RedirectToRoute("Accreditation.RegisterProfile.Index");
        }

        // Show everything back as typed, with the errors; nothing was saved.
        var profile = await profiles.GetAsync(me.UserId, cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Response.Headers.CacheControl = "no-store";
        return View(nameof(Index), new RegisterProfileViewModel
        {
            Fields = profile.Registers.Select(r => new RegisterNumberField(
                r.Register,
                typed.GetValueOrDefault(r.Register.Id) ?? "",
                Hint(r.Register),
                result.FieldErrors.GetValueOrDefault(r.Register.Id))).ToList(),
            Consent = input.Consent,
            StoredConsent = profile.Consented,
            ConsentChangedUtc = profile.ConsentChangedUtc,
            FormError = result.FormError,
        });
    }

    // The format hint comes from the same place as the validation messages, so the two always agree.
    private static string Hint(Models.RegisterRecord register) => RegisterNumberFormat.Hint(register);
}
