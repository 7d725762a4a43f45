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
/// listed ones (a role without a "Permissions" property keeps its permissions). "AddPermissions" adds
/// permissions and keeps the ones the role has (module defaults use it, docs/upgrades.md). Every permission
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
        var roles = new List<(JsonObject Obj, string Name, string? Description, List<string>? Permissions, List<string> Added)>();
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
            var permissions = Permissions(context, catalog, obj, "Permissions");
            var added = Permissions(context, catalog, obj, "AddPermissions") ?? [];
            roles.Add((obj, name, description, permissions, added));
        }

        foreach (var (obj, name, description, listed, added) in roles)
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

            if (listed is null && added.Count == 0)
            {
                continue;
            }
            var current = (await roleManager.GetClaimsAsync(role))
                .Where(c => c.Type == PermissionClaim.Type)
                .Select(c => c.Value)
                .ToHashSet(StringComparer.Ordinal);
            var permissions = (listed ?? [.. current]).Union(added, StringComparer.Ordinal).ToList();
            foreach (var removed in current.Where(p => !permissions.Contains(p, StringComparer.Ordinal)))
            {
                RecipeJson.Check(context, obj, await roleManager.RemoveClaimAsync(role, new Claim(PermissionClaim.Type, removed)));
            }
            foreach (var granted in permissions.Where(p => !current.Contains(p)))
            {
                RecipeJson.Check(context, obj, await roleManager.AddClaimAsync(role, new Claim(PermissionClaim.Type, granted)));
            }
        }
        context.Report($"{roles.Count} rollen");
    }

    /// <summary>The distinct permissions listed under <paramref name="property"/>, each declared by a module; null when absent.</summary>
    private static List<string>? Permissions(RecipeStepContext context, PermissionCatalog catalog, JsonObject obj, string property)
    {
        if (RecipeJson.OptionalStringList(context, obj, property) is not { } listed)
        {
            return null;
        }
        var permissions = new List<string>();
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
        return permissions;
    }
}

/// <summary>
/// Module defaults for "Roles": each permission in a role's "AddPermissions" is one item ("Beheerder/ManageEnrolments"),
/// installed only on a site where that role exists and lacks it. Defaults never create a role: roles are the recipe's.
/// </summary>
public sealed class RolesDefaultsStep : IDefaultsStep
{
    public string Name => "Roles";

    public IReadOnlyList<DefaultItem> Items(RecipeStepContext context)
    {
        var items = new List<DefaultItem>();
        foreach (var node in context.RequireArray("Roles"))
        {
            var obj = node as JsonObject ?? throw context.Error(node, "Elke rol is een object.");
            var name = context.RequireString(obj, "Name").Trim();
            if (obj["Permissions"] is not null || obj["Description"] is not null)
            {
                throw context.Error(obj, "Standaardinstellingen voegen alleen rechten toe aan bestaande rollen: gebruik 'AddPermissions'.");
            }
            foreach (var (permission, _, _) in RecipeJson.OptionalStringList(context, obj, "AddPermissions") ?? [])
            {
                items.Add(new DefaultItem($"{name}/{permission}", new JsonObject { ["Name"] = name, ["AddPermissions"] = new JsonArray(permission) }));
            }
        }
        return items;
    }

    public async Task<bool> IsMissingAsync(DefaultItem item, IServiceProvider services, CancellationToken cancellationToken)
    {
        var roleManager = services.GetRequiredService<RoleManager<AcademyRole>>();
        if (await roleManager.FindByNameAsync(item.Value["Name"]!.GetValue<string>()) is not { } role)
        {
            return false;
        }
        var permission = item.Value["AddPermissions"]![0]!.GetValue<string>();
        return !(await roleManager.GetClaimsAsync(role)).Any(c => c.Type == PermissionClaim.Type && c.Value == permission);
    }

    public JsonObject StepOf(IReadOnlyList<DefaultItem> items) => new()
    {
        ["Roles"] = new JsonArray(items
            .GroupBy(i => i.Value["Name"]!.GetValue<string>(), StringComparer.Ordinal)
            .Select(g => (JsonNode)new JsonObject
            {
                ["Name"] = g.Key,
                ["AddPermissions"] = new JsonArray(g.Select(i => (JsonNode)JsonValue.Create(i.Value["AddPermissions"]![0]!.GetValue<string>())).ToArray()),
            })
            .ToArray()),
    };
}
