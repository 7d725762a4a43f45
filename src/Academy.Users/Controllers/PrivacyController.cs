using Academy.Users.Abstractions;
using Academy.Users.Services.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Users.Controllers;

public sealed record MyDataViewModel(string DisplayName, string Email, bool IsLastAdministrator, string? PasswordError, string? ConfirmError);

/// <summary>The privacy statement, "mijn gegevens" (download everything as a ZIP) and deleting one's own account.</summary>
public sealed class PrivacyController(
    UserManager<AcademyUser> users,
    SignInManager<AcademyUser> signIn,
    PersonalDataService personalData) : Controller
{
    public const string WrongPassword = "Dit wachtwoord klopt niet. Vul het wachtwoord in waarmee je inlogt.";
    public const string NotConfirmed = "Vink aan dat je begrijpt dat je account en je gegevens weg zijn.";

    [AllowAnonymous]
    [HttpGet("privacy", Name = UsersRouteNames.PrivacyStatement)]
    public IActionResult Statement() => View();

    [Authorize]
    [HttpGet("mijn-gegevens", Name = "Users.Privacy.MyData")]
    public async Task<IActionResult> MyData() =>
        await users.GetUserAsync(User) is { } user ? View(await ModelAsync(user, null, null)) : Forbid();

    [Authorize]
    [HttpGet("mijn-gegevens/download", Name = "Users.Privacy.Export")]
    public async Task<IActionResult> Export()
    {
        var zip = await personalData.ExportAsync(users.GetUserId(User)!, HttpContext.RequestAborted);
        if (zip is null)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "private, no-store";
        return File(zip, "application/zip", "mijn-gegevens.zip");
    }

    [Authorize]
    [HttpPost("mijn-gegevens/verwijderen", Name = "Users.Privacy.DeleteAccount")]
    public async Task<IActionResult> Delete(string? password, bool confirm)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Forbid();
        }
        var passwordError = string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password) ? WrongPassword : null;
        var confirmError = confirm ? null : NotConfirmed;
        if (passwordError is not null || confirmError is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(MyData), await ModelAsync(user, passwordError, confirmError));
        }
        var outcome = await personalData.EraseAsync(user.Id, HttpContext.RequestAborted);
        if (outcome != ErasureOutcome.Erased)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(nameof(MyData), await ModelAsync(user, null, null));
        }
        await signIn.SignOutAsync();
        return RedirectToRoute("Users.Privacy.Deleted");
    }

    [AllowAnonymous]
    [HttpGet("account-verwijderd", Name = "Users.Privacy.Deleted")]
    public IActionResult Deleted() => View();

    private async Task<MyDataViewModel> ModelAsync(AcademyUser user, string? passwordError, string? confirmError) =>
        new(user.DisplayName, user.Email ?? "", await personalData.IsLastAdministratorAsync(user.Id), passwordError, confirmError);
}
