using System.Text.Json.Nodes;

namespace Academy.Workflows.Abstractions;

public enum ActivityKind
{
    /// <summary>Starts an instance or resumes one that waits for it (a domain event, a timer, a signal).</summary>
    Event,
    /// <summary>Does work when reached (send a mail, set a status, test a condition).</summary>
    Task,
}

/// <summary>
/// An activity type, like Orchard Core's IActivity. A workflow type's JSON names it by <see cref="Name"/>
/// and gives it properties; its outcomes are joined to next activities by transitions.
/// Modules contribute activities with <c>services.AddActivity&lt;T&gt;()</c>.
/// </summary>
public abstract class Activity
{
    /// <summary>The type name used in workflow JSON, e.g. "SendEmail" or "EnrolmentConfirmed".</summary>
    public abstract string Name { get; }

    public abstract ActivityKind Kind { get; }

    /// <summary>Dutch label for the admin pages.</summary>
    public abstract string DisplayText { get; }

    /// <summary>The outcomes this activity can end with, given its properties.</summary>
    public virtual IReadOnlyList<string> Outcomes(JsonObject properties) => ["Done"];

    /// <summary>Dutch problems with the properties (empty when valid); shown when a workflow type is saved.</summary>
    public virtual IEnumerable<string> Validate(JsonObject properties) => [];

    /// <summary>
    /// For events: whether this occurrence (the context's Input) should start or resume the instance,
    /// e.g. a ContentPublished event filtered on content type.
    /// </summary>
    public virtual Task<bool> CanHandleAsync(ActivityContext context) => Task.FromResult(true);

    /// <summary>
    /// Runs the activity. A task does its work and returns its outcomes. An event reached in the middle of a
    /// workflow returns <see cref="ActivityResult.Halt"/> to block until it occurs; when it then occurs (or
    /// starts the workflow) the engine calls <see cref="ResumeAsync"/>.
    /// </summary>
    public abstract Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken);

    /// <summary>Called when the event this blocked activity waits for occurs (Input holds its payload).</summary>
    public virtual Task<ActivityResult> ResumeAsync(ActivityContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ActivityResult.Outcomes("Done"));
}

/// <summary>Where the engine goes after an activity.</summary>
public sealed class ActivityResult
{
    private ActivityResult(IReadOnlyList<string> outcomes, bool halted)
    {
        OutcomeNames = outcomes;
        Halted = halted;
    }

    public IReadOnlyList<string> OutcomeNames { get; }

    /// <summary>The instance blocks on this activity until its event, timer or signal comes.</summary>
    public bool Halted { get; }

    public static ActivityResult Outcomes(params string[] outcomes) => new(outcomes, false);

    public static ActivityResult Halt { get; } = new([], true);
}
