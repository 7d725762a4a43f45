using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Core.Recipes;
using Academy.Workflows.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Academy.Workflows.Recipes;

/// <summary>
/// Upserts workflow types: <c>{ "name": "WorkflowTypes", "WorkflowTypes": [ ...definitions... ] }</c>, where the
/// list may also be a "[file:...]" reference to a JSON file holding the list. A missing type is created (version 1); a
/// changed definition becomes a new version (running instances finish on theirs); the same definition again makes no
/// new version (only a different IsEnabled is taken over). A definition that cannot be read
/// (no Id, no Activities) fails the recipe; problems such as an activity type no installed module provides are
/// reported and the type is stored anyway (the admin shows it as invalid).
/// </summary>
public sealed class WorkflowTypesStep : IRecipeStepHandler
{
    public string Name => "WorkflowTypes";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var validator = context.Services.GetRequiredService<WorkflowValidator>();
        var store = context.Services.GetRequiredService<WorkflowTypeStore>();
        var logger = context.Services.GetRequiredService<ILogger<WorkflowTypesStep>>();
        var types = TypesOf(context);
        context.RequireUniqueIds(types, "Id");
        foreach (var node in types)
        {
            var obj = node as JsonObject ?? throw context.Error(node, "Een workflowtype is een object.");
            var validation = validator.Validate(obj);
            if (validation.Definition is not { } definition || string.IsNullOrEmpty(definition.Id))
            {
                throw context.Error(obj, string.Join(" ", validation.Errors));
            }
            var saved = await store.SaveVersionAsync(definition, WorkflowTypeStore.Format(obj), expectedVersion: null);
            foreach (var error in validation.Errors)
            {
                logger.LogWarning("Workflow type {Type} from the recipe: {Problem}", definition.Id, error);
            }
            var what = saved switch
            {
                WorkflowTypeSave.Created => "nieuw",
                WorkflowTypeSave.NewVersion => $"nieuwe versie {(await store.FindAsync(definition.Id))?.LatestVersion}",
                WorkflowTypeSave.Conflict => "niet opgeslagen: intussen door iemand anders gewijzigd",
                WorkflowTypeSave.Updated => "zelfde definitie, geen nieuwe versie",
                _ => "ongewijzigd",
            };
            context.Report(validation.Errors.Count == 0
                ? $"workflowtype {definition.Id} ({what})"
                : $"workflowtype {definition.Id} ({what}) opgeslagen met {validation.Errors.Count} probleem/problemen: {string.Join(" ", validation.Errors)}");
        }
    }

    private static JsonArray TypesOf(RecipeStepContext context)
    {
        if (context.Step["WorkflowTypes"] is not JsonValue text || !text.TryGetValue<string>(out var json))
        {
            return context.RequireArray("WorkflowTypes");
        }
        // A [file:...] reference has been replaced by the file's text: a list, or an object with WorkflowTypes.
        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }) switch
            {
                JsonArray array => array,
                JsonObject { } obj when obj["WorkflowTypes"] is JsonArray array => array,
                _ => throw context.Error(context.Step, "Het bestand bevat geen lijst van workflowtypes.", "WorkflowTypes"),
            };
        }
        catch (JsonException ex)
        {
            throw context.Error(context.Step, $"Het bestand met workflowtypes is geen geldige JSON (regel {(ex.LineNumber ?? 0) + 1}).", "WorkflowTypes");
        }
    }
}

/// <summary>Module defaults for "WorkflowTypes": a type is installed only when no type has its id (docs/upgrades.md).</summary>
public sealed class WorkflowTypesDefaultsStep() : IdListDefaultsStep("WorkflowTypes")
{
    public override async Task<bool> IsMissingAsync(DefaultItem item, IServiceProvider services, CancellationToken cancellationToken) =>
        await services.GetRequiredService<WorkflowTypeStore>().FindAsync(item.Key, cancellationToken) is null;
}
