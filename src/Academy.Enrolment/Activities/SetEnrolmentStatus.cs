using System.Globalization;
using System.Text.Json.Nodes;
using Academy.Enrolment.Abstractions;
using Academy.Workflows.Abstractions;

namespace Academy.Enrolment.Activities;

/// <summary>
/// Workflow task on the enrolment the instance is about (its correlation id): "Confirmed" approves, "Declined"
/// declines and "Cancelled" cancels as the leer-coördinator, with an optional Liquid Reason. Outcomes Done or Failed.
/// </summary>
public sealed class SetEnrolmentStatus(IEnrolmentService enrolments) : Activity
{
    public const string ActorId = "workflow";
    private static readonly string[] Statuses = ["Confirmed", "Declined", "Cancelled"];

    public override string Name => "SetEnrolmentStatus";
    public override ActivityKind Kind => ActivityKind.Task;
    public override string DisplayText => "Status van aanmelding wijzigen";

    public override IReadOnlyList<string> Outcomes(JsonObject properties) => ["Done", "Failed"];

    public override IEnumerable<string> Validate(JsonObject properties)
    {
        var status = properties["Status"]?.GetValue<string>();
        if (!Statuses.Contains(status))
        {
            yield return "Kies als status Confirmed (goedkeuren), Declined (afwijzen) of Cancelled (annuleren).";
        }
        if (status == "Declined" && string.IsNullOrWhiteSpace(properties["Reason"]?.GetValue<string>()))
        {
            yield return "Geef bij afwijzen een reden op.";
        }
    }

    public override async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        if (!long.TryParse(context.CorrelationId, NumberStyles.None, CultureInfo.InvariantCulture, out var enrolmentId))
        {
            return ActivityResult.Outcomes("Failed");
        }
        var reason = context.Property("Reason") is { Length: > 0 } template ? (await context.RenderAsync(template)).Trim() : null;
        var result = context.Property("Status") switch
        {
            "Confirmed" => await enrolments.ApproveAsync(enrolmentId, ActorId, cancellationToken),
            "Declined" => await enrolments.DeclineAsync(enrolmentId, ActorId, reason ?? "", cancellationToken),
            "Cancelled" => await enrolments.CancelAsync(enrolmentId, ActorId, byCoordinator: true, reason, cancellationToken),
            _ => EnrolmentResult.Fail("Onbekende status."),
        };
        return ActivityResult.Outcomes(result.Succeeded ? "Done" : "Failed");
    }
}
