using System.Text.Json.Nodes;
using Academy.Core.Jobs;
using Academy.Workflows.Abstractions;

namespace Academy.Workflows.Activities;

/// <summary>Waits for <c>Duration</c> ("1d", "02:00:00") from the moment it is reached, then continues with Done.</summary>
public sealed class WaitTask(IJobScheduler jobs) : Activity
{
    public const string TypeName = "Wait";

    public override string Name => TypeName;

    public override ActivityKind Kind => ActivityKind.Task;

    public override string DisplayText => "Wachten (een tijdsduur)";

    public override IEnumerable<string> Validate(JsonObject properties) =>
        properties["Duration"] is JsonValue v && v.TryGetValue<string>(out var text) && Durations.TryParse(text, out var duration) && duration > TimeSpan.Zero
            ? []
            : ["'Duration' is verplicht en positief (bijvoorbeeld \"1d\" of \"02:00:00\")."];

    public override Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        if (!Durations.TryParse(context.Property("Duration"), out var duration))
        {
            throw new WorkflowActivityException($"'{context.Property("Duration")}' is geen duur.");
        }
        return WorkflowTimers.WaitUntilAsync(jobs, context, context.NowUtc.Add(duration), cancellationToken);
    }
}
