using System.Text.Json.Nodes;
using Academy.Workflows.Abstractions;
using Academy.Workflows.Services;

namespace Academy.Workflows.Activities;

/// <summary>Keeps a value for later activities: <c>Name</c>, <c>Value</c> (Liquid); read as <c>{{ Variables.Name }}</c>.</summary>
public sealed class SetVariableTask(WorkflowLiquid liquid) : Activity
{
    public override string Name => "SetVariable";

    public override ActivityKind Kind => ActivityKind.Task;

    public override string DisplayText => "Variabele zetten";

    public override IEnumerable<string> Validate(JsonObject properties) =>
        PropertyChecks.Liquid(liquid, properties, ["Name"], ["Value"]);

    public override async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var name = context.Property("Name")?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw new WorkflowActivityException("'Name' is leeg.");
        }
        context.Variables[name] = await context.RenderAsync(context.Property("Value") ?? "");
        return ActivityResult.Outcomes("Done");
    }
}
