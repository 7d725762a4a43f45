namespace Academy.Core.Events;

/// <summary>A domain event committed with the change that caused it; consumers read the log in Id order.</summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public string Type { get; set; } = "";
    public string Payload { get; set; } = "{}";
    public string? CorrelationId { get; set; }
    public DateTime OccurredUtc { get; set; }
    public DateTime? ProcessedUtc { get; set; }
    public int Attempts { get; set; }
}
