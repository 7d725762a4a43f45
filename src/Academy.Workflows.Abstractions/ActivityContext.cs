using System.Text.Json.Nodes;

namespace Academy.Workflows.Abstractions;

/// <summary>What an activity sees while it runs.</summary>
public sealed class ActivityContext
{
    public required long WorkflowInstanceId { get; init; }
    public required string WorkflowTypeId { get; init; }
    /// <summary>The version of the workflow type the instance runs on (it keeps it when the type is edited).</summary>
    public int WorkflowTypeVersion { get; init; }
    /// <summary>What the instance is about, e.g. the enrolment id.</summary>
    public required string? CorrelationId { get; init; }
    /// <summary>The activity's id within the workflow type.</summary>
    public required string ActivityId { get; init; }
    /// <summary>The activity's properties from the workflow type JSON.</summary>
    public required JsonObject Properties { get; init; }
    /// <summary>The payload of the event that started or resumed the instance (last one wins).</summary>
    public required JsonObject Input { get; init; }
    /// <summary>Values activities keep for later ones; persisted with the instance.</summary>
    public required JsonObject Variables { get; init; }
    public required DateTime NowUtc { get; init; }
    /// <summary>Renders a Liquid template against Input, Variables, Workflow and Site.</summary>
    public required Func<string, Task<string>> RenderAsync { get; init; }
    /// <summary>Renders a Liquid template whose text is Markdown (a mail body): every output value is escaped, so it stays text.</summary>
    public required Func<string, Task<string>> RenderMarkdownAsync { get; init; }
    /// <summary>Evaluates a Liquid expression (such as <c>Input.Status == "Confirmed"</c>) to a boolean.</summary>
    public required Func<string, Task<bool>> EvaluateAsync { get; init; }
    /// <summary>
    /// How many times this activity already completed in this instance (0 the first time). A re-run of a
    /// failed step sees the same number, so it belongs in idempotency keys ("wf:{instance}:{activity}:{count}").
    /// </summary>
    public int ExecutionCount { get; init; }

    public string? Property(string name) => Properties[name]?.GetValue<string>();
}
