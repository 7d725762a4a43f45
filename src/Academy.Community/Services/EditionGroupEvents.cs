using Academy.Core.Events;
using Academy.Enrolment.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Community.Services;

/// <summary>
/// Keeps edition groups in step with the enrolment events: confirmed → member, cancelled → removed. Only people with an
/// account take part (an employer's employee without one has no user id in the event and is skipped).
/// </summary>
public sealed class EditionGroupEvents(IServiceProvider services) : IDomainEventHandler
{
    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        // The dispatcher creates every handler for every message: the group service only for the two events that matter.
        if (message.Type is not (EnrolmentEventTypes.Confirmed or EnrolmentEventTypes.Cancelled)
            || EnrolmentEventTypes.Read(message) is not { ParticipantUserId: { Length: > 0 } userId } facts)
        {
            return;
        }
        var groups = services.GetRequiredService<EditionGroups>();
        if (message.Type == EnrolmentEventTypes.Confirmed)
        {
            await groups.AddParticipantAsync(facts, userId, cancellationToken);
        }
        else
        {
            await groups.RemoveParticipantAsync(facts, userId, cancellationToken);
        }
    }
}
