using Academy.Enrolment.Models;
using Academy.Enrolment.Abstractions;
using Academy.Enrolment.Queries;

namespace Academy.Enrolment.ViewModels;

/// <summary>Whether a participant may cancel an enrolment themselves, and if not, why.</summary>
public enum SelfCancellation
{
    Allowed,
    /// <summary>Ended already (cancelled, declined, completed ...): nothing to cancel.</summary>
    NotActive,
    /// <summary>An employer reserved the seat or enrolled the person without their account; the employer changes it.</summary>
    ByEmployer,
    DeadlinePassed,
    Started,
}

public sealed record MyEnrolmentItem(MyEnrolment Enrolment, SelfCancellation Cancellation)
{
    public long Id => Enrolment.Record.Id;

    public DateTime? DeadlineUtc => Enrolment.Edition?.CancellationDeadlineUtc();

    /// <summary>
    /// What the page offers; the enrolment service decides for real when the form is posted. A participant
    /// cancels active enrolments of editions that have not started, until the edition's deadline.
    /// </summary>
    public static MyEnrolmentItem For(MyEnrolment enrolment, DateTime nowUtc)
    {
        var status = enrolment.Record.Status;
        var edition = enrolment.Edition;
        var cancellation =
            !EnrolmentStatusText.IsActive(status) || edition is null ? SelfCancellation.NotActive
            : status == EnrolmentStatus.Held || enrolment.Record.UserId is null ? SelfCancellation.ByEmployer
            : edition.StartUtc is { } start && start <= nowUtc ? SelfCancellation.Started
            : edition.CancellationDeadlineUtc() is { } deadline && deadline <= nowUtc ? SelfCancellation.DeadlinePassed
            : SelfCancellation.Allowed;
        return new MyEnrolmentItem(enrolment, cancellation);
    }
}

public sealed class MyEnrolmentsViewModel
{
    public required IReadOnlyList<MyEnrolmentItem> Upcoming { get; init; }
    public required IReadOnlyList<MyEnrolmentItem> Past { get; init; }
    public string? Notice { get; init; }
    /// <summary>Other modules' links per edition id (<see cref="IEnrolmentLinks"/>), such as the edition's community group.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<EnrolmentLink>> Links { get; init; } = new Dictionary<string, IReadOnlyList<EnrolmentLink>>();
}

public sealed class CancelEnrolmentViewModel
{
    public required MyEnrolmentItem Item { get; init; }
    public required string ContactEmail { get; init; }
    public string? Error { get; init; }
}
