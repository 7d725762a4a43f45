using Academy.Core.Settings;
using Academy.Users.Services.TwoFactor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Academy.Users.Controllers;

public sealed class TwoFactorViewModel
{
    public bool Enabled { get; init; }
    /// <summary>Sent here by the /admin requirement.</summary>
    public bool Required { get; init; }
    public string? ReturnUrl { get; init; }
    public string? ReadableKey { get; init; }
    public string? QrDataUri { get; init; }
    public int RecoveryCodesLeft { get; init; }
    /// <summary>Shown once, right after they were made.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; init; }
    public string? CodeError { get; init; }
    public string? Notice { get; init; }
}

/// <summary>
/// Two-step verification with an authenticator app (TOTP, Identity's authenticator token provider): set it up with
/// the QR code or the key, confirm with a code, keep the 10 recovery codes (shown once; new ones on request) and
/// switch it off with a code. Required for staff before /admin (<see cref="StaffTwoFactorRequirement"/>).
/// </summary>
[Authorize]
[Route("account/tweestapsverificatie")]
public sealed class TwoFactorController(
    UserManager<AcademyUser> userManager,
    SignInManager<AcademyUser> signInManager,
    DocumentStore documents,
    IOptions<TwoFactorOptions> options,
    IStringLocalizer<TwoFactorController> T) : Controller
{
    private const string NoticeKey = "TwoFactor.Notice";

    [HttpGet("", Name = "Users.TwoFactor.Index")]
    public async Task<IActionResult> Index(bool verplicht = false, string? returnUrl = null) =>
        await Page(await CurrentAsync(), verplicht, LocalOrNull(returnUrl), null, TempData[NoticeKey] as string);

    [HttpPost("inschakelen", Name = "Users.TwoFactor.Enable")]
    public async Task<IActionResult> Enable(string? code, string? returnUrl)
    {
        var user = await CurrentAsync();
        returnUrl = LocalOrNull(returnUrl);
        if (user.TwoFactorEnabled)
        {
            return RedirectToRoute("Users.TwoFactor.Index");
        }
        if (!await VerifyAsync(user, code))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await Page(user, returnUrl is not null, returnUrl, T["De code klopt niet. Vul de zes cijfers in die de app nu toont."], null);
        }
        await userManager.SetTwoFactorEnabledAsync(user, true);
        var codes = await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, AuthenticatorSetup.RecoveryCodeCount);
        // The new security stamp would end this session at its next check: sign in again with it.
        await signInManager.RefreshSignInAsync(user);
        return ShowCodes(codes!, T["Tweestapsverificatie staat aan."], returnUrl);
    }

    [HttpPost("herstelcodes", Name = "Users.TwoFactor.RecoveryCodes")]
    public async Task<IActionResult> RecoveryCodes()
    {
        var user = await CurrentAsync();
        if (!user.TwoFactorEnabled)
        {
            return RedirectToRoute("Users.TwoFactor.Index");
        }
        var codes = await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, AuthenticatorSetup.RecoveryCodeCount);
        return ShowCodes(codes!, T["Je hebt nieuwe herstelcodes. De oude werken niet meer."], null);
    }

    [HttpPost("uitschakelen", Name = "Users.TwoFactor.Disable")]
    public async Task<IActionResult> Disable(string? code)
    {
        var user = await CurrentAsync();
        if (!user.TwoFactorEnabled)
        {
            return RedirectToRoute("Users.TwoFactor.Index");
        }
        if (!await VerifyAsync(user, code))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await Page(user, false, null, T["De code klopt niet. Vul de zes cijfers in die de app nu toont."], null);
        }
        await userManager.SetTwoFactorEnabledAsync(user, false);
        // A new key: the app's old entry stops working, and a new set-up starts clean.
        await userManager.ResetAuthenticatorKeyAsync(user);
        await signInManager.RefreshSignInAsync(user);
        TempData[NoticeKey] = T["Tweestapsverificatie staat uit."].Value;
        return RedirectToRoute("Users.TwoFactor.Index");
    }

    private async Task<AcademyUser> CurrentAsync() =>
        await userManager.GetUserAsync(User) ?? throw new InvalidOperationException("Signed in without an account.");

    private async Task<bool> VerifyAsync(AcademyUser user, string? code)
    {
        var cleaned = AuthenticatorSetup.Clean(code);
        return cleaned.Length == 6 && cleaned.All(char.IsAsciiDigit)
            && await userManager.VerifyTwoFactorTokenAsync(user, userManager.Options.Tokens.AuthenticatorTokenProvider, cleaned);
    }

    private IActionResult ShowCodes(IEnumerable<string> codes, string notice, string? returnUrl)
    {
        Response.Headers.CacheControl = "no-store";
        return View("Index", new TwoFactorViewModel
        {
            Enabled = true,
            RecoveryCodes = codes.ToList(),
            RecoveryCodesLeft = AuthenticatorSetup.RecoveryCodeCount,
            Notice = notice,
            ReturnUrl = returnUrl,
        });
    }

    private async Task<IActionResult> Page(AcademyUser user, bool required, string? returnUrl, string? codeError, string? notice)
    {
        Response.Headers.CacheControl = "no-store";
        if (user.TwoFactorEnabled)
        {
            return View("Index", new TwoFactorViewModel
            {
                Enabled = true,
                RecoveryCodesLeft = await userManager.CountRecoveryCodesAsync(user),
                CodeError = codeError,
                Notice = notice,
            });
        }
        var key = await userManager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await userManager.ResetAuthenticatorKeyAsync(user);
            await signInManager.RefreshSignInAsync(user);
            key = await userManager.GetAuthenticatorKeyAsync(user);
        }
        var site = await documents.GetSiteSettingsAsync();
        return View("Index", new TwoFactorViewModel
        {
            Required = required || options.Value.StaffRoles.Any(User.IsInRole),
            ReturnUrl = returnUrl,
            ReadableKey = AuthenticatorSetup.Readable(key!),
            QrDataUri = AuthenticatorSetup.QrDataUri(AuthenticatorSetup.Uri(site.SiteName, user.Email ?? user.UserName ?? "", key!)),
            CodeError = codeError,
            Notice = notice,
        });
    }

    private string? LocalOrNull(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : null;
}
