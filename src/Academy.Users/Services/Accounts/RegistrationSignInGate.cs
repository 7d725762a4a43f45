using Academy.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Academy.Users.Services.Accounts;

/// <summary>
/// Identity's "is this account confirmed" for sign-in (<c>SignIn.RequireConfirmedAccount</c>): a self-registered account
/// signs in only once it is approved; accounts made by a recipe, an invitation or an employer have no registration.
/// </summary>
public sealed class RegistrationSignInGate(AcademyDbContext db) : IUserConfirmation<AcademyUser>
{
    public async Task<bool> IsConfirmedAsync(UserManager<AcademyUser> manager, AcademyUser user) =>
        !await db.Set<AccountRegistration>().AnyAsync(r => r.UserId == user.Id && r.Status != RegistrationStatus.Approved);

    /// <summary>Why a self-registered account cannot sign in yet (told only to whoever knows its password).</summary>
    public static string? RefusalMessage(string? status) => status switch
    {
        RegistrationStatus.Unconfirmed => "Je hebt je e-mailadres nog niet bevestigd. Klik op de link in de mail die we je stuurden. Geen mail gekregen? Meld je dan opnieuw aan met hetzelfde e-mailadres; je krijgt dan een nieuwe link.",
        RegistrationStatus.Pending => "Je aanmelding wacht nog op goedkeuring door de leer-coördinator. Je krijgt een mail zodra je kunt inloggen.",
        _ => null,
    };
}
