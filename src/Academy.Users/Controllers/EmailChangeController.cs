using Academy.Core.Data;
using Academy.Users.Services.Accounts;
using Academy.Users.Services.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Academy.Users.Controllers;

public sealed class ChangeEmailViewModel
{
    public string? CurrentEmail { get; set; }
    public string? NewEmail { get; set; }
    public string? CurrentPassword { get; set; }
    /// <summary>The address a confirmation link was sent to (after the form was sent).</summary>
    public string? SentTo { get; set; }
}

public sealed record ConfirmNewEmailViewModel(string? Id, string? Email, string? Token, bool LinkValid, bool Done);

/// <summary>
/// Changing the account's e-mail address: the new address is confirmed through a mailed link before it counts, the old
/// one gets a notice, and every session ends (the security stamp changes). An address that belongs to another account
/// gets the same answer and no mail to the requester.
/// </summary>
[Route("account/e-mail-wijzigen")]
public sealed class EmailChangeController(
    UserManager<AcademyUser> users,
    UserSessions sessions,
    UnitOfWork unitOfWork,
    AccountMails mails,
    AccountForms forms,
    IStringLocalizer<EmailChangeController> T) : Controller
{
    [Authorize]
    [HttpGet("", Name = AccountRoutes.ChangeEmail)]
    public async Task<IActionResult> Change() =>
        await users.GetUserAsync(User) is { } user ? View(new ChangeEmailViewModel { CurrentEmail = user.Email }) : Challenge();

    [Authorize]
    [HttpPost("")]
    public async Task<IActionResult> Change(ChangeEmailViewModel model)
    {
        ModelState.Clear();
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        model.CurrentEmail = user.Email;
        var (email, error) = AccountForms.CheckEmail(model.NewEmail);
        model.NewEmail = email;
        if (error is not null)
        {
            ModelState.AddModelError(nameof(model.NewEmail), T[error.Replace("je e-mailadres", "je nieuwe e-mailadres", StringComparison.Ordinal)]);
        }
        else if (string.Equals(email, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(model.NewEmail), T["Dit is al het e-mailadres van je account."]);
        }
        if (string.IsNullOrEmpty(model.CurrentPassword))
        {
            ModelState.AddModelError(nameof(model.CurrentPassword), T["Vul je wachtwoord in."]);
        }
        else if (!await users.CheckPasswordAsync(user, model.CurrentPassword))
        {
            ModelState.AddModelError(nameof(model.CurrentPassword), T["Je wachtwoord is niet juist."]);
        }
        model.CurrentPassword = null;
        if (!ModelState.IsValid)
        {
            return View(model);
        }
        await forms.SteadyAsync(async () =>
        {
            if (await users.FindByEmailAsync(email) is null)
            {
                await unitOfWork.RunAsync(() => mails.ConfirmNewEmailAsync(user, email), HttpContext.RequestAborted);
            }
        }, HttpContext.RequestAborted);
        model.SentTo = email;
        return View(model);
    }

    /// <summary>The link in the mail opens a page with a button, so a mail scanner that follows links changes nothing.</summary>
    [AllowAnonymous]
    [HttpGet("bevestigen", Name = AccountRoutes.ConfirmNewEmail)]
    public async Task<IActionResult> Confirm(string? id, string? email, string? token)
    {
        var user = await FindAsync(id, email, token);
        var valid = user is not null && await users.VerifyUserTokenAsync(user, users.Options.Tokens.ChangeEmailTokenProvider,
            "ChangeEmail:" + email, token!);
        return ConfirmPage(new ConfirmNewEmailViewModel(id, email, token, valid, Done: false));
    }

    [AllowAnonymous]
    [HttpPost("bevestigen")]
    public async Task<IActionResult> ConfirmPost(string? id, string? email, string? token)
    {
        var user = await FindAsync(id, email, token);
        if (user is null)
        {
            return ConfirmPage(new ConfirmNewEmailViewModel(null, null, null, LinkValid: false, Done: false));
        }
        var oldEmail = user.Email!;
        var changed = await unitOfWork.RunAsync(async () =>
        {
            // Checks the token (with the old security stamp) and that no account has the address meanwhile.
            if (!(await users.ChangeEmailAsync(user, email!, token!)).Succeeded)
            {
                return WorkOutcome<bool>.Discard(false);
            }
            if (string.Equals(user.UserName, oldEmail, StringComparison.OrdinalIgnoreCase)
                && !(await users.SetUserNameAsync(user, email)).Succeeded)
            {
                return WorkOutcome<bool>.Discard(false);
            }
            await mails.EmailChangedAsync(oldEmail, user);
            return WorkOutcome<bool>.Keep(true);
        }, onConflict: _ => false, HttpContext.RequestAborted);
        if (changed)
        {
            await sessions.EndAllAsync(user.Id);
        }
        return ConfirmPage(new ConfirmNewEmailViewModel(null, changed ? email : null, null, LinkValid: changed, Done: changed));
    }

    private async Task<AcademyUser?> FindAsync(string? id, string? email, string? token) =>
        string.IsNullOrEmpty(id) || string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(token) ? null : await users.FindByIdAsync(id);

    private IActionResult ConfirmPage(ConfirmNewEmailViewModel model)
    {
        if (!model.LinkValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return View(nameof(Confirm), model);
    }
}
