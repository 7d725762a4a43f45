using Academy.Core.Security;
using Academy.Users.Abstractions;
using Academy.Users.Services;
using Academy.Users.Services.Privacy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Users.Controllers;

public sealed record EraseUserViewModel(string Id, string DisplayName, string Email, string? Error);

/// <summary>A Beheerder erases someone's account on their request (the same erasure as "mijn account verwijderen").</summary>
[RequirePermission(UsersPermissions.ManageUsers)]
[Route("admin/gebruikers")]
public sealed class ErasureAdminController(UserManager<AcademyUser> users, PersonalDataService personalData) : Controller
{
    public const string LastAdministrator = "Dit is de laatste Beheerder. Geef eerst iemand anders de rol Beheerder; daarna kun je dit account verwijderen.";
    public const string Yourself = "Je eigen account verwijder je via Mijn gegevens, met je wachtwoord.";
    public const string NotConfirmed = "Vink aan dat de persoon om verwijdering heeft gevraagd.";

    [HttpGet("{id:length(1,64)}/verwijderen", Name = UsersRouteNames.EraseUser)]
    public async Task<IActionResult> Erase(string id) =>
        await users.FindByIdAsync(id) is { } user ? View(new EraseUserViewModel(user.Id, user.DisplayName, user.Email ?? "", null)) : NotFound();

    [HttpPost("{id:length(1,64)}/verwijderen")]
    [ActionName(nameof(Erase))]
    public async Task<IActionResult> ErasePost(string id, bool confirm)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }
        var error = user.Id == users.GetUserId(User) ? Yourself : !confirm ? NotConfirmed : null;
        if (error is null)
        {
            switch (await personalData.EraseAsync(user.Id, HttpContext.RequestAborted))
            {
                case ErasureOutcome.Erased:
                    return View("Erased");
                case ErasureOutcome.NotFound:
                    return NotFound();
                default:
                    error = LastAdministrator;
                    break;
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Erase), new EraseUserViewModel(user.Id, user.DisplayName, user.Email ?? "", error));
    }
}
