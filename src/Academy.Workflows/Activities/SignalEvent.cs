using System.Text.Json.Nodes;
using Academy.Workflows.Abstractions;

namespace Academy.Workflows.Activities;

/// <summary>
/// Blocks until the signal named by property <c>Signal</c> ("approve", "decline") arrives through a signed
/// link (<c>{{ Signals.approve }}</c> in a mail) or an admin button. Its Input is { Signal, Reason, ActorUserId }.
/// </summary>
public sealed class SignalEvent : Activity
{
    public const string TypeName = "Signal";

    public override string Name => TypeName;

    public override ActivityKind Kind => ActivityKind.Event;

    public override string DisplayText => "Signaal (bijvoorbeeld goedkeuren via een link)";

    public override IEnumerable<string> Validate(JsonObject properties) =>
        SignalName(properties) is { Length: > 0 } ? [] : ["'Signal' is verplicht (bijvoorbeeld \"approve\")."];

    public override Task<bool> CanHandleAsync(ActivityContext context) =>
        Task.FromResult(string.Equals(context.Input["Signal"]?.GetValue<string>(), SignalName(context.Properties), StringComparison.OrdinalIgnoreCase));

    public override Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ActivityResult.Halt);

    public static string? SignalName(JsonObject properties) =>
        properties["Signal"] is JsonValue v && v.TryGetValue<string>(out var name) ? name.Trim() : null;
}
