using System.Text.Json;
using System.Text.Json.Nodes;

namespace Academy.Email.Services;

/// <summary>
/// Makes System.Text.Json values (workflow input is JSON) readable by Liquid: objects become dictionaries,
/// arrays lists, values plain strings, numbers and booleans, so <c>{{ Input.Name }}</c> just works.
/// </summary>
public static class LiquidValues
{
    /// <summary>A Fluid value converter: the plain value, or null for values Fluid already understands.</summary>
    public static object? Convert(object value) => value switch
    {
        JsonNode node => Plain(node),
        JsonElement element => Plain(JsonSerializer.SerializeToNode(element)),
        IReadOnlyDictionary<string, object?> readOnly and not IDictionary<string, object?> =>
            readOnly.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
        _ => null,
    };

    private static object? Plain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => Plain(p.Value), StringComparer.Ordinal),
        JsonArray array => array.Select(Plain).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<object>() is JsonElement e ? e.GetString() : value.ToString(),
            JsonValueKind.Number => value.TryGetValue<decimal>(out var number) ? number : value.GetValue<double>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        },
        _ => node.ToJsonString(),
    };
}
