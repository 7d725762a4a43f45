using Academy.Leeragenda.Abstractions;
using Academy.Accreditation.Abstractions;
using Academy.Accreditation.Models;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Enrolment.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace Academy.Accreditation.Services.Attendance;

/// <summary>One participant's line of the register: a status, and with <see cref="AttendanceStatus.Partial"/> the minutes present.</summary>
public sealed record AttendanceLine(long EnrolmentId, AttendanceStatus? Status, int? Minutes);

/// <summary>A Dutch message, about one line (<see cref="EnrolmentId"/>) or the whole register (null).</summary>
public sealed record AttendanceError(long? EnrolmentId, string Message);

/// <param name="CompletedNames">Participants whose enrolment this save completed (by the completion rule).</param>
public sealed record AttendanceSaveResult(IReadOnlyList<AttendanceError> Errors, IReadOnlyList<string> CompletedNames)
{
    public bool Succeeded => Errors.Count == 0;

    public static AttendanceSaveResult Fail(string message, long? enrolmentId = null) => new([new(enrolmentId, message)], []);
}

/// <summary>
/// Records attendance per session and completes the enrolments that then meet the offering's completion rule.
/// Attendance is a register of facts that may be corrected, so a save replaces the session's earlier lines.
/// The save and the completions it causes (with their EnrolmentCompleted events) are one transaction: the enrolment
/// module's unit of work, which the completion service joins under a savepoint.
/// </summary>
public sealed class AttendanceService(
    AcademyDbContext db,
    IEditionCatalog catalog,
    IEnrolmentRoster roster,
    IEnrolmentCompletion completion,
    UnitOfWork unitOfWork,
    TimeProvider clock)
{
    public static bool IsOpen(SessionInfo session, DateTime nowUtc) => session.StartUtc - AttendanceMessages.OpensBeforeStart <= nowUtc;

    public async Task<AttendanceSaveResult> SaveAsync(string editionId, string sessionId, IReadOnlyList<AttendanceLine> lines, string actorUserId, CancellationToken cancellationToken = default)
    {
        if (await catalog.GetAsync(editionId ?? "", cancellationToken) is not { } edition)
        {
            return AttendanceSaveResult.Fail(AttendanceMessages.UnknownEdition);
        }
        if (edition.Sessions.FirstOrDefault(s => s.SessionId == sessionId) is not { } session)
        {
            return AttendanceSaveResult.Fail(AttendanceMessages.UnknownSession);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (!IsOpen(session, now))
        {
            return AttendanceSaveResult.Fail(AttendanceMessages.NotStarted(session.StartUtc - AttendanceMessages.OpensBeforeStart));
        }
        if (lines.Count == 0)
        {
            return AttendanceSaveResult.Fail(AttendanceMessages.NoLines);
        }
        return await unitOfWork.RunAsync(async () =>
        {
            // The roster is read inside the transaction, so someone cancelled meanwhile is refused, not recorded.
            var errors = await ValidateAsync(edition, session, lines, cancellationToken);
            if (errors.Count > 0)
            {
                return WorkOutcome<AttendanceSaveResult>.Discard(new(errors, []));
            }
            await UpsertAsync(edition, session, lines, actorUserId, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            var completed = await CompleteAsync(edition, actorUserId, now, cancellationToken);
            return WorkOutcome<AttendanceSaveResult>.Keep(new([], completed));
        }, _ => AttendanceSaveResult.Fail(AttendanceMessages.Changed), cancellationToken);
    }

    private async Task<List<AttendanceError>> ValidateAsync(EditionInfo edition, SessionInfo session, IReadOnlyList<AttendanceLine> lines, CancellationToken cancellationToken)
    {
        var participants = (await roster.ParticipantsAsync(edition.EditionId, cancellationToken)).ToDictionary(p => p.EnrolmentId);
        var errors = new List<AttendanceError>();
        var seen = new HashSet<long>();
        foreach (var line in lines)
        {
            if (!participants.TryGetValue(line.EnrolmentId, out var participant))
            {
                // Named only when the enrolment is of this group (e.g. cancelled meanwhile): an id from the form must not
                // reveal who is enrolled in another group.
                var name = line.EnrolmentId > 0 && await roster.GetAsync(line.EnrolmentId, cancellationToken) is { } other && other.EditionId == edition.EditionId
                    ? other.Name
                    : $"Aanmelding {line.EnrolmentId}";
                errors.Add(new(line.EnrolmentId, AttendanceMessages.NotAParticipant(name)));
                continue;
            }
            if (!seen.Add(line.EnrolmentId))
            {
                errors.Add(new(line.EnrolmentId, AttendanceMessages.Duplicate(participant.Name)));
            }
            else if (line.Status is null)
            {
                errors.Add(new(line.EnrolmentId, AttendanceMessages.StatusRequired(participant.Name)));
            }
            else if (line.Status == AttendanceStatus.Partial && (line.Minutes is not { } minutes || minutes < 1 || minutes > session.Minutes - 1))
            {
                errors.Add(new(line.EnrolmentId, AttendanceMessages.MinutesOutOfRange(participant.Name, session.Minutes)));
            }
        }
        return errors;
    }

    private async Task UpsertAsync(EditionInfo edition, SessionInfo session, IReadOnlyList<AttendanceLine> lines, string actorUserId, DateTime now, CancellationToken cancellationToken)
    {
        var existing = await db.Set<AttendanceRecord>()
            .Where(a => a.EditionId == edition.EditionId && a.SessionId == session.SessionId)
            .ToDictionaryAsync(a => a.EnrolmentId, cancellationToken);
        foreach (var line in lines)
        {
            var status = line.Status!.Value;
            int? minutes = status == AttendanceStatus.Partial ? line.Minutes : null;
            if (!existing.TryGetValue(line.EnrolmentId, out var record))
            {
                record = new AttendanceRecord { EditionId = edition.EditionId, SessionId = session.SessionId, EnrolmentId = line.EnrolmentId };
                db.Add(record);
            }
            else if (record.Status == status && record.MinutesPresent == minutes)
            {
                continue; // unchanged: keep who recorded it and when
            }
            record.Status = status;
            record.MinutesPresent = minutes;
            record.RecordedByUserId = actorUserId;
            record.RecordedUtc = now;
        }
    }

    /// <summary>
    /// Completes every confirmed participant whose attendance is now fully registered and meets the rule. Already
    /// completed ones are skipped (and the completion service refuses a second completion anyway), so saving again is harmless.
    /// </summary>
    private async Task<IReadOnlyList<string>> CompleteAsync(EditionInfo edition, string actorUserId, DateTime now, CancellationToken cancellationToken)
    {
        if (edition.Completion().Kind == CompletionRuleKind.MarkedComplete)
        {
            return [];
        }
        var participants = await roster.ParticipantsAsync(edition.EditionId, cancellationToken);
        var records = (await db.Set<AttendanceRecord>().AsNoTracking()
                .Where(a => a.EditionId == edition.EditionId)
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.EnrolmentId);
        var meeting = participants
            .Where(p => p.Status == EnrolmentStatus.Confirmed
                && CompletionRules.Evaluate(edition, records[p.EnrolmentId].ToList(), now).Outcome == CompletionOutcome.Met)
            .ToList();
        if (meeting.Count == 0)
        {
            return [];
        }
        // A lost race (someone completed or cancelled meanwhile) undoes the whole save: the trainer reloads and saves again.
        var completedIds = await completion.MarkCompletedManyAsync(meeting.Select(p => p.EnrolmentId).ToList(), actorUserId, cancellationToken)
            ?? throw new DbUpdateException(AttendanceMessages.Changed);
        return meeting.Where(p => completedIds.Contains(p.EnrolmentId)).Select(p => p.Name).ToList();
    }
}
