namespace Academy.Meldingen.Models;

/// <summary>Where a melding is in the gidsen's queue.</summary>
public enum MeldingStatus
{
    Open,
    Claimed,
    Closed,
}

/// <summary>How the asker wants to be reached; only that one detail is asked and kept.</summary>
public enum ContactChannel
{
    Email,
    Phone,
}

/// <summary>
/// A visitor's question ("Stel je vraag") as the gidsen handle it. The dimensions the dashboard counts (audience,
/// topic, gemeente, referral, dates) stay for good; the personal data (contact details, question, notes) is erased
/// after the retention period once the melding is closed (<see cref="ErasedUtc"/>).
/// </summary>
public sealed class Melding
{
    public long Id { get; set; }

    /// <summary>"WC-2026-000123": what the asker sees and quotes.</summary>
    public string Reference { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
    public string Audience { get; set; } = "";
    public string Topic { get; set; } = "";
    public string Gemeente { get; set; } = "";
    public ContactChannel Channel { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Question { get; set; }
    public MeldingStatus Status { get; set; }
    public string? ClaimedByUserId { get; set; }
    public string? ClaimedByName { get; set; }
    public DateTime? ClaimedUtc { get; set; }

    /// <summary>The partner organisation it was referred to (id and name as they were then, so counts survive a rename).</summary>
    public string? ReferredToId { get; set; }
    public string? ReferredToName { get; set; }
    public DateTime? ClosedUtc { get; set; }
    public DateTime? ErasedUtc { get; set; }
}

/// <summary>What happened to a melding: one row per step, shown as its history.</summary>
public enum MeldingStepKind
{
    Created,
    Claimed,
    Note,
    Referred,
    Closed,
}

public sealed class MeldingStep
{
    public long Id { get; set; }
    public long MeldingId { get; set; }
    public MeldingStepKind Kind { get; set; }
    public DateTime AtUtc { get; set; }
    public string? ActorUserId { get; set; }
    public string? ActorName { get; set; }

    /// <summary>A note's text or the name of the organisation referred to; notes are erased with the melding's personal data.</summary>
    public string? Text { get; set; }
}
