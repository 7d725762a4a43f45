using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace Academy.Core.Recipes;

public sealed record RecipeDescriptor(string Name, string DisplayName, string Description, string File, bool IsSetupRecipe);

/// <summary>Finds recipes in the recipes folder shipped next to the site (or the configured Academy:RecipesPath).</summary>
public sealed class RecipeLocator(IConfiguration configuration)
{
    public string Folder => configuration["Academy:RecipesPath"] is { Length: > 0 } path
        ? Path.GetFullPath(path)
        : Path.Combine(AppContext.BaseDirectory, "recipes");

    public IReadOnlyList<RecipeDescriptor> List()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }
        var list = new List<RecipeDescriptor>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.recipe.json").Order())
        {
            var fallbackName = Path.GetFileName(file)[..^".recipe.json".Length];
            try
            {
                var node = JsonNode.Parse(File.ReadAllText(file), documentOptions: new() { AllowTrailingCommas = true, CommentHandling = System.Text.Json.JsonCommentHandling.Skip });
                list.Add(new RecipeDescriptor(
                    node?["name"]?.GetValue<string>() ?? fallbackName,
                    node?["displayName"]?.GetValue<string>() ?? fallbackName,
                    node?["description"]?.GetValue<string>() ?? "",
                    file,
                    node?["issetuprecipe"]?.GetValue<bool>() ?? false));
            }
            catch (System.Text.Json.JsonException)
            {
                list.Add(new RecipeDescriptor(fallbackName, fallbackName, "(ongeldige JSON)", file, false));
            }
        }
        return list;
    }

    /// <summary>A recipe by name, by file name, or by path.</summary>
    public string? Find(string nameOrPath)
    {
        if (File.Exists(nameOrPath))
        {
            return Path.GetFullPath(nameOrPath);
        }
        var direct = Path.Combine(Folder, nameOrPath.EndsWith(".recipe.json", StringComparison.Ordinal) ? nameOrPath : nameOrPath + ".recipe.json");
        return File.Exists(direct) ? direct : List().FirstOrDefault(r => string.Equals(r.Name, nameOrPath, StringComparison.OrdinalIgnoreCase))?.File;
    }

    /// <summary>The folder that holds recipes/ and content/: "[file:...]" paths are relative to it.</summary>
    public static string ContentRootOf(string recipeFile) =>
        Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(recipeFile))!)!;
}
