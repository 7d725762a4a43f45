using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Academy.Users.Controllers;

public sealed class LoginViewModel
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public bool RememberMe { get; set; }
    public string? ReturnUrl { get; set; }
}

/// <summary>Logging in and out, and the page shown when a signed-in user lacks a permission.</summary>
[AllowAnonymous]
[Route("account")]
public sealed class AccountController(
    SignInManager<AcademyUser> signInManager,
    UserManager<AcademyUser> userManager,
    IOptions<IdentityOptions> identityOptions,
    IStringLocalizer<AccountController> T) : Controller
{
    /// <summary>A hash to verify against when the e-mail address is unknown, so both cases take as long.</summary>
    private static string? s_dummyHash;

    [HttpGet("inloggen")]
    public IActionResult Login(string? returnUrl)
    {
        return View(new LoginViewModel { ReturnUrl = LocalOrNull(returnUrl) });
    }

    [HttpPost("inloggen")]
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

        var user = await userManager.FindByEmailAsync(model.Email!) ?? await userManager.FindByNameAsync(model.Email!);
        if (user is null)
        {
            s_dummyHash ??= userManager.PasswordHasher.HashPassword(new AcademyUser(), Guid.NewGuid().ToString());
            userManager.PasswordHasher.VerifyHashedPassword(new AcademyUser(), s_dummyHash, model.Password!);
            ModelState.AddModelError("", T["E-mailadres of wachtwoord is onjuist."]);
            return LoginForm(model);
        }

        var result = await signInManager.PasswordSignInAsync(user, model.Password!, model.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(model.ReturnUrl ?? "/");
        }
        if (result.IsLockedOut)
        {
            var minutes = (int)Math.Ceiling(identityOptions.Value.Lockout.DefaultLockoutTimeSpan.TotalMinutes);
            ModelState.AddModelError("", T["Te veel mislukte pogingen. Probeer het over {0} minuten opnieuw.", minutes]);
        }
        else if (result.IsNotAllowed)
        {
            ModelState.AddModelError("", T["Je account is nog niet geactiveerd. Neem contact op met de beheerder."]);
        }
        else
        {
            ModelState.AddModelError("", T["E-mailadres of wachtwoord is onjuist."]);
        }
        return LoginForm(model);
    }

    [HttpGet("uitloggen")]
    public IActionResult Logout() => View();

    [HttpPost("uitloggen")]
    [ActionName(nameof(Logout))]
    public async Task<IActionResult> LogoutPost()
    {
        await signInManager.SignOutAsync();
        return LocalRedirect("/");
    }

    [HttpGet("geen-toegang")]
    public IActionResult AccessDenied(string? returnUrl)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        ViewData["ReturnUrl"] = LocalOrNull(returnUrl);
        return View();
    }

    private IActionResult LoginForm(LoginViewModel model)
    {
        model.Password = null;
        return View(nameof(Login), model);
    }

    private string? LocalOrNull(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : null;
}
