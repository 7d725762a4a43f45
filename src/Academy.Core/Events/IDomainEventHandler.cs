namespace Academy.Core.Events;

/// <summary>
/// Consumes committed domain events from the outbox. The dispatcher calls every handler for a message in
/// one scope and one transaction, together with marking the message processed: what a handler writes
/// (workflow state, queued mails) commits exactly once with it, or is retried as a whole.
/// </summary>
public interface IDomainEventHandler
{
    Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken);
}
