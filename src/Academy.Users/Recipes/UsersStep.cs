using System.Text.Json.Nodes;
using Academy.Core.Data;
using Academy.Core.Recipes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Users.Recipes;

/// <summary>
/// "Users": upserts accounts by e-mail address (or user name). Listed roles replace the user's roles;
/// an optional Password must satisfy the password policy and becomes the user's password. Users
/// without a password cannot log in until an administrator sets one.
/// </summary>
public sealed class UsersStep : IRecipeStepHandler
{
    public string Name => "Users";

    private sealed record Entry(JsonObject Obj, string UserName, string Email, string? DisplayName,
        List<string>? Roles, string? OrganisationId, bool HasOrganisation, string? Password);

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var services = context.Services;
        var userManager = services.GetRequiredService<UserManager<AcademyUser>>();
        var roleManager = services.GetRequiredService<RoleManager<AcademyRole>>();
        var db = services.GetRequiredService<AcademyDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var items = context.RequireArray("Users");

        var entries = new List<Entry>();
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var userNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in items)
        {
            if (node is not JsonObject obj)
            {
                throw context.Error(node ?? items, "Elke gebruiker is een object.");
            }
            var email = context.RequireString(obj, "Email").Trim();
            var userName = RecipeStepContext.OptionalString(obj, "UserName")?.Trim() is { Length: > 0 } u ? u : email;
            if (!emails.Add(email))
            {
                throw context.Error(obj, $"Het e-mailadres '{email}' komt twee keer voor.", "Email");
            }
            if (!userNames.Add(userName))
            {
                throw context.Error(obj, $"De gebruikersnaam '{userName}' komt twee keer voor.", "UserName");
            }

            var roles = RecipeJson.OptionalStringList(context, obj, "Roles");
            if (roles is not null)
            {
                foreach (var (role, _, path) in roles)
                {
                    if (!await roleManager.RoleExistsAsync(role))
                    {
                        throw RecipeJson.Located(context, path, $"De rol '{role}' bestaat niet. Maak hem eerst aan met de stap 'Roles'.");
                    }
                }
            }

            var hasOrganisation = obj.ContainsKey("OrganisationId");
            var organisationId = RecipeStepContext.OptionalString(obj, "OrganisationId")?.Trim();
            if (string.IsNullOrEmpty(organisationId))
            {
                organisationId = null;
            }
            else if (!await db.Set<Organisation>().AnyAsync(o => o.Id == organisationId))
            {
                throw context.Error(obj, $"De organisatie '{organisationId}' bestaat niet. Voeg haar toe met de stap 'Organisations'.", "OrganisationId");
            }

            var password = RecipeStepContext.OptionalString(obj, "Password");
            if (obj.ContainsKey("Password") && obj["Password"] is not null && password is null)
            {
                throw context.Error(obj, "Het wachtwoord is een tekst.", "Password");
            }
            if (password is not null)
            {
                var probe = new AcademyUser { UserName = userName, Email = email };
                foreach (var validator in userManager.PasswordValidators)
                {
                    var result = await validator.ValidateAsync(userManager, probe, password);
                    if (!result.Succeeded)
                    {
                        throw context.Error(obj, string.Join(" ", result.Errors.Select(e => e.Description)), "Password");
                    }
                }
            }

            entries.Add(new Entry(obj, userName, email, RecipeStepContext.OptionalString(obj, "DisplayName")?.Trim(),
                roles?.Select(r => r.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList(), organisationId, hasOrganisation, password));
        }

        var created = 0;
        foreach (var entry in entries)
        {
            var user = await userManager.FindByEmailAsync(entry.Email) ?? await userManager.FindByNameAsync(entry.UserName);
            if (user is null)
            {
                user = new AcademyUser
                {
                    UserName = entry.UserName,
                    Email = entry.Email,
                    EmailConfirmed = true,
                    DisplayName = entry.DisplayName ?? entry.Email,
                    OrganisationId = entry.OrganisationId,
                    CreatedUtc = clock.GetUtcNow().UtcDateTime,
                };
                RecipeJson.Check(context, entry.Obj, entry.Password is null
                    ? await userManager.CreateAsync(user)
                    : await userManager.CreateAsync(user, entry.Password));
                created++;
            }
            else
            {
                var changed = false;
                if (!string.Equals(user.UserName, entry.UserName, StringComparison.Ordinal))
                {
                    user.UserName = entry.UserName;
                    changed = true;
                }
                if (!string.Equals(user.Email, entry.Email, StringComparison.Ordinal))
                {
                    user.Email = entry.Email;
                    changed = true;
                }
                if (entry.DisplayName is not null && user.DisplayName != entry.DisplayName)
                {
                    user.DisplayName = entry.DisplayName;
                    changed = true;
                }
                if (entry.HasOrganisation && user.OrganisationId != entry.OrganisationId)
                {
                    user.OrganisationId = entry.OrganisationId;
                    changed = true;
                }
                if (changed)
                {
                    RecipeJson.Check(context, entry.Obj, await userManager.UpdateAsync(user));
                }
                if (entry.Password is not null && !await userManager.CheckPasswordAsync(user, entry.Password))
                {
                    if (await userManager.HasPasswordAsync(user))
                    {
                        RecipeJson.Check(context, entry.Obj, await userManager.RemovePasswordAsync(user));
                    }
                    RecipeJson.Check(context, entry.Obj, await userManager.AddPasswordAsync(user, entry.Password));
                }
            }

            if (entry.Roles is not null)
            {
                var current = await userManager.GetRolesAsync(user);
                var remove = current.Where(r => !entry.Roles.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
                var add = entry.Roles.Where(r => !current.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
                if (remove.Count > 0)
                {
                    RecipeJson.Check(context, entry.Obj, await userManager.RemoveFromRolesAsync(user, remove));
                }
                if (add.Count > 0)
                {
                    RecipeJson.Check(context, entry.Obj, await userManager.AddToRolesAsync(user, add));
                }
            }
            // The rows of earlier accounts are saved and not needed again; without this every SaveChanges scans them all
            // (thousands of accounts in one recipe took minutes).
            db.ChangeTracker.Clear();
        }
        context.Report($"{entries.Count} gebruikers ({created} nieuw)");
    }
}
