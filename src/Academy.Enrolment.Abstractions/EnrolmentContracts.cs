namespace Academy.Enrolment.Abstractions;

public enum EnrolmentStatus
{
    /// <summary>Waits for the leer-coördinator's approval; holds no seat yet.</summary>
    Pending,
    /// <summary>Reserved by an employer whose contact has not confirmed by mail yet; holds a seat until it expires.</summary>
    Held,
    Confirmed,
    Waitlisted,
    Declined,
    Cancelled,
    /// <summary>An employer's hold that was not confirmed in time; its seat was released.</summary>
    Expired,
    /// <summary>Took part to the end (marked by hand until the accreditation module does it).</summary>
    Completed,
}

/// <summary>Who cancels: the rules differ (a participant only their own and before the deadline; an employer, whose
/// ownership the employer module checks, before the deadline; the coördinator at any time).</summary>
public enum EnrolmentActor
{
    Participant,
    Employer,
    Coordinator,
}

/// <summary>Who takes part: an account holder, or (HARRIE) an employee signed up by an employer without an account.</summary>
public sealed record Participant(string? UserId, string Name, string Email, string? Function = null, string? OrganisationId = null);

/// <summary>The outcome of a request; <see cref="Error"/> is a Dutch message when nothing changed.</summary>
public sealed record EnrolmentResult(long? EnrolmentId, EnrolmentStatus? Status, int? WaitlistPosition, string? Error)
{
    public bool Succeeded => Error is null;

    public static EnrolmentResult Fail(string dutchMessage) => new(null, null, null, dutchMessage);
}

/// <summary>
/// The enrolment rules, for this module's pages and for other modules (employer sign-up). Every method
/// is one transaction with the events it raises; seats are claimed by a conditional update, never by
/// count-then-insert, so nothing overbooks.
/// </summary>
public interface IEnrolmentService
{
    /// <summary>Enrols (or waitlists, or asks approval for) a participant on a published, future edition.</summary>
    Task<EnrolmentResult> EnrolAsync(string editionId, Participant participant, CancellationToken cancellationToken = default);

    /// <summary>Reserves seats for an employer's employees, all or none, until <paramref name="expiresUtc"/>.</summary>
    Task<IReadOnlyList<EnrolmentResult>> HoldAsync(string editionId, IReadOnlyList<Participant> participants, string holdGroupId, DateTime expiresUtc, CancellationToken cancellationToken = default);

    /// <summary>The contact confirmed: the group's held seats become confirmed enrolments. Returns how many.</summary>
    Task<int> ConfirmHoldAsync(string holdGroupId, CancellationToken cancellationToken = default);

    /// <summary>Releases unconfirmed holds past their expiry (promoting waitlisted people). Returns how many.</summary>
    Task<int> ExpireHoldsAsync(DateTime nowUtc, CancellationToken cancellationToken = default);

    /// <summary>Ends a group's unconfirmed holds now (the coördinator releases them), promoting waitlisted people. Returns how many.</summary>
    Task<int> ReleaseHoldAsync(string holdGroupId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a group's holds that ended unconfirmed (retention); confirmed enrolments stay. Returns how many.</summary>
    Task<int> DeleteEndedHoldsAsync(string holdGroupId, CancellationToken cancellationToken = default);

    /// <summary>Cancels; frees the seat and promotes the first waitlisted person in the same transaction.</summary>
    /// <param name="byCoordinator">The coördinator may cancel at any time; a participant only before the deadline.</param>
    Task<EnrolmentResult> CancelAsync(long enrolmentId, string actorUserId, bool byCoordinator, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>Cancels as <paramref name="actor"/>; the event records who cancelled.</summary>
    Task<EnrolmentResult> CancelAsync(long enrolmentId, string actorUserId, EnrolmentActor actor, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>Replaces the participant of an enrolment (an employer swaps an employee); the seat stays taken.</summary>
    Task<EnrolmentResult> SwapParticipantAsync(long enrolmentId, Participant replacement, string actorUserId, CancellationToken cancellationToken = default);

    Task<EnrolmentResult> ApproveAsync(long enrolmentId, string actorUserId, CancellationToken cancellationToken = default);

    Task<EnrolmentResult> DeclineAsync(long enrolmentId, string actorUserId, string reason, CancellationToken cancellationToken = default);

    /// <summary>
    /// The coördinator moves a participant to another edition of the same offering: cancels here and enrols
    /// there (seat, waitlist or approval by that edition's rules) in one transaction; the result is the new enrolment.
    /// </summary>
    Task<EnrolmentResult> MoveAsync(long enrolmentId, string targetEditionId, string actorUserId, CancellationToken cancellationToken = default);
}

/// <summary>Records completions: the accreditation module by completion rule, or the leer-coördinator by hand; prerequisites read them.</summary>
public interface IEnrolmentCompletion
{
    /// <summary>
    /// A confirmed enrolment becomes Completed, its offering counts as completed for the participant, and an
    /// EnrolmentCompleted event is raised in the same transaction. A second completion fails with a Dutch message.
    /// </summary>
    Task<EnrolmentResult> MarkCompletedAsync(long enrolmentId, string actorUserId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Completes every confirmed enrolment among <paramref name="enrolmentIds"/> in one transaction (joining the caller's),
    /// with an EnrolmentCompleted event each; others (unknown, not confirmed, already completed) are skipped. Returns the
    /// ids completed, or null when a concurrent change won the race (nothing was completed then).
    /// </summary>
    Task<IReadOnlyList<long>?> MarkCompletedManyAsync(IReadOnlyCollection<long> enrolmentIds, string actorUserId, CancellationToken cancellationToken = default);
}

/// <summary>One enrolment as other modules (attendance, accreditation) need it.</summary>
public sealed record RosterEntry(
    long EnrolmentId,
    string EditionId,
    string OfferingId,
    string? UserId,
    string Name,
    string Email,
    string? OrganisationId,
    EnrolmentStatus Status);

/// <summary>Who is on an edition (read-only; changes go through <see cref="IEnrolmentService"/>).</summary>
public interface IEnrolmentRoster
{
    /// <summary>Confirmed and completed enrolments of the edition (the people who take part), by name.</summary>
    Task<IReadOnlyList<RosterEntry>> ParticipantsAsync(string editionId, CancellationToken cancellationToken = default);

    Task<RosterEntry?> GetAsync(long enrolmentId, CancellationToken cancellationToken = default);

    /// <summary>Every enrolment an employer made in these hold groups (one per sign-up), in the order they were made.</summary>
    Task<IReadOnlyList<GroupEnrolment>> ByHoldGroupsAsync(IReadOnlyCollection<string> holdGroupIds, CancellationToken cancellationToken = default);

    /// <summary>The enrolment when an employer made it in a hold group; otherwise null.</summary>
    Task<GroupEnrolment?> GetInHoldGroupAsync(long enrolmentId, CancellationToken cancellationToken = default);
}

/// <summary>An enrolment an employer made for an employee, in the hold group of its sign-up.</summary>
public sealed record GroupEnrolment(long EnrolmentId, string HoldGroupId, string Name, string Email, string? Function, EnrolmentStatus Status);

/// <summary>The enrolment module's permission names, for other modules' pages that need the same right.</summary>
public static class EnrolmentPermissionNames
{
    public const string ManageEnrolments = "ManageEnrolments";
}

/// <summary>Domain events of the enrolment module; their class names are the workflow event activity names.</summary>
public abstract record EnrolmentEvent(
    long EnrolmentId,
    string EditionId,
    string EditionName,
    string OfferingId,
    string OfferingTitle,
    string OfferingUrl,
    string ParticipantName,
    string ParticipantEmail,
    string? ParticipantUserId,
    DateTime? FirstSessionStartUtc) : Academy.Core.Events.IDomainEvent
{
    public string CorrelationId => EnrolmentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
