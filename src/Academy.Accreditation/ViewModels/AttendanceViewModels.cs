using Academy.Leeragenda.Abstractions;
using Academy.Accreditation.Models;
using Academy.Accreditation.Services.Attendance;
using Academy.Core.Contracts;
using Academy.Enrolment.Abstractions;

namespace Academy.Accreditation.ViewModels;

/// <summary>A session with how much of its register is filled in.</summary>
public sealed record AttendanceSessionSummary(SessionInfo Session, bool Open, int Present, int Partial, int Absent)
{
    public int Recorded => Present + Partial + Absent;
}

/// <summary>An edition on the attendance lists: its sessions and how many take part.</summary>
public sealed record AttendanceEditionSummary(EditionInfo Edition, int ParticipantCount, IReadOnlyList<AttendanceSessionSummary> Sessions);

/// <summary>Periods of the coördinator's list (query value → days before and after today).</summary>
public static class AttendancePeriods
{
    public const string Recent = "recent";
    public const string Upcoming = "komend";
    public const string PastYear = "afgelopen-jaar";

    public static (int DaysBack, int DaysAhead) Window(string period) => period switch
    {
        Upcoming => (0, 90),
        PastYear => (365, 0),
        _ => (60, 30),
    };

    public static string Normalise(string? period) => period is Upcoming or PastYear ? period : Recent;
}

/// <summary>The list of editions: a trainer's own (<c>/presentie</c>) or all of them with filters (<c>/admin/presentie</c>).</summary>
public sealed class AttendanceIndexViewModel
{
    public required bool Admin { get; init; }
    public required string BaseUrl { get; init; }
    public required IReadOnlyList<AttendanceEditionSummary> Editions { get; init; }
    public string? Query { get; init; }
    public string Period { get; init; } = AttendancePeriods.Recent;
}

/// <summary>A participant and where they stand with the completion rule.</summary>
public sealed record ParticipantCompletion(RosterEntry Participant, string? OrganisationName, CompletionVerdict Verdict)
{
    public bool Completed => Participant.Status == EnrolmentStatus.Completed;
}

/// <summary>The coördinator's page of one edition: its sessions with counts, and each participant's completion state.</summary>
public sealed class AttendanceEditionViewModel
{
    public required AttendanceEditionSummary Summary { get; init; }
    public required IReadOnlyList<ParticipantCompletion> Participants { get; init; }
    public required string BaseUrl { get; init; }

    public EditionInfo Edition => Summary.Edition;

    public string Url => $"{BaseUrl}/{Uri.EscapeDataString(Edition.EditionId)}";
}

/// <summary>One participant's row of the register form (the recorded values, or what was just posted).</summary>
public sealed class AttendanceRowViewModel
{
    public required ParticipantCompletion Participant { get; init; }
    public AttendanceStatus? Status { get; init; }
    public string? Minutes { get; init; }
    public AttendanceStatus? RecordedStatus { get; init; }
    public int? RecordedMinutes { get; init; }

    public long EnrolmentId => Participant.Participant.EnrolmentId;
}

/// <summary>The register of one session (the tablet form), for the trainer and the coördinator alike.</summary>
public sealed class AttendanceSessionViewModel
{
    public required EditionInfo Edition { get; init; }
    public required SessionInfo Session { get; init; }
    public required string BaseUrl { get; init; }
    /// <summary>The page to go back to (the trainer's list or the coördinator's edition page).</summary>
    public required string BackUrl { get; init; }
    public required bool Open { get; init; }
    public required DateTime OpensUtc { get; init; }
    public required IReadOnlyList<AttendanceRowViewModel> Rows { get; init; }
    public IReadOnlyList<(string? TargetId, string Message)> Errors { get; init; } = [];
    public string? Notice { get; init; }
    /// <summary>"Alles aanwezig" was chosen: the rows show present, not saved yet.</summary>
    public bool Prefilled { get; init; }

    public string Url => $"{BaseUrl}/{Uri.EscapeDataString(Edition.EditionId)}/{Uri.EscapeDataString(Session.SessionId)}";

    public string PdfUrl => Url + "/presentielijst.pdf";

    public static string StatusFieldId(long enrolmentId, AttendanceStatus status) => $"status-{enrolmentId}-{FormValue(status)}";

    public static string MinutesFieldId(long enrolmentId) => $"minuten-{enrolmentId}";

    /// <summary>The values the radio buttons post.</summary>
    public static string FormValue(AttendanceStatus status) => status switch
    {
        AttendanceStatus.Present => "aanwezig",
        AttendanceStatus.Absent => "afwezig",
        _ => "deels",
    };

    public static AttendanceStatus? ParseFormValue(string? value) => value switch
    {
        "aanwezig" => AttendanceStatus.Present,
        "afwezig" => AttendanceStatus.Absent,
        "deels" => AttendanceStatus.Partial,
        _ => null,
    };
}

/// <summary>The posted register: one line per participant (Lines[i].EnrolmentId, .Status, .Minutes).</summary>
public sealed class AttendanceInput
{
    public List<AttendanceInputLine> Lines { get; set; } = [];
}

public sealed class AttendanceInputLine
{
    public long EnrolmentId { get; set; }
    public string? Status { get; set; }
    public string? Minutes { get; set; }
}
