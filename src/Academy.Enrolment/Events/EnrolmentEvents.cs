using Academy.Enrolment.Abstractions;

namespace Academy.Enrolment.Events;

// Each event copies the common facts from an EnrolmentSubject (what the enrolment is about) and adds its own.
// The outbox stores them as JSON (property names as declared), which is the Input of the workflows that react to them.

/// <summary>What every enrolment event says about the enrolment; never written to the outbox itself.</summary>
public sealed record EnrolmentSubject(
    long EnrolmentId, string EditionId, string EditionName, string OfferingId, string OfferingTitle, string OfferingUrl,
    string ParticipantName, string ParticipantEmail, string? ParticipantUserId, DateTime? FirstSessionStartUtc)
    : EnrolmentEvent(EnrolmentId, EditionId, EditionName, OfferingId, OfferingTitle, OfferingUrl,
        ParticipantName, ParticipantEmail, ParticipantUserId, FirstSessionStartUtc);

/// <summary>Asked for a place on an edition that needs the leer-coördinator's approval.</summary>
public sealed record EnrolmentRequested : EnrolmentEvent
{
    public EnrolmentRequested(EnrolmentSubject subject) : base(subject) { }
}

/// <summary>Has a seat: enrolled directly, approved, promoted from the waitlist or confirmed by the employer's contact.</summary>
public sealed record EnrolmentConfirmed : EnrolmentEvent
{
    public EnrolmentConfirmed(EnrolmentSubject subject, bool promoted = false) : base(subject) => Promoted = promoted;

    /// <summary>Moved up from the waitlist: the <see cref="EnrolmentPromoted"/> mail already tells the participant, so the confirmation mail skips it.</summary>
    public bool Promoted { get; init; }
}

/// <summary>The edition was full: on the waitlist at <see cref="WaitlistPosition"/> (1 = next in line).</summary>
public sealed record EnrolmentWaitlisted : EnrolmentEvent
{
    public EnrolmentWaitlisted(EnrolmentSubject subject, int waitlistPosition) : base(subject) => WaitlistPosition = waitlistPosition;

    public int WaitlistPosition { get; init; }
}

/// <summary>Moved from the waitlist to a seat (an <see cref="EnrolmentConfirmed"/> follows in the same transaction).</summary>
public sealed record EnrolmentPromoted : EnrolmentEvent
{
    public EnrolmentPromoted(EnrolmentSubject subject) : base(subject) { }
}

/// <summary>Cancelled by the participant, their employer or the leer-coördinator.</summary>
public sealed record EnrolmentCancelled : EnrolmentEvent
{
    public EnrolmentCancelled(EnrolmentSubject subject, string? reason, EnrolmentActor cancelledBy, EnrolmentStatus previousStatus) : base(subject)
    {
        Reason = reason;
        CancelledBy = cancelledBy.ToString();
        ByCoordinator = cancelledBy == EnrolmentActor.Coordinator;
        PreviousStatus = previousStatus.ToString();
    }

    public string? Reason { get; init; }
    /// <summary>Participant, Employer or Coordinator.</summary>
    public string CancelledBy { get; init; }
    public bool ByCoordinator { get; init; }
    /// <summary>Confirmed, Waitlisted, Pending or Held.</summary>
    public string PreviousStatus { get; init; }
}

/// <summary>The leer-coördinator declined a request, with a reason for the participant.</summary>
public sealed record EnrolmentDeclined : EnrolmentEvent
{
    public EnrolmentDeclined(EnrolmentSubject subject, string reason) : base(subject) => Reason = reason;

    public string Reason { get; init; }
}

/// <summary>
/// The leer-coördinator approved a request; <see cref="Status"/> says whether it got a seat ("Confirmed", with an
/// <see cref="EnrolmentConfirmed"/>) or went to the waitlist ("Waitlisted", with an <see cref="EnrolmentWaitlisted"/>).
/// </summary>
public sealed record EnrolmentApproved : EnrolmentEvent
{
    public EnrolmentApproved(EnrolmentSubject subject, EnrolmentStatus status) : base(subject) => Status = status.ToString();

    public string Status { get; init; }
}

/// <summary>
/// Took part to the end (by the offering's completion rule, or marked by the leer-coördinator). Starts the workflow
/// "Accreditatie-uren toekennen"; <see cref="CompletedUtc"/> decides which accreditations were valid.
/// </summary>
public sealed record EnrolmentCompleted : EnrolmentEvent
{
    public EnrolmentCompleted(EnrolmentSubject subject, DateTime completedUtc, string? organisationId, string completedByUserId) : base(subject)
    {
        CompletedUtc = completedUtc;
        OrganisationId = organisationId;
        CompletedByUserId = completedByUserId;
    }

    public DateTime CompletedUtc { get; init; }
    public string? OrganisationId { get; init; }
    public string CompletedByUserId { get; init; }
}
