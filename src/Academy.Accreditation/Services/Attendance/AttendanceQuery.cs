using Academy.Leeragenda.Abstractions;
using Academy.Accreditation.Models;
using Academy.Accreditation.ViewModels;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Enrolment.Abstractions;
using Microsoft.EntityFrameworkCore;
using Academy.Users.Abstractions;

namespace Academy.Accreditation.Services.Attendance;

/// <summary>What the attendance pages and the presentielijst show: editions, sessions with counts, participants with their completion state.</summary>
public sealed class AttendanceQuery(AcademyDbContext db, IEditionCatalog catalog, IEnrolmentRoster roster, IOrganisationDirectory organisations, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Editions with a session in the window (a trainer's own when <paramref name="trainerEmail"/> is set), optionally matching a text.</summary>
    public async Task<IReadOnlyList<AttendanceEditionSummary>> EditionsAsync(int daysBack, int daysAhead, string? trainerEmail, string? text, CancellationToken cancellationToken = default)
    {
        var today = Now.Date;
        var editions = await catalog.ListInPeriodAsync(today.AddDays(-daysBack), today.AddDays(daysAhead + 1), trainerEmail, cancellationToken);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var q = text.Trim();
            editions = editions.Where(e => e.OfferingTitle.Contains(q, StringComparison.CurrentCultureIgnoreCase)
                || e.EditionName.Contains(q, StringComparison.CurrentCultureIgnoreCase)).ToList();
        }
        var counts = await CountsAsync(editions.Select(e => e.EditionId).ToList(), cancellationToken);
        var list = new List<AttendanceEditionSummary>();
        foreach (var edition in editions)
        {
            var participants = await roster.ParticipantsAsync(edition.EditionId, cancellationToken);
            list.Add(Summary(edition, participants.Count, counts));
        }
        return list;
    }

    public async Task<AttendanceEditionSummary> SummaryAsync(EditionInfo edition, int participantCount, CancellationToken cancellationToken = default) =>
        Summary(edition, participantCount, await CountsAsync([edition.EditionId], cancellationToken));

    /// <summary>The participants (confirmed and completed) with their completion verdict, by name.</summary>
    public async Task<IReadOnlyList<ParticipantCompletion>> ParticipantsAsync(EditionInfo edition, CancellationToken cancellationToken = default)
    {
        var participants = await roster.ParticipantsAsync(edition.EditionId, cancellationToken);
        var records = (await RecordsAsync(edition.EditionId, null, cancellationToken)).ToLookup(r => r.EnrolmentId);
        var names = (await organisations.ListAsync()).ToDictionary(o => o.Id, o => o.Name);
        var now = Now;
        return participants.Select(p => new ParticipantCompletion(
                p,
                p.OrganisationId is { } org && names.TryGetValue(org, out var name) ? name : null,
                CompletionRules.Evaluate(edition, records[p.EnrolmentId].ToList(), now)))
            .ToList();
    }

    /// <summary>The register rows of a session: recorded values, or <paramref name="posted"/> ones after a failed save, or all present when prefilled.</summary>
    public async Task<IReadOnlyList<AttendanceRowViewModel>> RowsAsync(EditionInfo edition, SessionInfo session, AttendanceInput? posted, bool prefillPresent, CancellationToken cancellationToken = default)
    {
        var recorded = (await RecordsAsync(edition.EditionId, session.SessionId, cancellationToken)).ToDictionary(r => r.EnrolmentId);
        var postedLines = posted?.Lines.GroupBy(l => l.EnrolmentId).ToDictionary(g => g.Key, g => g.First()) ?? [];
        return (await ParticipantsAsync(edition, cancellationToken)).Select(p =>
        {
            var record = recorded.GetValueOrDefault(p.Participant.EnrolmentId);
            var line = postedLines.GetValueOrDefault(p.Participant.EnrolmentId);
            return new AttendanceRowViewModel
            {
                Participant = p,
                RecordedStatus = record?.Status,
                RecordedMinutes = record?.MinutesPresent,
                Status = posted is not null ? AttendanceSessionViewModel.ParseFormValue(line?.Status)
                    : prefillPresent ? AttendanceStatus.Present
                    : record?.Status,
                Minutes = posted is not null ? line?.Minutes
                    : prefillPresent ? null
                    : record?.MinutesPresent?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }).ToList();
    }

    private async Task<List<AttendanceRecord>> RecordsAsync(string editionId, string? sessionId, CancellationToken cancellationToken) =>
        await db.Set<AttendanceRecord>().AsNoTracking()
            .Where(a => a.EditionId == editionId && (sessionId == null || a.SessionId == sessionId))
            .ToListAsync(cancellationToken);

    private async Task<Dictionary<(string EditionId, string SessionId, AttendanceStatus Status), int>> CountsAsync(IReadOnlyList<string> editionIds, CancellationToken cancellationToken)
    {
        if (editionIds.Count == 0)
        {
            return [];
        }
        var rows = await db.Set<AttendanceRecord>().AsNoTracking()
            .Where(a => editionIds.Contains(a.EditionId))
            .GroupBy(a => new { a.EditionId, a.SessionId, a.Status })
            .Select(g => new { g.Key.EditionId, g.Key.SessionId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => (r.EditionId, r.SessionId, r.Status), r => r.Count);
    }

    private AttendanceEditionSummary Summary(EditionInfo edition, int participantCount, Dictionary<(string, string, AttendanceStatus), int> counts)
    {
        var now = Now;
        int Count(SessionInfo s, AttendanceStatus status) => counts.GetValueOrDefault((edition.EditionId, s.SessionId, status));
        return new AttendanceEditionSummary(edition, participantCount, edition.Sessions
            .OrderBy(s => s.StartUtc)
            .Select(s => new AttendanceSessionSummary(s, AttendanceService.IsOpen(s, now),
                Count(s, AttendanceStatus.Present), Count(s, AttendanceStatus.Partial), Count(s, AttendanceStatus.Absent)))
            .ToList());
    }
}
