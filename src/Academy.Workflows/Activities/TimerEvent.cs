using System.Globalization;
using System.Text.Json.Nodes;
using Academy.Core.Jobs;
using Academy.Workflows.Abstractions;

namespace Academy.Workflows.Activities;

/// <summary>
/// Waits until a moment: <c>At</c> (an ISO date-time) or <c>Relative</c> (Liquid giving a date-time, such as
/// <c>{{ Input.FirstSessionStartUtc }}</c>) shifted by <c>Offset</c> ("-2d", "-2.00:00:00"). A moment already
/// past continues at once.
/// </summary>
public sealed class TimerEvent(IJobScheduler jobs) : Activity
{
    public const string TypeName = "Timer";

    public override string Name => TypeName;

    public override ActivityKind Kind => ActivityKind.Event;

    public override string DisplayText => "Timer (wachten tot een tijdstip)";

    public override IEnumerable<string> Validate(JsonObject properties)
    {
        var at = Text(properties, "At");
        var relative = Text(properties, "Relative");
        if (at is null && relative is null)
        {
            yield return "vul 'At' (een datum en tijd) of 'Relative' (een Liquid-uitdrukking) in.";
        }
        if (at is not null && !TryParseDate(at, out _))
        {
            yield return $"'At' is geen datum en tijd (gebruik bijvoorbeeld 2027-03-01T09:00:00Z).";
        }
        if (Text(properties, "Offset") is { } offset && !Durations.TryParse(offset, out _))
        {
            yield return "'Offset' is geen duur (gebruik bijvoorbeeld \"-2d\", \"3h\" of \"-2.00:00:00\").";
        }
    }

    public override async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) =>
        await WorkflowTimers.WaitUntilAsync(jobs, context, await DueAsync(context), cancellationToken);

    private static async Task<DateTime> DueAsync(ActivityContext context)
    {
        var source = context.Property("At") is { Length: > 0 } at ? at : await context.RenderAsync(context.Property("Relative") ?? "");
        if (!TryParseDate(source, out var due))
        {
            throw new WorkflowActivityException($"Het tijdstip '{source}' is geen datum en tijd.");
        }
        if (context.Property("Offset") is { Length: > 0 } offsetText)
        {
            if (!Durations.TryParse(offsetText, out var offset))
            {
                throw new WorkflowActivityException($"'{offsetText}' is geen duur.");
            }
            due = due.Add(offset);
        }
        return due;
    }

    public static bool TryParseDate(string? text, out DateTime utc) =>
        DateTime.TryParse(text?.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc);

    private static string? Text(JsonObject properties, string name) =>
        properties[name] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;
}
