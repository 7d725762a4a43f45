using Academy.Leeragenda.Abstractions;
using Academy.Accreditation.Abstractions;
using Academy.Accreditation.Models;
using Academy.Core.Contracts;

namespace Academy.Accreditation.Services.Attendance;

public enum CompletionOutcome
{
    /// <summary>Not every session is open (started, or starting within the hour) and registered for this participant yet.</summary>
    Incomplete,
    /// <summary>Every session is registered and the rule is met: the enrolment may be completed.</summary>
    Met,
    /// <summary>Every session is registered and the rule is not met.</summary>
    NotMet,
    /// <summary>The rule is "marked complete": attendance never completes the enrolment.</summary>
    ByCoordinator,
}

/// <summary>The verdict for one participant, with the figures the page shows ("x % aanwezig, nodig y %").</summary>
public sealed record CompletionVerdict(CompletionOutcome Outcome, int PresentPercent, int RequiredPercent);

/// <summary>
/// The offering's completion rule applied to one participant's attendance. Percentages are compared in whole
/// minutes (present × 100 ≥ required × total) so "exactly at the threshold" is exact, not a rounding accident.
/// </summary>
public static class CompletionRules
{
    public static CompletionVerdict Evaluate(EditionInfo edition, IReadOnlyCollection<AttendanceRecord> records, DateTime nowUtc)
    {
        var rule = edition.Completion();
        var required = rule.Kind switch
        {
            CompletionRuleKind.MinimumPercent => Math.Clamp(rule.MinimumPercent ?? 100, 1, 100),
            _ => 100,
        };
        var bySession = records.GroupBy(r => r.SessionId).ToDictionary(g => g.Key, g => g.First());
        var total = 0L;
        var present = 0L;
        var allRegistered = edition.Sessions.Count > 0;
        var allFullyPresent = true;
        foreach (var session in edition.Sessions)
        {
            var minutes = Math.Max(0, session.Minutes);
            total += minutes;
            // A session counts once its register is open (the trainer ticks people off as they come in, up to an hour
            // before the start): the save that records the last session is the only moment completion is evaluated.
            if (!AttendanceService.IsOpen(session, nowUtc) || !bySession.TryGetValue(session.SessionId, out var record))
            {
                allRegistered = false;
                allFullyPresent = false;
                continue;
            }
            present += PresentMinutes(record, minutes);
            allFullyPresent &= record.Status == AttendanceStatus.Present;
        }
        var percent = total == 0 ? 100 : (int)(present * 100 / total);
        if (rule.Kind == CompletionRuleKind.MarkedComplete)
        {
            return new(CompletionOutcome.ByCoordinator, percent, required);
        }
        if (!allRegistered)
        {
            return new(CompletionOutcome.Incomplete, percent, required);
        }
        var met = rule.Kind == CompletionRuleKind.AllSessions
            ? allFullyPresent
            : present * 100 >= (long)required * total;
        return new(met ? CompletionOutcome.Met : CompletionOutcome.NotMet, percent, required);
    }

    /// <summary>Present counts the whole session, partial its recorded minutes (never more than the session), absent nothing.</summary>
    public static int PresentMinutes(AttendanceRecord record, int sessionMinutes) => record.Status switch
    {
        AttendanceStatus.Present => sessionMinutes,
        AttendanceStatus.Partial => Math.Clamp(record.MinutesPresent ?? 0, 0, sessionMinutes),
        _ => 0,
    };
}
