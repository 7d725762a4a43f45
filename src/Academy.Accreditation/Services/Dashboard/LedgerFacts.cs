using Academy.Accreditation.Models;
using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Accreditation.Services.Dashboard;

/// <summary>
/// One ledger entry as the dashboard counts it. A reversal takes the date, organisation and themes of the entry it
/// reverses, so a fully reversed award nets to zero in the quarter/organisation/thema where it was counted.
/// </summary>
/// <param name="PersonKey">The account id, the e-mail address of someone without an account, or the person id of someone anonymised.</param>
/// <param name="CompletedEnrolmentId">Set on an award that is not reversed: that enrolment counts as a completion.</param>
public sealed record LedgerFact(
    string RegisterId,
    string PersonKey,
    decimal Hours,
    DateOnly Date,
    string? OrganisationId,
    IReadOnlyList<string> Themes,
    long? CompletedEnrolmentId);

/// <summary>Reads the ledger (one register, or all) as <see cref="LedgerFact"/>s.</summary>
public sealed class LedgerFacts(AcademyDbContext db)
{
    /// <summary>The facts dated (after attribution) from <paramref name="from"/> up to, not including, <paramref name="until"/>.</summary>
    public async Task<IReadOnlyList<LedgerFact>> LoadAsync(string? registerId, DateOnly from, DateOnly until, CancellationToken cancellationToken = default)
    {
        var ledger = db.Set<LedgerEntryRecord>().AsNoTracking();
        var scoped = registerId is null ? ledger : ledger.Where(e => e.RegisterId == registerId);
        // Every reversal is read (they are few): whether an award in the period is reversed, and where a reversal counts,
        // does not depend on the reversal's own date.
        var entries = await Project(scoped.Where(e => (e.ActivityDate >= from && e.ActivityDate < until) || e.Kind == LedgerEntryKind.Reversal))
            .ToListAsync(cancellationToken);
        var byId = entries.ToDictionary(e => e.Id);
        var missing = entries.Where(e => e.ReversesEntryId is { } id && !byId.ContainsKey(id)).Select(e => e.ReversesEntryId!.Value).Distinct().ToList();
        if (missing.Count > 0)
        {
            foreach (var original in await Project(ledger.Where(e => missing.Contains(e.Id))).ToListAsync(cancellationToken))
            {
                byId[original.Id] = original;
            }
        }
        var reversedIds = entries.Where(e => e.ReversesEntryId is not null).Select(e => e.ReversesEntryId!.Value).ToHashSet();
        // One person is one key: entries recorded under an e-mail address before that person had an account count with
        // the account's entries, or a group of four people could be counted as five and escape suppression.
        var accountByEmail = entries.Where(e => e.UserId is not null && e.Email is not null)
            .GroupBy(e => e.Email!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().UserId!, StringComparer.Ordinal);
        return entries.Select(e =>
        {
            // Attribute a reversal to what it reverses.
            var origin = e.ReversesEntryId is { } reversedId && byId.TryGetValue(reversedId, out var original) ? original : e;
            return new LedgerFact(
                e.RegisterId,
                e.UserId ?? (e.Email is { } email ? accountByEmail.GetValueOrDefault(email) ?? email : e.MergedIntoId ?? e.PersonId),
                e.Hours,
                origin.ActivityDate,
                origin.OrganisationId,
                SplitThemes(origin.ThemeNames),
                e.Kind == LedgerEntryKind.Award && e.EnrolmentId is not null && !reversedIds.Contains(e.Id) ? e.EnrolmentId : null);
        }).Where(f => f.Date >= from && f.Date < until).ToList();
    }

    private IQueryable<Entry> Project(IQueryable<LedgerEntryRecord> query) =>
        from e in query
        join p in db.Set<AccreditationPersonRecord>().AsNoTracking() on e.PersonId equals p.Id into holders
        from p in holders.DefaultIfEmpty()
        select new Entry(e.Id, e.Kind, e.RegisterId, e.PersonId, p == null ? null : p.UserId, p == null ? null : p.Email, p == null ? null : p.MergedIntoId,
            e.Hours, e.ActivityDate, e.OrganisationId, e.ThemeNames, e.EnrolmentId, e.ReversesEntryId);

    private sealed record Entry(long Id, LedgerEntryKind Kind, string RegisterId, string PersonId, string? UserId, string? Email, string? MergedIntoId, decimal Hours,
        DateOnly ActivityDate, string? OrganisationId, string? ThemeNames, long? EnrolmentId, long? ReversesEntryId);

    /// <summary>The snapshot column holds the offering's thema names separated by "|".</summary>
    public static IReadOnlyList<string> SplitThemes(string? themeNames) =>
        string.IsNullOrWhiteSpace(themeNames)
            ? []
            : themeNames.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The years from the first to the last ledger activity (any register), newest first; two indexed lookups.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken = default)
    {
        var dates = db.Set<LedgerEntryRecord>().AsNoTracking().Select(e => e.ActivityDate);
        if (!await dates.AnyAsync(cancellationToken))
        {
            return [];
        }
        var first = (await dates.OrderBy(d => d).FirstAsync(cancellationToken)).Year;
        var last = (await dates.OrderByDescending(d => d).FirstAsync(cancellationToken)).Year;
        return Enumerable.Range(first, last - first + 1).Reverse().ToList();
    }
}
