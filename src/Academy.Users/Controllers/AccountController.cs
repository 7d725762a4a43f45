using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Academy.Users.Services;
using Academy.Users.Services.Accounts;
using Academy.Users.Services.SignIn;

namespace Academy.Users.Controllers;

public sealed class LoginViewModel
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public bool RememberMe { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class LogoutViewModel
{
    /// <summary>Browsers and devices where the account is signed in (this one included).</summary>
    public int SessionCount { get; init; }
    /// <summary>Shown after "overal uitloggen".</summary>
    public bool LoggedOutEverywhere { get; init; }
}

/// <summary>Logging in and out, and the page shown when a signed-in user lacks a permission.</summary>
[AllowAnonymous]
[Route("account")]
public sealed class AccountController(
    SignInManager<AcademyUser> signInManager,
    UserManager<AcademyUser> userManager,
    UserSessions sessions,
    LoginGuard guard,
    RegistrationService registrations,
    IStringLocalizer<AccountController> T) : Controller
{
    /// <summary>Shown for every failed sign-in; five failures from one address stop tries from there for 15 minutes (<see cref="LoginGuard"/>).</summary>
    public const string FailedMessage = "E-mailadres of wachtwoord is onjuist. Na vijf mislukte pogingen moet je een kwartier wachten voordat je het opnieuw kunt proberen.";

    /// <summary>A hash to verify against when the e-mail address is unknown, so both cases take as long.</summary>
    private static string? s_dummyHash;

    [HttpGet("inloggen", Name = "Users.Account.Login")]
    public IActionResult Login(string? returnUrl)
    {
        return View(new LoginViewModel { ReturnUrl = LocalOrNull(returnUrl) });
    }

    [HttpPost("inloggen")]
    [EnableRateLimiting(LoginThrottle.Policy)]
    public async Task<IActionResult> Login(LoginViewModel model)
    {
        ModelState.Clear();
        model.ReturnUrl = LocalOrNull(model.ReturnUrl);
        model.Email = model.Email?.Trim();
        if (string.IsNullOrEmpty(model.Email))
        {
            ModelState.AddModelError(nameof(model.Email), T["Vul je e-mailadres in."]);
        }
        if (string.IsNullOrEmpty(model.Password))
        {
            ModelState.AddModelError(nameof(model.Password), T["Vul je wachtwoord in."]);
        }
        if (!ModelState.IsValid)
        {
            return LoginForm(model);
        }

        // Counted per typed name, known account or not, so every answer and wait is the same for both.
        var attempt = await guard.BeginAsync(model.Email!, HttpContext.Connection.RemoteIpAddress, HttpContext.RequestAborted);
        if (attempt.Delay > TimeSpan.Zero)
        {
            await Task.Delay(attempt.Delay, HttpContext.RequestAborted);
        }
        if (attempt.Blocked)
        {
            // Five wrong passwords from this address: no more tries from here for a while. Verify a hash anyway so
            // the answer takes as long (and reads the same) as a wrong password.
            VerifyDummyHash(model.Password!);
            return SignInFailed(model);
        }

        var user = await userManager.FindByEmailAsync(model.Email!) ?? await userManager.FindByNameAsync(model.Email!);
        if (user is null || await userManager.IsLockedOutAsync(user))
        {
            // Unknown, or locked by an administrator (Identity refuses before looking at the password).
            VerifyDummyHash(model.Password!);
            await guard.RecordFailureAsync(attempt);
            return SignInFailed(model);
        }

        // Identity's own lockout is account-wide (anyone could lock anyone out); the guard counts per address instead.
        var result = await signInManager.PasswordSignInAsync(user, model.Password!, model.RememberMe, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await guard.ForgetClientFailuresAsync(attempt);
            return LocalRedirect(model.ReturnUrl ?? "/");
        }
        if (result.RequiresTwoFactor)
        {
            // The password was right; the second step (TwoFactorLoginController) asks for the code.
            await guard.ForgetClientFailuresAsync(attempt);
            return RedirectToRoute("Users.TwoFactorLogin.Index", new { returnUrl = model.ReturnUrl, rememberMe = model.RememberMe });
        }
        if (result.IsNotAllowed)
        {
            // A self-registration not yet confirmed or approved: Identity refused before checking the password. Only
            // whoever knows the password hears why; anyone else gets the answer of a wrong password.
            if (await userManager.CheckPasswordAsync(user, model.Password!)
                && RegistrationSignInGate.RefusalMessage(await registrations.StatusAsync(user.Id)) is { } refusal)
            {
                ModelState.AddModelError("", T[refusal]);
                return LoginForm(model);
            }
        }
        // Wrong password or not allowed: the same answer as for an unknown address.
        await guard.RecordFailureAsync(attempt);
        return SignInFailed(model);
    }

    [HttpGet("uitloggen", Name = "Users.Account.Logout")]
    public async Task<IActionResult> Logout(bool overal = false)
    {
        var userId = userManager.GetUserId(User);
        return View(new LogoutViewModel
        {
            SessionCount = userId is null ? 0 : await sessions.CountAsync(userId),
            LoggedOutEverywhere = overal && userId is null,
        });
    }

    [HttpPost("uitloggen")]
    [ActionName(nameof(Logout))]
    public async Task<IActionResult> LogoutPost()
    {
        await signInManager.SignOutAsync();
        return LocalRedirect(Url.Content("~/"));
    }

    /// <summary>"Overal uitloggen": ends every session of the account, on every browser and device, this one too.</summary>
    [HttpPost("overal-uitloggen", Name = "Users.Account.LogoutEverywhere")]
    public async Task<IActionResult> LogoutEverywhere()
    {
        var userId = userManager.GetUserId(User);
        if (userId is null)
        {
            return RedirectToAction(nameof(Logout));
        }
        await sessions.EndAllAsync(userId);
        await signInManager.SignOutAsync();
        return RedirectToAction(nameof(Logout), new { overal = true });
    }

    [HttpGet("geen-toegang", Name = "Users.Account.AccessDenied")]
    public IActionResult AccessDenied(string? returnUrl)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        ViewData["ReturnUrl"] = LocalOrNull(returnUrl);
        return View();
    }

    /// <summary>
    /// The one answer to every failed sign-in, whether the address is unknown, the password wrong or the
    /// tries from this address used up, so the form does not tell which accounts exist.
    /// </summary>
    private IActionResult SignInFailed(LoginViewModel model)
    {
        ModelState.AddModelError("", T[FailedMessage]);
        return LoginForm(model);
    }

    private void VerifyDummyHash(string password)
    {
        s_dummyHash ??= userManager.PasswordHasher.HashPassword(new AcademyUser(), Guid.NewGuid().ToString());
        userManager.PasswordHasher.VerifyHashedPassword(new AcademyUser(), s_dummyHash, password);
    }

    private IActionResult LoginForm(LoginViewModel model)
    {
        model.Password = null;
        return View(nameof(Login), model);
    }

    private string? LocalOrNull(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : null;
}
