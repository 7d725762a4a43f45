using Academy.Core.Data;
using Academy.Users.Services;
using Academy.Users.Services.Accounts;
using Academy.Users.Services.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Academy.Users.Controllers;

public sealed class ForgotPasswordViewModel
{
    public string? Email { get; set; }
}

public sealed class ResetPasswordViewModel
{
    public string? Id { get; set; }
    public string? Token { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
    /// <summary>False when the link is unknown, used or expired: the page explains and shows no form.</summary>
    public bool LinkValid { get; set; } = true;
    /// <summary>True after the new password was saved.</summary>
    public bool Done { get; set; }
}

public sealed class ChangePasswordViewModel
{
    public string? CurrentPassword { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
    public bool Done { get; set; }
}

/// <summary>
/// "Wachtwoord vergeten" (a mailed link that works once and expires; the same answer for every address) and
/// "wachtwoord wijzigen" when signed in. A new password ends every other session of the account.
/// </summary>
[Route("account")]
public sealed class PasswordController(
    UserManager<AcademyUser> users,
    SignInManager<AcademyUser> signIn,
    UserSessions sessions,
    UnitOfWork unitOfWork,
    AccountMails mails,
    AccountForms forms,
    IStringLocalizer<PasswordController> T) : Controller
{
    [AllowAnonymous]
    [HttpGet("wachtwoord-vergeten", Name = AccountRoutes.ForgotPassword)]
    public IActionResult Forgot() => View(new ForgotPasswordViewModel());

    [AllowAnonymous]
    [HttpPost("wachtwoord-vergeten")]
    [EnableRateLimiting(LoginThrottle.Policy)]
    public async Task<IActionResult> Forgot(ForgotPasswordViewModel model)
    {
        ModelState.Clear();
        var (email, error) = AccountForms.CheckEmail(model.Email);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(model.Email), T[error]);
            return View(model);
        }
        await forms.SteadyAsync(async () =>
        {
            if (await users.FindByEmailAsync(email) is { } user)
            {
                await unitOfWork.RunAsync(() => mails.ResetPasswordAsync(user), HttpContext.RequestAborted);
            }
        }, HttpContext.RequestAborted);
        return RedirectToRoute(AccountRoutes.ForgotPasswordSent);
    }

    [AllowAnonymous]
    [HttpGet("wachtwoord-vergeten/verstuurd", Name = AccountRoutes.ForgotPasswordSent)]
    public IActionResult ForgotSent() => View();

    [AllowAnonymous]
    [HttpGet("wachtwoord-herstellen", Name = AccountRoutes.ResetPassword)]
    public async Task<IActionResult> Reset(string? id, string? token)
    {
        var model = new ResetPasswordViewModel { Id = id, Token = token };
        model.LinkValid = await ValidResetUserAsync(id, token) is not null;
        return ResetForm(model);
    }

    [AllowAnonymous]
    [HttpPost("wachtwoord-herstellen")]
    public async Task<IActionResult> Reset(ResetPasswordViewModel model)
    {
        ModelState.Clear();
        var user = await ValidResetUserAsync(model.Id, model.Token);
        if (user is null)
        {
            model.LinkValid = false;
            return ResetForm(model);
        }
        await CheckNewPasswordAsync(user, model.Password, model.ConfirmPassword);
        if (!ModelState.IsValid)
        {
            return ResetForm(model);
        }
        // The mailed token proved the mailbox; Identity's own reset token does the change (and the new security stamp).
        var saved = await SavePasswordAsync(user,
            async () => await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), model.Password!));
        if (!saved)
        {
            return ResetForm(model);
        }
        await sessions.EndAllAsync(user.Id);
        model.Done = true;
        return ResetForm(model);
    }

    [Authorize]
    [HttpGet("wachtwoord-wijzigen", Name = AccountRoutes.ChangePassword)]
    public IActionResult Change() => View(new ChangePasswordViewModel());

    [Authorize]
    [HttpPost("wachtwoord-wijzigen")]
    public async Task<IActionResult> Change(ChangePasswordViewModel model)
    {
        ModelState.Clear();
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (string.IsNullOrEmpty(model.CurrentPassword))
        {
            ModelState.AddModelError(nameof(model.CurrentPassword), T["Vul je huidige wachtwoord in."]);
        }
        else if (!await users.CheckPasswordAsync(user, model.CurrentPassword))
        {
            ModelState.AddModelError(nameof(model.CurrentPassword), T["Je huidige wachtwoord is niet juist."]);
        }
        await CheckNewPasswordAsync(user, model.Password, model.ConfirmPassword);
        if (ModelState.IsValid)
        {
            var saved = await SavePasswordAsync(user, () => users.ChangePasswordAsync(user, model.CurrentPassword!, model.Password!));
            if (saved)
            {
                // The new security stamp ends the other sessions; this browser gets a fresh one.
                await sessions.EndAllAsync(user.Id);
                await signIn.SignInAsync(user, isPersistent: false);
                model.Done = true;
            }
        }
        model.CurrentPassword = model.Password = model.ConfirmPassword = null;
        return View(model);
    }

    private async Task<AcademyUser?> ValidResetUserAsync(string? id, string? token)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(token) || await users.FindByIdAsync(id) is not { } user)
        {
            return null;
        }
        return await users.VerifyUserTokenAsync(user, AccountTokenProvider.Name, AccountTokenProvider.PasswordResetPurpose, token) ? user : null;
    }

    private async Task CheckNewPasswordAsync(AcademyUser user, string? password, string? confirm)
    {
        foreach (var error in await forms.CheckNewPasswordAsync(user, password))
        {
            ModelState.AddModelError(nameof(ResetPasswordViewModel.Password), T[error]);
        }
        if (string.IsNullOrEmpty(confirm))
        {
            ModelState.AddModelError(nameof(ResetPasswordViewModel.ConfirmPassword), T["Vul het wachtwoord nog een keer in."]);
        }
        else if (!string.IsNullOrEmpty(password) && password != confirm)
        {
            ModelState.AddModelError(nameof(ResetPasswordViewModel.ConfirmPassword), T["De twee wachtwoorden zijn niet gelijk."]);
        }
    }

    /// <summary>
    /// Makes the change through Identity and queues the "wachtwoord gewijzigd" mail in the same transaction; a refusal
    /// (Identity's password rules) becomes the form's errors and changes nothing.
    /// </summary>
    private Task<bool> SavePasswordAsync(AcademyUser user, Func<Task<IdentityResult>> change) =>
        unitOfWork.RunAsync(async () =>
        {
            var result = await change();
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError(nameof(ResetPasswordViewModel.Password), error.Description);
                }
                return WorkOutcome<bool>.Discard(false);
            }
            await mails.PasswordChangedAsync(user);
            return WorkOutcome<bool>.Keep(true);
        }, onConflict: null, HttpContext.RequestAborted);

    private IActionResult ResetForm(ResetPasswordViewModel model)
    {
        model.Password = model.ConfirmPassword = null;
        if (!model.LinkValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return View(nameof(Reset), model);
    }
}
