using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Workflows.Models;

namespace Academy.Workflows.Services;

/// <summary>Reading, fingerprinting and indexing workflow definitions, without the activity library (the engine, the store and the migration share it).</summary>
public static class WorkflowDefinitions
{
    /// <summary>Longest activity type name the start index keeps (its column); longer ones are no domain event.</summary>
    public const int MaxTypeLength = 100;

    public static readonly JsonDocumentOptions ParseOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>The JSON as an object, or null when it is no (readable) JSON object.</summary>
    public static JsonObject? ParseObject(string? json)
    {
        try
        {
            return JsonNode.Parse(string.IsNullOrWhiteSpace(json) ? "null" : json, documentOptions: ParseOptions) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The definition when its shape is readable (whether or not its activities are known): what the engine runs.</summary>
    public static WorkflowDefinition? Read(string? json) =>
        ParseObject(json) is { } root ? WorkflowValidator.Read(root, []) : null;

    /// <summary>
    /// SHA-256 (hex) of the definition with its object keys sorted, without white space, comments and IsEnabled: two
    /// texts of the same definition (formatted differently, or only switched on or off) have the same hash.
    /// </summary>
    public static string Hash(JsonObject root)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteCanonical(writer, root, isRoot: true);
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    /// <summary>The start activities the start index holds for <paramref name="definition"/>.</summary>
    public static IEnumerable<ActivityDefinition> Starts(WorkflowDefinition definition) =>
        definition.Activities
            .Where(a => a.IsStart && a.Id.Length is > 0 and <= MaxTypeLength && a.Type.Length is > 0 and <= MaxTypeLength)
            .DistinctBy(a => a.Id, StringComparer.Ordinal);

    private static void WriteCanonical(Utf8JsonWriter writer, JsonNode? node, bool isRoot = false)
    {
        switch (node)
        {
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (isRoot && name == "IsEnabled")
                    {
                        continue;
                    }
                    writer.WritePropertyName(name);
                    WriteCanonical(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteCanonical(writer, item);
                }
                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    /// <summary>Reads every object and list once, so a cached definition is only ever read afterwards (safe from many threads).</summary>
    internal static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    Materialize(value);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Materialize(item);
                }
                break;
        }
    }
}

/// <summary>
/// Parsed workflow definitions by (type id, version). A version is never changed once written, so an entry never goes
/// stale and two web nodes need not tell each other anything; a save still drops the type's entries (it may reuse the
/// number of a version whose transaction rolled back on this node). Filled only by the engine, which never runs in the
/// transaction that saves a type.
/// </summary>
public sealed class WorkflowDefinitionCache
{
    public const int MaxEntries = 1000;
    private readonly ConcurrentDictionary<(string TypeId, int Version), WorkflowDefinition> _definitions = new();

    public bool TryGet(string typeId, int version, out WorkflowDefinition definition) =>
        _definitions.TryGetValue((typeId, version), out definition!);

    public void Add(string typeId, int version, WorkflowDefinition definition)
    {
        foreach (var activity in definition.Activities)
        {
            WorkflowDefinitions.Materialize(activity.Properties);
        }
        if (_definitions.Count >= MaxEntries)
        {
            _definitions.Clear();
        }
        _definitions[(typeId, version)] = definition;
    }

    public void Invalidate(string typeId)
    {
        foreach (var key in _definitions.Keys.Where(k => k.TypeId == typeId))
        {
            _definitions.TryRemove(key, out _);
        }
    }

    public int Count => _definitions.Count;
}
