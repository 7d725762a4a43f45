using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Academy.Workflows.Models;

namespace Academy.Workflows.Services;

/// <summary>The outcome of reading a workflow type's JSON: the definition (when its shape is readable) and Dutch problems.</summary>
public sealed record WorkflowValidation(WorkflowDefinition? Definition, IReadOnlyList<string> Errors)
{
    public bool IsValid => Definition is not null && Errors.Count == 0;
}

/// <summary>
/// Checks a workflow type: JSON shape, unique activity ids, a start event, transitions between existing
/// activities on declared outcomes, and known activity types. An unknown type is reported, never thrown.
/// </summary>
public sealed partial class WorkflowValidator(ActivityLibrary library)
{
    private static readonly JsonDocumentOptions ParseOptions = WorkflowDefinitions.ParseOptions;
    /// <summary>Ids that would clash with the admin's own routes.</summary>
    private static readonly string[] ReservedIds = ["nieuw", "instanties"];

    public WorkflowValidation Validate(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: ParseOptions);
        }
        catch (JsonException ex)
        {
            return new(null, [$"De JSON is ongeldig (regel {(ex.LineNumber ?? 0) + 1}, positie {(ex.BytePositionInLine ?? 0) + 1})."]);
        }
        return root is JsonObject obj ? Validate(obj) : new(null, ["Een workflowtype is een JSON-object met Id, Name, Activities en Transitions."]);
    }

    public WorkflowValidation Validate(JsonObject root)
    {
        var errors = new List<string>();
        var definition = Read(root, errors);
        if (definition is null)
        {
            return new(null, errors);
        }
        CheckActivities(definition, errors);
        CheckTransitions(definition, errors);
        return new(definition, errors);
    }

    /// <summary>The definition's shape (null when unreadable, with the reason in <paramref name="errors"/>); activity types are not checked.</summary>
    internal static WorkflowDefinition? Read(JsonObject root, List<string> errors)
    {
        var definition = new WorkflowDefinition
        {
            Id = Text(root, "Id") ?? "",
            Name = Text(root, "Name") ?? "",
            IsEnabled = root["IsEnabled"] is not JsonValue enabled || !enabled.TryGetValue<bool>(out var e) || e,
        };
        if (!SlugPattern().IsMatch(definition.Id) || ReservedIds.Contains(definition.Id))
        {
            errors.Add("'Id' is verplicht: kleine letters, cijfers en streepjes (bijvoorbeeld \"aanmelding-bevestigen\").");
        }
        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            errors.Add("'Name' is verplicht.");
        }
        if (root["Activities"] is not JsonArray activities)
        {
            errors.Add("'Activities' moet een lijst zijn.");
            return null;
        }
        foreach (var (node, index) in activities.Select((n, i) => (n, i)))
        {
            if (node is not JsonObject a)
            {
                errors.Add($"Activiteit {index + 1} is geen object.");
                continue;
            }
            definition.Activities.Add(new ActivityDefinition
            {
                Id = Text(a, "Id") ?? "",
                Type = Text(a, "Type") ?? "",
                IsStart = a["IsStart"] is JsonValue s && s.TryGetValue<bool>(out var start) && start,
                Properties = a["Properties"] is JsonObject p ? (JsonObject)p.DeepClone() : [],
            });
        }
        if (root["Transitions"] is not (JsonArray or null))
        {
            errors.Add("'Transitions' moet een lijst zijn.");
            return null;
        }
        foreach (var (node, index) in (root["Transitions"] as JsonArray ?? []).Select((n, i) => (n, i)))
        {
            if (node is not JsonObject t)
            {
                errors.Add($"Overgang {index + 1} is geen object.");
                continue;
            }
            definition.Transitions.Add(new TransitionDefinition
            {
                From = Text(t, "From") ?? "",
                Outcome = Text(t, "Outcome") ?? "Done",
                To = Text(t, "To") ?? "",
            });
        }
        return definition;
    }

    private void CheckActivities(WorkflowDefinition definition, List<string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var activity in definition.Activities)
        {
            if (string.IsNullOrWhiteSpace(activity.Id))
            {
                errors.Add("Elke activiteit heeft een 'Id' nodig.");
            }
            else if (!seen.Add(activity.Id))
            {
                errors.Add($"De activiteit-id '{activity.Id}' komt meer dan één keer voor.");
            }
            if (library.Find(activity.Type) is not { } type)
            {
                errors.Add(string.IsNullOrWhiteSpace(activity.Type)
                    ? $"Activiteit '{activity.Id}' heeft geen 'Type'."
                    : $"Activiteit '{activity.Id}' heeft een onbekend type '{activity.Type}'.");
                continue;
            }
            if (activity.IsStart && type.Kind != Abstractions.ActivityKind.Event)
            {
                errors.Add($"Activiteit '{activity.Id}' ({activity.Type}) kan geen start zijn: alleen gebeurtenissen starten een workflow.");
            }
            errors.AddRange(type.Validate(activity.Properties).Select(message => $"Activiteit '{activity.Id}' ({activity.Type}): {message}"));
        }
        if (!definition.Activities.Any(a => a.IsStart))
        {
            errors.Add("Er is geen startactiviteit: zet \"IsStart\": true bij een gebeurtenis.");
        }
    }

    private void CheckTransitions(WorkflowDefinition definition, List<string> errors)
    {
        foreach (var transition in definition.Transitions)
        {
            var from = definition.Activity(transition.From);
            if (from is null)
            {
                errors.Add($"Een overgang komt van activiteit '{transition.From}', die niet bestaat.");
            }
            if (definition.Activity(transition.To) is null)
            {
                errors.Add($"Een overgang gaat naar activiteit '{transition.To}', die niet bestaat.");
            }
            if (from is not null && library.Find(from.Type) is { } type && !type.Outcomes(from.Properties).Contains(transition.Outcome))
            {
                errors.Add($"Activiteit '{from.Id}' ({from.Type}) heeft geen uitkomst '{transition.Outcome}'; mogelijk: {string.Join(", ", type.Outcomes(from.Properties))}.");
            }
        }
    }

    private static string? Text(JsonObject obj, string property) =>
        obj[property] is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : null;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
