using Academy.Leeragenda.Abstractions;
using Academy.Accreditation.Abstractions;
using Academy.Accreditation.Models;
using Academy.Accreditation.Services.Attendance;
using Academy.Core.Content;
using Academy.Core.Contracts;

namespace Academy.Tests.Accreditation.Attendance;

/// <summary>The completion rules on their own: two sessions of two hours (240 minutes in all), both over.</summary>
public sealed class CompletionRuleTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    private static EditionInfo Edition(CompletionRuleKind kind, int? percent = null, int hoursAhead = -48) =>
        new("g", "Groep", 10, "o", "Aanbod", "/leeragenda/a", "Training", [],
        [
            new SessionInfo("s1", Now.AddDays(-7), Now.AddDays(-7).AddHours(2), null, null, null),
            new SessionInfo("s2", Now.AddHours(hoursAhead), Now.AddHours(hoursAhead + 2), null, null, null),
        ])
        { Offering = new ContentItem().Apply(new AccreditationPart { CompletionRule = kind, CompletionPercent = percent }) };

    private static AttendanceRecord Record(string session, AttendanceStatus status, int? minutes = null) =>
        new() { EditionId = "g", SessionId = session, EnrolmentId = 1, Status = status, MinutesPresent = minutes };

    [Fact]
    public void All_sessions_needs_full_presence_at_every_session_and_partial_does_not_count()
    {
        var edition = Edition(CompletionRuleKind.AllSessions);

        var all = CompletionRules.Evaluate(edition, [Record("s1", AttendanceStatus.Present), Record("s2", AttendanceStatus.Present)], Now);
        var partial = CompletionRules.Evaluate(edition, [Record("s1", AttendanceStatus.Present), Record("s2", AttendanceStatus.Partial, 119)], Now);
        var absent = CompletionRules.Evaluate(edition, [Record("s1", AttendanceStatus.Absent), Record("s2", AttendanceStatus.Present)], Now);

        Assert.Equal(CompletionOutcome.Met, all.Outcome);
        Assert.Equal(CompletionOutcome.NotMet, partial.Outcome);
        Assert.Equal((99, 100), (partial.PresentPercent, partial.RequiredPercent));
        Assert.Equal(CompletionOutcome.NotMet, absent.Outcome);
        Assert.Equal(50, absent.PresentPercent);
    }

    [Fact]
    public void Minimum_percent_counts_partial_minutes_and_is_met_exactly_at_the_threshold()
    {
        var edition = Edition(CompletionRuleKind.MinimumPercent, 75);

        // 120 + 60 = 180 of 240 minutes: exactly 75 %.
        var exactly = CompletionRules.Evaluate(edition, [Record("s1", AttendanceStatus.Present), Record("s2", AttendanceStatus.Partial, 60)], Now);

        Assert.Equal(CompletionOutcome.Met, exactly.Outcome);
        Assert.Equal((75, 75), (exactly.PresentPercent, exactly.RequiredPercent));
    }

    [Fact]
    public void Minimum_percent_one_minute_below_the_threshold_is_not_met()
    {
        var edition = Edition(CompletionRuleKind.MinimumPercent, 75);

        var below = CompletionRules.Evaluate(edition, [Record("s1", AttendanceStatus.Present), Record("s2", AttendanceStatus.Partial, 59)], Now);
        var absentOnce = CompletionRules.Evaluate(edition, [Record("s1", AttendanceStatus.Absent), Record("s2", AttendanceStatus.Present)], Now);

        Assert.Equal(CompletionOutcome.NotMet, below.Outcome);
        Assert.Equal((74, 75), (below.PresentPercent, below.RequiredPercent)); // 179/240 = 74.6 %, shown rounded down
        Assert.Equal(CompletionOutcome.NotMet, absentOnce.Outcome);
    }

    [Fact]
    public void A_session_not_registered_or_not_started_leaves_the_verdict_open()
    {
        var missing = CompletionRules.Evaluate(Edition(CompletionRuleKind.MinimumPercent, 50), [Record("s1", AttendanceStatus.Present)], Now);
        // Recorded, but the session lies in the future (registered early by mistake): not yet.
        var future = CompletionRules.Evaluate(Edition(CompletionRuleKind.AllSessions, hoursAhead: 3),
            [Record("s1", AttendanceStatus.Present), Record("s2", AttendanceStatus.Present)], Now);

        Assert.Equal(CompletionOutcome.Incomplete, missing.Outcome);
        Assert.Equal(CompletionOutcome.Incomplete, future.Outcome);
    }

    [Fact]
    public void A_last_session_registered_as_people_arrive_before_its_start_counts()
    {
        // Registration opens an hour before the start; that save is the one that must complete the enrolment.
        var edition = Edition(CompletionRuleKind.AllSessions) with
        {
            Sessions =
            [
                new SessionInfo("s1", Now.AddDays(-7), Now.AddDays(-7).AddHours(2), null, null, null),
                new SessionInfo("s2", Now.AddMinutes(30), Now.AddMinutes(150), null, null, null),
            ],
        };

        var verdict = CompletionRules.Evaluate(edition, [Record("s1", AttendanceStatus.Present), Record("s2", AttendanceStatus.Present)], Now);

        Assert.Equal(CompletionOutcome.Met, verdict.Outcome);
    }

    [Fact]
    public void Marked_complete_is_never_met_by_attendance()
    {
        var verdict = CompletionRules.Evaluate(Edition(CompletionRuleKind.MarkedComplete),
            [Record("s1", AttendanceStatus.Present), Record("s2", AttendanceStatus.Present)], Now);

        Assert.Equal(CompletionOutcome.ByCoordinator, verdict.Outcome);
    }
}
