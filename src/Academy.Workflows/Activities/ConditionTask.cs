using System.Text.Json.Nodes;
using Academy.Workflows.Abstractions;
using Academy.Workflows.Services;

namespace Academy.Workflows.Activities;

/// <summary>Tests the Liquid <c>Expression</c> (e.g. <c>Input.FirstSessionStartUtc != blank</c>): outcome True or False.</summary>
public sealed class ConditionTask(WorkflowLiquid liquid) : Activity
{
    public override string Name => "Condition";

    public override ActivityKind Kind => ActivityKind.Task;

    public override string DisplayText => "Voorwaarde";

    public override IReadOnlyList<string> Outcomes(JsonObject properties) => ["True", "False"];

    public override IEnumerable<string> Validate(JsonObject properties) =>
        PropertyChecks.Text(properties, "Expression") is { Length: > 0 } expression
            ? liquid.SyntaxError($"{{% if {expression} %}}{{% endif %}}") is { } error ? [$"'Expression': {error}"] : []
            : ["'Expression' is verplicht."];

    public override async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) =>
        ActivityResult.Outcomes(await context.EvaluateAsync(context.Property("Expression") ?? "") ? "True" : "False");
}
