using Academy.Core.Background;

namespace Academy.Core.Events;

/// <summary>A domain event committed with the change that caused it; consumers read the log in Id order.</summary>
public class OutboxMessage : ILeasedWork
{
    public long Id { get; set; }
    public string Type { get; set; } = "";
    public string Payload { get; set; } = "{}";
    public string? CorrelationId { get; set; }
    public DateTime OccurredUtc { get; set; }
    public DateTime? ProcessedUtc { get; set; }
    public int Attempts { get; set; }

    // Dispatch bookkeeping (see OutboxDispatcher): who works on it, when to retry, why it failed.
    public DateTime? LeaseUntilUtc { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? NextAttemptUtc { get; set; }
    public string? LastError { get; set; }
    /// <summary>Set when the message failed too often; it is then skipped (shown to admins, retried by hand).</summary>
    public DateTime? FailedUtc { get; set; }
}
