using Academy.Enrolment.Abstractions;

namespace Academy.Enrolment.Queries;

/// <summary>
/// The Dutch status of an enrolment as participants and coördinators read it, in pages and exports alike.
/// <paramref name="localize"/> is the caller's localizer (format, arguments) so the text stays translatable.
/// </summary>
public static class EnrolmentStatusText
{
    public static string Describe(EnrolmentStatus status, int? waitlistPosition, string? declineReason, Func<string, object[], string> localize) => status switch
    {
        EnrolmentStatus.Confirmed => localize("Bevestigd", []),
        EnrolmentStatus.Waitlisted when waitlistPosition is { } position => localize("Op de wachtlijst (plaats {0})", [position]),
        EnrolmentStatus.Waitlisted => localize("Op de wachtlijst", []),
        EnrolmentStatus.Pending => localize("Wacht op goedkeuring", []),
        EnrolmentStatus.Held => localize("Gereserveerd door werkgever", []),
        EnrolmentStatus.Declined when !string.IsNullOrWhiteSpace(declineReason) => localize("Afgewezen ({0})", [declineReason]),
        EnrolmentStatus.Declined => localize("Afgewezen", []),
        EnrolmentStatus.Cancelled => localize("Geannuleerd", []),
        EnrolmentStatus.Expired => localize("Verlopen", []),
        EnrolmentStatus.Completed => localize("Afgerond", []),
        _ => status.ToString(),
    };

    /// <summary>Statuses that still hold (or wait for) a place: these can be cancelled or moved.</summary>
    public static bool IsActive(EnrolmentStatus status) =>
        status is EnrolmentStatus.Confirmed or EnrolmentStatus.Waitlisted or EnrolmentStatus.Pending or EnrolmentStatus.Held;
}
