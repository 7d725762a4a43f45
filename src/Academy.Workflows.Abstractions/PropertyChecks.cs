using System.Text.Json.Nodes;

namespace Academy.Workflows.Abstractions;

/// <summary>Dutch checks shared by the activities' Validate: required text and Liquid that parses.</summary>
public static class PropertyChecks
{
    public static string? Text(JsonObject properties, string name) =>
        properties[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static IEnumerable<string> Liquid(IWorkflowLiquid liquid, JsonObject properties, string[] required, string[]? optional = null)
    {
        foreach (var name in required.Concat(optional ?? []))
        {
            var value = Text(properties, name);
            if (string.IsNullOrWhiteSpace(value))
            {
                if (required.Contains(name))
                {
                    yield return $"'{name}' is verplicht.";
                }
                continue;
            }
            if (liquid.SyntaxError(value) is { } error)
            {
                yield return $"'{name}': {error}";
            }
        }
    }
}
