using System.Text.Json.Nodes;

namespace Academy.Workflows.Models;

/// <summary>The JSON of a workflow type: activities joined by transitions on their outcomes.</summary>
public sealed class WorkflowDefinition
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public bool IsEnabled { get; set; } = true;
    public List<ActivityDefinition> Activities { get; set; } = [];
    public List<TransitionDefinition> Transitions { get; set; } = [];

    public ActivityDefinition? Activity(string id) => Activities.FirstOrDefault(a => a.Id == id);

    /// <summary>The activities that follow <paramref name="activityId"/> when it ends with <paramref name="outcome"/>.</summary>
    public IEnumerable<string> Next(string activityId, string outcome) =>
        Transitions.Where(t => t.From == activityId && t.Outcome == outcome).Select(t => t.To);
}

public sealed class ActivityDefinition
{
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";
    public bool IsStart { get; set; }
    public JsonObject Properties { get; set; } = [];
}

public sealed class TransitionDefinition
{
    public string From { get; set; } = "";
    public string Outcome { get; set; } = "Done";
    public string To { get; set; } = "";
}
