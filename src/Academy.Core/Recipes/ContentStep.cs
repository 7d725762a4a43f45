using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Academy.Core.Content;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Core.Recipes;

/// <summary>
/// Imports content items by their stable ContentItemId: new ones are created, changed ones get a new
/// version, unchanged ones are left alone, so running a recipe twice changes nothing.
/// </summary>
public sealed partial class ContentStep : IRecipeStepHandler
{
    private static readonly HashSet<string> ItemProperties = ["ContentItemId", "ContentType", "Published", "DisplayText", "Owner"];

    public string Name => "Content";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var definitions = context.Services.GetRequiredService<ContentDefinitionManager>();
        var registry = context.Services.GetRequiredService<ContentPartRegistry>();
        var manager = context.Services.GetRequiredService<ContentManager>();
        var legacyShapes = context.Services.GetServices<ILegacyContentShape>().ToList();
        var data = context.RequireArray("Data");
        context.RequireUniqueIds(data, "ContentItemId");

        var count = 0;
        foreach (var node in data)
        {
            var obj = node as JsonObject ?? throw context.Error(node, "Een inhoudsitem is een object.");
            var id = context.RequireString(obj, "ContentItemId");
            if (!StableId().IsMatch(id))
            {
                throw context.Error(obj, $"'{id}' is geen geldige id (kleine letters, cijfers en koppeltekens).", "ContentItemId");
            }
            var typeName = context.RequireString(obj, "ContentType");
            var type = await definitions.GetTypeAsync(typeName)
                ?? throw context.Error(obj, $"Onbekend inhoudstype '{typeName}'.", "ContentType");

            var item = new ContentItem { ContentItemId = id, ContentType = type.Name, Owner = RecipeStepContext.OptionalString(obj, "Owner") };
            // Recipes written before a part was split keep working: their item is read as today's shape
            // (in place, so error messages keep the item's path in the recipe).
            foreach (var shape in legacyShapes)
            {
                shape.Upgrade(obj, type);
            }
            foreach (var (key, value) in obj)
            {
                if (ItemProperties.Contains(key))
                {
                    continue;
                }
                if (key == type.Name)
                {
                    CheckTypeFields(context, type, value);
                }
                else if (!type.Parts.Contains(key))
                {
                    throw context.Error(obj, $"Het inhoudstype '{type.Name}' heeft geen onderdeel '{key}'.", key);
                }
                else if (value is not null && registry.Get(key) is { } partType)
                {
                    ReadPart(context, value, partType);
                }
                item.Content[key] = value?.DeepClone();
            }

            var validation = await manager.ValidateAsync(item);
            if (!validation.IsValid)
            {
                var (path, message) = validation.Errors[0];
                throw context.Error(obj, message, path.Length == 0 ? null : path);
            }

            var publish = obj["Published"] is not JsonValue published || published.GetValue<bool>();
            var existing = await manager.GetAsync(id, VersionOptions.Latest);
            if (existing is not null && existing.ContentType != item.ContentType)
            {
                throw context.Error(obj, $"Er bestaat al een item '{id}' van type '{existing.ContentType}'.", "ContentType");
            }
            var unchanged = existing is not null
                && JsonNode.DeepEquals(existing.Content, item.Content)
                && existing.Published == publish;
            if (!unchanged)
            {
                if (publish)
                {
                    await manager.SaveAndPublishAsync(item, author: "recipe");
                }
                else
                {
                    await manager.SaveDraftAsync(item, author: "recipe");
                }
            }
            // Tracked rows of earlier items are not needed again; without this every SaveChanges scans them all.
            context.Services.GetRequiredService<Data.AcademyDbContext>().ChangeTracker.Clear();
            if (++count % 10 == 0)
            {
                context.Report($"{count} van {data.Count} items");
            }
        }
        context.Report($"{count} items");
    }

    private static void ReadPart(RecipeStepContext context, JsonNode value, Type partType)
    {
        try
        {
            value.Deserialize(partType, ContentJson.Options);
        }
        catch (JsonException ex)
        {
            throw new RecipeException(context.File, context.Name, value.GetPath() + (ex.Path is { Length: > 1 } p ? p[1..] : ""), $"Ongeldige waarde in {partType.Name}: {ex.Message}", ex);
        }
    }

    private static void CheckTypeFields(RecipeStepContext context, ContentTypeDefinition type, JsonNode? value)
    {
        if (value is not JsonObject fields)
        {
            throw context.Error(value, "Velden van het type staan in een object.");
        }
        foreach (var (name, _) in fields)
        {
            if (type.Fields.All(f => f.Name != name))
            {
                throw context.Error(fields, $"Het inhoudstype '{type.Name}' heeft geen veld '{name}'.", name);
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex StableId();
}
