using System.Text.Json.Nodes;
using Academy.Core.Content;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Core.Recipes;

/// <summary>Creates or replaces content part and type definitions; parts and field types must be known to the site.</summary>
public sealed class ContentDefinitionStep : IRecipeStepHandler
{
    public string Name => "ContentDefinition";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var definitions = context.Services.GetRequiredService<ContentDefinitionManager>();
        var registry = context.Services.GetRequiredService<ContentPartRegistry>();
        var parts = context.RequireArray("ContentParts", required: false);
        var types = context.RequireArray("ContentTypes", required: false);
        context.RequireUniqueIds(parts, "Name");
        context.RequireUniqueIds(types, "Name");

        foreach (var node in parts)
        {
            var obj = node as JsonObject ?? throw context.Error(node, "Een onderdeel is een object.");
            var part = context.Read<ContentPartDefinition>(obj);
            context.RequireString(obj, "Name");
            if (!registry.IsKnown(part.Name))
            {
                throw context.Error(obj, $"Onbekend onderdeel '{part.Name}'. Bekende onderdelen: {string.Join(", ", registry.Names.Order())}.", "Name");
            }
            CheckFields(context, obj, part.Fields);
            part.DisplayName = string.IsNullOrWhiteSpace(part.DisplayName) ? part.Name : part.DisplayName;
            await definitions.StorePartAsync(part);
        }

        foreach (var node in types)
        {
            var obj = node as JsonObject ?? throw context.Error(node, "Een inhoudstype is een object.");
            context.RequireString(obj, "Name");
            var type = context.Read<ContentTypeDefinition>(obj);
            if (!Text.Slug.IsValid(type.Name.ToLowerInvariant()) || type.Name.Contains('-'))
            {
                throw context.Error(obj, $"'{type.Name}' is geen geldige technische naam (alleen letters en cijfers).", "Name");
            }
            for (var i = 0; i < type.Parts.Count; i++)
            {
                if (!registry.IsKnown(type.Parts[i]))
                {
                    throw context.Error(obj, $"Onbekend onderdeel '{type.Parts[i]}'.", $"Parts[{i}]");
                }
            }
            CheckFields(context, obj, type.Fields);
            type.DisplayName = string.IsNullOrWhiteSpace(type.DisplayName) ? type.Name : type.DisplayName;
            await definitions.StoreTypeAsync(type);
            context.Report($"inhoudstype {type.Name}");
        }
    }

    private static void CheckFields(RecipeStepContext context, JsonObject owner, List<ContentFieldDefinition> fields)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if (string.IsNullOrWhiteSpace(field.Name))
            {
                throw context.Error(owner, "Een veld heeft een 'Name' nodig.", $"Fields[{i}].Name");
            }
            if (!names.Add(field.Name))
            {
                throw context.Error(owner, $"Het veld '{field.Name}' komt twee keer voor.", $"Fields[{i}].Name");
            }
            if (!ContentFieldTypes.All.ContainsKey(field.Type))
            {
                throw context.Error(owner, $"Onbekend veldtype '{field.Type}'. Bekende veldtypes: {string.Join(", ", ContentFieldTypes.All.Keys)}.", $"Fields[{i}].Type");
            }
            field.DisplayName = string.IsNullOrWhiteSpace(field.DisplayName) ? field.Name : field.DisplayName;
        }
    }
}
