using System.Security.Claims;
using System.Text.Json.Nodes;
using Academy.Core.Recipes;
using Academy.Core.Security;
using Academy.Users.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Users.Recipes;

/// <summary>
/// "Roles": upserts roles by name, sets their description and replaces their permissions with the
/// listed ones (a role without a "Permissions" property keeps its permissions). Every permission
/// must be declared by a module.
/// </summary>
public sealed class RolesStep : IRecipeStepHandler
{
    public string Name => "Roles";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var roleManager = context.Services.GetRequiredService<RoleManager<AcademyRole>>();
        var catalog = context.Services.GetRequiredService<PermissionCatalog>();
        var items = context.RequireArray("Roles");

        // Check everything before writing anything, so errors point at the recipe, not at half a result.
        var roles = new List<(JsonObject Obj, string Name, string? Description, List<string>? Permissions)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in items)
        {
            if (node is not JsonObject obj)
            {
                throw context.Error(node ?? items, "Elke rol is een object.");
            }
            var name = context.RequireString(obj, "Name").Trim();
            if (!seen.Add(name))
            {
                throw context.Error(obj, $"De rol '{name}' komt twee keer voor.", "Name");
            }
            var description = RecipeStepContext.OptionalString(obj, "Description");
            List<string>? permissions = null;
            if (RecipeJson.OptionalStringList(context, obj, "Permissions") is { } listed)
            {
                permissions = [];
                foreach (var (permission, _, path) in listed)
                {
                    if (!catalog.Exists(permission))
                    {
                        throw RecipeJson.Located(context, path,
                            $"Onbekend recht '{permission}'. Bekende rechten: {string.Join(", ", catalog.All.Keys.Order(StringComparer.Ordinal))}.");
                    }
                    if (!permissions.Contains(permission, StringComparer.Ordinal))
                    {
                        permissions.Add(permission);
                    }
                }
            }
            roles.Add((obj, name, description, permissions));
        }

        foreach (var (obj, name, description, permissions) in roles)
        {
            var role = await roleManager.FindByNameAsync(name);
            if (role is null)
            {
                role = new AcademyRole(name) { Description = description ?? "" };
                RecipeJson.Check(context, obj, await roleManager.CreateAsync(role));
            }
            else if ((description is not null && role.Description != description) || role.Name != name)
            {
                role.Name = name;
                role.Description = description ?? role.Description;
                RecipeJson.Check(context, obj, await roleManager.UpdateAsync(role));
            }

            if (permissions is null)
            {
                continue;
            }
            var current = (await roleManager.GetClaimsAsync(role))
                .Where(c => c.Type == PermissionClaim.Type)
                .Select(c => c.Value)
                .ToHashSet(StringComparer.Ordinal);
            foreach (var removed in current.Where(p => !permissions.Contains(p, StringComparer.Ordinal)))
            {
                RecipeJson.Check(context, obj, await roleManager.RemoveClaimAsync(role, new Claim(PermissionClaim.Type, removed)));
            }
            foreach (var added in permissions.Where(p => !current.Contains(p)))
            {
                RecipeJson.Check(context, obj, await roleManager.AddClaimAsync(role, new Claim(PermissionClaim.Type, added)));
            }
        }
        context.Report($"{roles.Count} rollen");
    }
}
