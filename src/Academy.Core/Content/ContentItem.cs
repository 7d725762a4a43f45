using System.Text.Json;
using System.Text.Json.Nodes;

namespace Academy.Core.Content;

/// <summary>
/// A content item version as a JSON document of parts and fields, the way Orchard Core stores it.
/// Typed parts are read with <see cref="As{T}"/> and written back with <see cref="Apply{T}"/>.
/// </summary>
public sealed class ContentItem
{
    public string ContentItemId { get; set; } = "";
    public string ContentItemVersionId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string? DisplayText { get; set; }
    public bool Latest { get; set; }
    public bool Published { get; set; }
    public string? Owner { get; set; }
    public string? Author { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime ModifiedUtc { get; set; }
    public DateTime? PublishedUtc { get; set; }
    public JsonObject Content { get; set; } = [];

    public T As<T>() where T : ContentPart, new() =>
        Content[typeof(T).Name] is JsonObject node ? node.Deserialize<T>(ContentJson.Options) ?? new T() : new T();

    public bool Has<T>() where T : ContentPart => Content[typeof(T).Name] is JsonObject;

    public ContentItem Apply<T>(T part) where T : ContentPart
    {
        Content[typeof(T).Name] = JsonSerializer.SerializeToNode(part, ContentJson.Options);
        return this;
    }

    /// <summary>Reads a generic field stored under a part (type-level fields live under a part named like the type).</summary>
    public T? Field<T>(string partName, string fieldName) where T : ContentField =>
        Content[partName]?[fieldName] is JsonObject node ? node.Deserialize<T>(ContentJson.Options) : null;

    public ContentItem ApplyField<T>(string partName, string fieldName, T field) where T : ContentField
    {
        if (Content[partName] is not JsonObject part)
        {
            part = [];
            Content[partName] = part;
        }
        part[fieldName] = JsonSerializer.SerializeToNode(field, ContentJson.Options);
        return this;
    }

    public ContentItem Clone()
    {
        var copy = (ContentItem)MemberwiseClone();
        copy.Content = (JsonObject)Content.DeepClone();
        return copy;
    }
}

public abstract class ContentPart;

public abstract class ContentField;

public static class ContentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = null,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
