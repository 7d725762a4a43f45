using Academy.Core.Hosting;
using Academy.Users.Abstractions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Academy.Users.Services;

/// <summary>
/// On a site's first start, after the setup recipe: every account the recipe made without a password (the
/// leer-coördinator, trainers) gets its invitation mail, once, so its owner can choose a password. Switched off with
/// Academy:Users:InviteRecipeUsersOnSetup = false (tests that count mails; a demo site nobody should be mailed from).
/// </summary>
public sealed class RecipeUserInvitations(UserManager<AcademyUser> userManager, IAccountInvitations invitations, IConfiguration configuration)
    : ISetupHandler
{
    public const string OnceKey = "setup";
    public const string EnabledKey = "Academy:Users:InviteRecipeUsersOnSetup";

    public async Task SetupAsync(SetupContext context)
    {
        if (!configuration.GetValue(EnabledKey, true))
        {
            return;
        }
        var waiting = await userManager.Users.AsNoTracking()
            .Where(u => u.PasswordHash == null && u.Email != null)
            .OrderBy(u => u.Email)
            .ToListAsync();
        foreach (var user in waiting)
        {
            await invitations.InviteAsync(new AccountInvitation(user.Email!, user.DisplayName, [], OnceKey: OnceKey,
                Reason: "Je account is aangemaakt bij de inrichting van de site."));
        }
        if (waiting.Count > 0)
        {
            context.Messages.Add($"Uitnodiging verstuurd naar {waiting.Count} gebruiker(s) zonder wachtwoord.");
        }
    }
}
