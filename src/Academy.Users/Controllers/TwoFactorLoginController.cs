using Academy.Users.Services;
using Academy.Users.Services.SignIn;
using Academy.Users.Services.TwoFactor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Academy.Users.Controllers;

public sealed class TwoFactorLoginViewModel
{
    public string? Code { get; set; }
    public string? RecoveryCode { get; set; }
    public bool RememberMe { get; set; }
    public bool RememberMachine { get; set; }
    public string? ReturnUrl { get; set; }
    /// <summary>No password step pending (never there, or older than five minutes): the page says to log in again.</summary>
    public bool Expired { get; set; }
}

/// <summary>
/// The login's second step for accounts with two-step verification: after the right password (AccountController hands
/// over with Identity's two-factor cookie) a code from the app, or one recovery code. Wrong codes count like wrong
/// passwords (<see cref="LoginGuard"/>, per account and client address), and five lock the account for a quarter of
/// an hour (Identity's lockout: whoever got here knew the password).
/// </summary>
[AllowAnonymous]
[Route("account/inloggen/tweestaps")]
public sealed class TwoFactorLoginController(
    SignInManager<AcademyUser> signInManager,
    LoginGuard guard,
    IStringLocalizer<TwoFactorLoginController> T) : Controller
{
    public const string WrongCodeMessage = "De code klopt niet of is verlopen. Na vijf foute codes moet je een kwartier wachten.";

    [HttpGet("", Name = "Users.TwoFactorLogin.Index")]
    public async Task<IActionResult> Index(string? returnUrl, bool rememberMe = false)
    {
        var pending = await signInManager.GetTwoFactorAuthenticationUserAsync() is not null;
        return View(new TwoFactorLoginViewModel { ReturnUrl = LocalOrNull(returnUrl), RememberMe = rememberMe, Expired = !pending });
    }

    [HttpPost("")]
    [EnableRateLimiting(LoginThrottle.Policy)]
    public Task<IActionResult> Index(TwoFactorLoginViewModel model) =>
        SignInAsync(model, nameof(model.Code), AuthenticatorSetup.Clean(model.Code),
            code => signInManager.TwoFactorAuthenticatorSignInAsync(code, model.RememberMe, model.RememberMachine));

    [HttpPost("herstelcode", Name = "Users.TwoFactorLogin.Recovery")]
    [EnableRateLimiting(LoginThrottle.Policy)]
    public Task<IActionResult> Recovery(TwoFactorLoginViewModel model) =>
        SignInAsync(model, nameof(model.RecoveryCode), AuthenticatorSetup.CleanRecoveryCode(model.RecoveryCode),
            code => signInManager.TwoFactorRecoveryCodeSignInAsync(code));

    private async Task<IActionResult> SignInAsync(TwoFactorLoginViewModel model, string field, string code, Func<string, Task<Microsoft.AspNetCore.Identity.SignInResult>> signIn)
    {
        ModelState.Clear();
        model.ReturnUrl = LocalOrNull(model.ReturnUrl);
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            // The first step's cookie is gone (expired after 5 minutes, or never there): start again.
            return RedirectToRoute("Users.Account.Login");
        }
        if (code.Length == 0)
        {
            ModelState.AddModelError(field, T["Vul de code in."]);
            return Form(model);
        }
        var attempt = await guard.BeginAsync("tweestaps:" + user.Id, HttpContext.Connection.RemoteIpAddress, HttpContext.RequestAborted);
        if (attempt.Delay > TimeSpan.Zero)
        {
            await Task.Delay(attempt.Delay, HttpContext.RequestAborted);
        }
        if (attempt.Blocked)
        {
            ModelState.AddModelError(field, T[WrongCodeMessage]);
            return Form(model);
        }
        var result = await signIn(code);
        if (result.Succeeded)
        {
            await guard.ForgetClientFailuresAsync(attempt);
            return LocalRedirect(model.ReturnUrl ?? "/");
        }
        await guard.RecordFailureAsync(attempt);
        ModelState.AddModelError(field, T[WrongCodeMessage]);
        return Form(model);
    }

    private IActionResult Form(TwoFactorLoginViewModel model)
    {
        model.Code = null;
        model.RecoveryCode = null;
        Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest;
        return View(nameof(Index), model);
    }

    private string? LocalOrNull(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : null;
}
