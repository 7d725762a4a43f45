using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Core.Content;

namespace Academy.Core.Recipes;

/// <summary>Handles one named step of a recipe. Runs inside the recipe's transaction.</summary>
public interface IRecipeStepHandler
{
    string Name { get; }

    Task ExecuteAsync(RecipeStepContext context);
}

public sealed record RecipeProgress(int StepIndex, int StepCount, string StepName, string Message);

public sealed class RecipeStepContext(string file, int index, JsonObject step, IServiceProvider services, IProgress<RecipeProgress>? progress, int stepCount)
{
    public string File { get; } = file;
    public int Index { get; } = index;
    public string Name { get; } = step["name"]?.GetValue<string>() ?? "";
    public JsonObject Step { get; } = step;
    public IServiceProvider Services { get; } = services;

    public string PathOf(JsonNode? node, string? child = null)
    {
        var path = node?.GetPath() ?? $"$.steps[{Index}]";
        return child is null ? path : $"{path}.{child}";
    }

    public RecipeException Error(JsonNode? node, string message, string? child = null) =>
        new(File, Name, PathOf(node, child), message);

    public void Report(string message) => progress?.Report(new RecipeProgress(Index, stepCount, Name, message));

    /// <summary>Reads a step array, failing with a located error when it is missing or not an array.</summary>
    public JsonArray RequireArray(string property, bool required = true)
    {
        return Step[property] switch
        {
            JsonArray array => array,
            null when !required => [],
            null => throw Error(Step, $"'{property}' ontbreekt.", property),
            var other => throw Error(other, $"'{property}' moet een lijst zijn."),
        };
    }

    public static string? OptionalString(JsonObject obj, string property) =>
        obj[property] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public string RequireString(JsonObject obj, string property)
    {
        var value = OptionalString(obj, property);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Error(obj, $"'{property}' is verplicht.", property);
        }
        return value;
    }

    public T Read<T>(JsonNode node)
    {
        try
        {
            return node.Deserialize<T>(ContentJson.Options) ?? throw Error(node, "Waarde ontbreekt.");
        }
        catch (JsonException ex)
        {
            throw new RecipeException(File, Name, $"{node.GetPath()}{(ex.Path is { Length: > 1 } p ? p[1..] : "")}", $"Ongeldige waarde: {ex.Message}", ex);
        }
    }

    /// <summary>Fails when two entries of a list share the same id (run twice must never duplicate, so ids must be unique).</summary>
    public void RequireUniqueIds(JsonArray items, string idProperty)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items.OfType<JsonObject>())
        {
            var id = OptionalString(item, idProperty);
            if (id is not null && !seen.Add(id))
            {
                throw Error(item, $"De id '{id}' komt twee keer voor.", idProperty);
            }
        }
    }
}
