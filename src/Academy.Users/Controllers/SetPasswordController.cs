using Academy.Users.Services;
using Academy.Users.Services.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Academy.Users.Controllers;

public sealed class SetPasswordViewModel
{
    public string? Email { get; set; }
    public string? Token { get; set; }
    public string? ReturnUrl { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
    /// <summary>False when the link is unknown, used or expired: the page explains and shows no form.</summary>
    public bool LinkValid { get; set; } = true;
}

/// <summary>
/// Choosing a password through a link with Identity's password-reset token: for accounts made on someone's
/// behalf (an employer's contact person). The token is single-use: setting the password changes the
/// account's security stamp.
/// </summary>
[AllowAnonymous]
[Route("account/wachtwoord-instellen")]
public sealed class SetPasswordController(
    UserManager<AcademyUser> userManager,
    SignInManager<AcademyUser> signInManager,
    UserSessions sessions,
    IStringLocalizer<SetPasswordController> T) : Controller
{
    public const int MinimumLength = 12;

    [HttpGet("", Name = "Users.SetPassword.Index")]
    public async Task<IActionResult> Index(string? email, string? token, string? returnUrl)
    {
        var model = new SetPasswordViewModel { Email = email, Token = token, ReturnUrl = LocalOrNull(returnUrl) };
        var user = await FindUserAsync(email, token);
        model.LinkValid = user is not null && await userManager.VerifyUserTokenAsync(user,
            userManager.Options.Tokens.PasswordResetTokenProvider, UserManager<AcademyUser>.ResetPasswordTokenPurpose, token!);
        return Form(model);
    }

    [HttpPost("")]
    public async Task<IActionResult> Index(SetPasswordViewModel model)
    {
        ModelState.Clear();
        model.ReturnUrl = LocalOrNull(model.ReturnUrl);
        if (string.IsNullOrEmpty(model.Password))
        {
            ModelState.AddModelError(nameof(model.Password), T["Vul een wachtwoord in."]);
        }
        else if (model.Password.Length < MinimumLength)
        {
            ModelState.AddModelError(nameof(model.Password), T["Kies een wachtwoord van minstens {0} tekens.", MinimumLength]);
        }
        if (string.IsNullOrEmpty(model.ConfirmPassword))
        {
            ModelState.AddModelError(nameof(model.ConfirmPassword), T["Vul het wachtwoord nog een keer in."]);
        }
        else if (!string.IsNullOrEmpty(model.Password) && model.Password != model.ConfirmPassword)
        {
            ModelState.AddModelError(nameof(model.ConfirmPassword), T["De twee wachtwoorden zijn niet gelijk."]);
        }

        var user = await FindUserAsync(model.Email, model.Token);
        if (user is null)
        {
            model.LinkValid = false;
            return Form(model);
        }
        if (!ModelState.IsValid)
        {
            return Form(model);
        }

        var result = await userManager.ResetPasswordAsync(user, model.Token!, model.Password!);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                model.LinkValid = false;
            }
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(model.Password), error.Description);
            }
            return Form(model);
        }

        // A new password ends every other session of the account (their cookies also fail the new security stamp).
        await sessions.EndAllAsync(user.Id);
        await signInManager.SignInAsync(user, isPersistent: false);
        return LocalRedirect(model.ReturnUrl ?? "/");
    }

    private async Task<AcademyUser?> FindUserAsync(string? email, string? token) =>
        string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(token) ? null : await userManager.FindByEmailAsync(email.Trim());

    private IActionResult Form(SetPasswordViewModel model)
    {
        model.Password = null;
        model.ConfirmPassword = null;
        if (!model.LinkValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return View("SetPassword", model);
    }

    private string? LocalOrNull(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : null;
}
