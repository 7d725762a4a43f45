using Academy.Workflows.Abstractions;

namespace Academy.Workflows.Activities;

/// <summary>
/// A domain event as a workflow activity: as a start it starts an instance; reached later it blocks until
/// the event occurs for the instance's correlation id (e.g. EnrolmentCancelled for the same enrolment).
/// </summary>
public class DomainEventActivity(WorkflowEventRegistration registration) : Activity
{
    public override string Name => registration.EventType;

    public override ActivityKind Kind => ActivityKind.Event;

    public override string DisplayText => registration.DisplayText;

    public override Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ActivityResult.Halt);
}
