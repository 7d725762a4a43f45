using Academy.Leeragenda.Abstractions;
using Academy.Core.Contracts;
using Academy.Enrolment.Abstractions;
using Academy.Enrolment.Queries;

namespace Academy.Enrolment.ViewModels;

public sealed class EnrolmentOverviewViewModel
{
    public string? Query { get; init; }
    public bool OnlyPending { get; init; }
    public required IReadOnlyList<EditionOverviewRow> Rows { get; init; }
}

/// <summary>The add-a-person form (posted to the group page; errors re-render it with the values kept).</summary>
public sealed class AddParticipantInput
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Function { get; set; }
}

public sealed class EditionParticipantsViewModel
{
    public required EditionInfo Edition { get; init; }
    public required IReadOnlyList<ParticipantRow> Participants { get; init; }
    public AddParticipantInput Add { get; init; } = new();
    public IReadOnlyList<(string? TargetId, string Message)> Errors { get; init; } = [];
    public string? Notice { get; init; }

    public IEnumerable<ParticipantRow> With(params EnrolmentStatus[] statuses) => Participants.Where(p => statuses.Contains(p.Status));
}

/// <summary>One enrolment with the coördinator's actions: move, cancel, approve, decline, mark completed.</summary>
public sealed class EnrolmentDetailViewModel
{
    public required EditionInfo? Edition { get; init; }
    public required string EditionId { get; init; }
    public required ParticipantRow Participant { get; init; }
    /// <summary>Other future editions of the same offering (move targets).</summary>
    public required IReadOnlyList<EditionInfo> OtherEditions { get; init; }
    /// <summary>The reason typed in the cancel or decline form (<see cref="ReasonFieldId"/>), shown again after an error.</summary>
    public string? Reason { get; init; }
    public string? ReasonFieldId { get; init; }
    public string? TargetEditionId { get; init; }
    public IReadOnlyList<(string? TargetId, string Message)> Errors { get; init; } = [];
    public string? Notice { get; init; }

    public string? ReasonFor(string fieldId) => ReasonFieldId == fieldId ? Reason : null;

    /// <summary>Holds a seat now: cancelling or moving it frees one for the waitlist.</summary>
    public bool HoldsSeat => Participant.Status is EnrolmentStatus.Confirmed or EnrolmentStatus.Held;

    public bool IsActive => EnrolmentStatusText.IsActive(Participant.Status);

    public bool IsPending => Participant.Status == EnrolmentStatus.Pending;

    public bool CanComplete => Participant.Status is EnrolmentStatus.Confirmed;
}

public static class GroupMailRecipients
{
    public const string Confirmed = "bevestigd";
    public const string Waitlisted = "wachtlijst";
    public const string All = "allen";

    /// <summary>Who a choice reaches: confirmed (and held) seats, the waitlist, or both. Never the ended or pending ones.</summary>
    public static bool Includes(string choice, EnrolmentStatus status) => choice switch
    {
        Confirmed => status is EnrolmentStatus.Confirmed or EnrolmentStatus.Held,
        Waitlisted => status is EnrolmentStatus.Waitlisted,
        All => status is EnrolmentStatus.Confirmed or EnrolmentStatus.Held or EnrolmentStatus.Waitlisted,
        _ => false,
    };
}

public sealed class GroupMailInput
{
    public string? Subject { get; set; }
    public string? Body { get; set; }
    public string? Recipients { get; set; }
    /// <summary>Made when the form is shown; the same id twice (a double submit) sends nothing new.</summary>
    public string? MessageId { get; set; }
}

public sealed class GroupMailViewModel
{
    public required EditionInfo Edition { get; init; }
    public required GroupMailInput Input { get; init; }
    public required int ConfirmedCount { get; init; }
    public required int WaitlistedCount { get; init; }
    public IReadOnlyList<(string? TargetId, string Message)> Errors { get; init; } = [];
}
