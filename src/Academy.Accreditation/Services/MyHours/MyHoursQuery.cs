using Academy.Accreditation.Models;
using Academy.Accreditation.Services.Ledger;
using Academy.Accreditation.Services.Profile;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;
using Academy.Users.Abstractions;
using Academy.Accreditation.Abstractions;

namespace Academy.Accreditation.Services.MyHours;

/// <summary>One line of the person's ledger with the period it counts for and its certificate (if any).</summary>
public sealed record MyHoursEntry(LedgerEntryRecord Entry, RegisterPeriod Period, string? CertificateCode, bool CertificateRevoked)
{
    /// <summary>The certificate belongs with the hours it granted, not with the correction that cancels them.</summary>
    public string? ShownCertificateCode => Entry.Kind == LedgerEntryKind.Reversal ? null : CertificateCode;
}

/// <summary>The sum of a person's entries in one period of one register.</summary>
public sealed record PeriodTotal(RegisterPeriod Period, decimal Total, bool IsCurrent);

/// <summary>A person's hours in one register: their number, the totals per period and the entries of the chosen period.</summary>
public sealed record RegisterHours(
    RegisterRecord Register,
    string? Number,
    PeriodTotal Current,
    PeriodTotal Selected,
    IReadOnlyList<PeriodTotal> Periods,
    IReadOnlyList<MyHoursEntry> SelectedEntries,
    int EntryCount);

/// <summary>"Mijn leeruren" for one person, for the period of every register that contains <see cref="SelectedYear"/>.</summary>
public sealed record MyHoursOverview(
    IReadOnlyList<RegisterHours> Registers,
    bool Consented,
    int CurrentYear,
    int SelectedYear,
    IReadOnlyList<int> Years)
{
    public bool HasEntries => Registers.Any(r => r.EntryCount > 0);
}

/// <summary>
/// Reads a person's hours from the append-only ledger. Totals are always sums of the entries (a reversal is a
/// negative entry), never stored. A person's entries are those of their account, and those recorded for their
/// e-mail address before they had an account.
/// </summary>
public sealed class MyHoursQuery(AcademyDbContext db, HoursLedger ledger, RegisterProfileService profiles, TimeProvider clock)
{
    /// <summary>Years a person can pick beyond the ones with entries; keeps odd query strings from producing odd pages.</summary>
    private const int MinYear = 2000, MaxYear = 2100;

    /// <summary>The ledger's own rule of whose entries are whose (account, or its e-mail address without an account).</summary>
    public IQueryable<LedgerEntryRecord> Owned(CurrentUser me) => ledger.EntriesOf(new LedgerPerson(me.UserId, me.Email ?? "", ""));

    /// <param name="year">The year whose period to show per register; null or out of range = the current year.</param>
    public async Task<MyHoursOverview> GetAsync(CurrentUser me, int? year, CancellationToken cancellationToken = default)
    {
        var currentYear = Academy.Core.Recipes.AmsterdamTime.Today(clock).Year;
        var profile = await profiles.GetAsync(me.UserId, cancellationToken);
        var entries = await Owned(me).OrderByDescending(e => e.ActivityDate).ThenByDescending(e => e.Id).ToListAsync(cancellationToken);
        var certificates = await CertificatesAsync(entries, cancellationToken);

        var selectedYear = year is { } y && y is >= MinYear and <= MaxYear ? y : currentYear;
        // Every year from the first entry to now (and the chosen one), so years without entries can be chosen too.
        var known = entries.Select(e => e.ActivityDate.Year).Where(v => v is >= MinYear and <= MaxYear).Append(currentYear).Append(selectedYear).ToList();
        var years = Enumerable.Range(known.Min(), known.Max() - known.Min() + 1).Reverse().ToList();

        var registers = profile.Registers.Select(r => r.Register).ToList();
        // Entries of a register that is no longer configured stay visible, counted per calendar year.
        registers.AddRange(entries.Select(e => e.RegisterId).Distinct().Where(id => registers.All(r => r.Id != id))
            .Select(id => new RegisterRecord { Id = id, Name = id, Unit = RegisterUnit.Uren, CycleYears = 1, SortOrder = int.MaxValue }));

        var result = new List<RegisterHours>();
        foreach (var register in registers)
        {
            var own = entries.Where(e => e.RegisterId == register.Id)
                .Select(e => certificates.TryGetValue(e.CertificateId ?? 0, out var c)
                    ? new MyHoursEntry(e, RegisterPeriods.For(register, e.ActivityDate), c.Code, c.RevokedUtc is not null)
                    : new MyHoursEntry(e, RegisterPeriods.For(register, e.ActivityDate), null, false))
                .ToList();
            var current = RegisterPeriods.ForYear(register, currentYear);
            var selected = RegisterPeriods.ForYear(register, selectedYear);
            PeriodTotal Total(RegisterPeriod period) =>
                new(period, own.Where(e => e.Period == period).Sum(e => e.Entry.Hours), period == current);
            var periods = own.Select(e => e.Period).Append(current).Append(selected).Distinct()
                .OrderByDescending(p => p.FirstYear).Select(Total).ToList();
            result.Add(new RegisterHours(
                register,
                profile.NumberIn(register.Id),
                Total(current),
                Total(selected),
                periods,
                own.Where(e => e.Period == selected).ToList(),
                own.Count));
        }
        return new MyHoursOverview(result, profile.Consented, currentYear, selectedYear, years);
    }

    private async Task<Dictionary<long, CertificateRecord>> CertificatesAsync(IReadOnlyList<LedgerEntryRecord> entries, CancellationToken cancellationToken)
    {
        var ids = entries.Where(e => e.CertificateId is not null).Select(e => e.CertificateId!.Value).Distinct().ToList();
        return ids.Count == 0
            ? []
            : await db.Set<CertificateRecord>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
    }
}
