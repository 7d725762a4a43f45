using System.Text.Json.Nodes;
using Academy.Core.Data;
using Academy.Core.Recipes;
using Academy.Meldingen.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Meldingen.Services;

/// <summary>
/// Creates the role Gids once per site, through the recipe's own "Roles" step (module defaults never create roles).
/// It is remembered in ModuleDefaults like a default, so a Beheerder who deletes the role does not get it back.
/// </summary>
public static class GuideRole
{
    public const string Name = "Gids";
    public const string Description = "Gids van het Werkcentrum: pakt vragen van bezoekers op, verwijst door naar een partner en sluit ze af.";

    public static async Task InstallAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AcademyDbContext>();
        if (await db.Set<ModuleDefaultRecord>().AnyAsync(r => r.Step == "Roles" && r.Key == Name, cancellationToken))
        {
            return;
        }
        var roles = services.GetServices<IRecipeStepHandler>().Single(h => h.Name == "Roles");
        var step = new JsonObject
        {
            ["name"] = "Roles",
            ["Roles"] = new JsonArray(new JsonObject
            {
                ["Name"] = Name,
                ["Description"] = Description,
                ["AddPermissions"] = new JsonArray(MeldingenPermissions.HandleMeldingen),
            }),
        };
        await roles.ExecuteAsync(new RecipeStepContext(MeldingenMigration.ModuleName, 0, step, services, null, 1));
        db.ChangeTracker.Clear();
        db.Set<ModuleDefaultRecord>().Add(new ModuleDefaultRecord
        {
            Step = "Roles",
            Key = Name,
            Module = MeldingenMigration.ModuleName,
            Installed = true,
            RecordedUtc = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
