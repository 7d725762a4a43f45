using System.Text.Json.Nodes;
using Academy.Core.Recipes;
using Microsoft.AspNetCore.Identity;

namespace Academy.Users.Recipes;

/// <summary>Small helpers the Users module's recipe steps share.</summary>
internal static class RecipeJson
{
    /// <summary>An optional list of non-empty strings, each returned with the node it came from (for error paths).</summary>
    public static List<(string Value, JsonNode? Node, string Path)>? OptionalStringList(RecipeStepContext context, JsonObject obj, string property)
    {
        switch (obj[property])
        {
            case null:
                return null;
            case JsonArray array:
                var list = new List<(string, JsonNode?, string)>();
                for (var i = 0; i < array.Count; i++)
                {
                    var path = $"{array.GetPath()}[{i}]";
                    if (array[i] is not JsonValue value || !value.TryGetValue<string>(out var text) || string.IsNullOrWhiteSpace(text))
                    {
                        throw new RecipeException(context.File, context.Name, path, $"Elk element van '{property}' is een niet-lege tekst.");
                    }
                    list.Add((text.Trim(), array[i], path));
                }
                return list;
            case var other:
                throw context.Error(other, $"'{property}' moet een lijst zijn.");
        }
    }

    public static RecipeException Located(RecipeStepContext context, string path, string message) =>
        new(context.File, context.Name, path, message);

    /// <summary>Turns a failed Identity result into a located recipe error on the property the error is about.</summary>
    public static void Check(RecipeStepContext context, JsonObject obj, IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }
        var first = result.Errors.First().Code;
        string? property = first switch
        {
            _ when first.Contains("Email", StringComparison.Ordinal) => "Email",
            _ when first.Contains("UserName", StringComparison.Ordinal) => "UserName",
            _ when first.Contains("Password", StringComparison.Ordinal) => "Password",
            "InvalidRoleName" or "DuplicateRoleName" => "Name",
            _ => null,
        };
        throw context.Error(obj, string.Join(" ", result.Errors.Select(e => e.Description)), property);
    }
}
