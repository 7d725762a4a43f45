using Academy.Enrolment.Abstractions;

namespace Academy.Enrolment.Models;

/// <summary>
/// One person on one edition. (EditionId, ParticipantEmail, ActiveMarker) is unique: active enrolments share
/// marker 0, so nobody is on an edition twice, while ended ones (cancelled, declined, expired) carry their own id.
/// </summary>
public class EnrolmentRecord
{
    public long Id { get; set; }
    public string EditionId { get; set; } = "";
    public string OfferingId { get; set; } = "";
    public string? UserId { get; set; }
    public string ParticipantName { get; set; } = "";
    /// <summary>Lower-cased; identifies the participant when there is no account (HARRIE employees).</summary>
    public string ParticipantEmail { get; set; } = "";
    public string? ParticipantFunction { get; set; }
    public string? OrganisationId { get; set; }
    public EnrolmentStatus Status { get; set; }
    /// <summary>Arrival order on the waitlist (from the edition's counter); the position is the rank among those still waiting.</summary>
    public long? WaitlistSequence { get; set; }
    /// <summary>Employer sign-ups: the group of holds confirmed by one mail link.</summary>
    public string? HoldGroupId { get; set; }
    public DateTime? HoldExpiresUtc { get; set; }
    public string? DeclineReason { get; set; }
    public string? CancelReason { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    /// <summary>0 while active; the record's own id once cancelled, declined or expired (see the class comment).</summary>
    public long ActiveMarker { get; set; }
    /// <summary>Optimistic concurrency for edits that are not seat claims.</summary>
    public int Version { get; set; }
}

/// <summary>
/// The seat counter of an edition. A seat is claimed with
/// <c>UPDATE EditionSeats SET Taken = Taken + 1 WHERE EditionId = @id AND Taken &lt; Capacity</c>,
/// so two transactions can never both take the last seat.
/// </summary>
public class EditionSeatRecord
{
    public string EditionId { get; set; } = "";
    public int Capacity { get; set; }
    /// <summary>Confirmed plus held enrolments.</summary>
    public int Taken { get; set; }
    /// <summary>Last waitlist sequence handed out.</summary>
    public long WaitlistCounter { get; set; }
}

/// <summary>A completed offering, by hand until the accreditation module records completions (prerequisites use it).</summary>
public class CompletionRecord
{
    public long Id { get; set; }
    public string OfferingId { get; set; } = "";
    public string ParticipantEmail { get; set; } = "";
    public string? UserId { get; set; }
    public long? EnrolmentId { get; set; }
    public string MarkedByUserId { get; set; } = "";
    public DateTime CompletedUtc { get; set; }
}
