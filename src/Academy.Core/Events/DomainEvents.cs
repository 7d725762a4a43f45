using System.Text.Json;
using Academy.Core.Data;

namespace Academy.Core.Events;

/// <summary>A fact that happened; its class name is its type in the outbox.</summary>
public interface IDomainEvent
{
    /// <summary>What the event is about (a content item id, an enrolment id…), used to correlate workflows.</summary>
    string CorrelationId { get; }
}

/// <summary>
/// Adds events to the current unit of work. They are written by the caller's next SaveChanges,
/// so they commit or roll back together with the change.
/// </summary>
public sealed class EventOutbox(AcademyDbContext db, TimeProvider clock)
{
    public void Add(IDomainEvent domainEvent)
    {
        db.Outbox.Add(new OutboxMessage
        {
            Type = domainEvent.GetType().Name,
            Payload = JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), Content.ContentJson.Options),
            CorrelationId = domainEvent.CorrelationId,
            OccurredUtc = clock.GetUtcNow().UtcDateTime,
        });
    }
}
