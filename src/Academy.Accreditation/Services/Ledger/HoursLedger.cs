using Academy.Accreditation.Models;
using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Accreditation.Services.Ledger;

/// <summary>
/// The hours dossier: the ONLY code that writes <see cref="LedgerEntryRecord"/>s, and it only ever adds them
/// (the database refuses UPDATE and DELETE as well). A correction is a reversal row; totals are always the sum
/// of the entries. Every change is added to the caller's unit of work: the caller saves, so the entries commit
/// together with whatever caused them (a certificate, a revocation).
/// </summary>
public sealed class HoursLedger(AcademyDbContext db, LedgerPeople people, TimeProvider clock)
{
    public const decimal MaxManualHours = 1000m;
    public const int MaxReasonLength = 2000;
    public const int MaxTitleLength = 300;

    private DbSet<LedgerEntryRecord> Entries => db.Set<LedgerEntryRecord>();

    public static string AwardKey(long enrolmentId, string registerId) => $"award:{enrolmentId}:{registerId}";

    public static string ReversalKey(long entryId) => $"reversal:{entryId}";

    /// <summary>An award is positive, at most <see cref="MaxManualHours"/>, with at most 2 decimals.</summary>
    public static bool IsValidAward(decimal hours) => hours > 0 && hours <= MaxManualHours && decimal.Round(hours, 2) == hours;

    // ------------------------------------------------------------ writes (append only)

    /// <summary>
    /// Awards the hours of one register for a completed enrolment. Idempotent: when the enrolment already has its
    /// award in this register, nothing is added and that entry is returned.
    /// </summary>
    public async Task<LedgerResult<LedgerEntryRecord>> AwardAsync(AwardRequest request, CancellationToken cancellationToken = default)
    {
        var key = AwardKey(request.EnrolmentId, request.RegisterId);
        if (await FindByKeyAsync(key, cancellationToken) is { } existing)
        {
            return LedgerResult<LedgerEntryRecord>.Ok(existing);
        }
        if (!IsValidAward(request.Hours))
        {
            return LedgerResult<LedgerEntryRecord>.Fail($"Ongeldig aantal uren ({request.Hours}) voor register '{request.RegisterId}'.");
        }
        if (!await RegisterExistsAsync(request.RegisterId, cancellationToken))
        {
            return LedgerResult<LedgerEntryRecord>.Fail($"Het register '{request.RegisterId}' bestaat niet.");
        }
        var person = await people.ResolveAsync(request.Person, cancellationToken);
        var entry = NewEntry(person.Id, LedgerEntryKind.Award, key, request.RegisterId, request.Hours, request.ActivityDate, request.ActorUserId);
        entry.OfferingId = request.OfferingId;
        entry.OfferingTitle = Truncate(request.OfferingTitle, MaxTitleLength);
        entry.EditionId = request.EditionId;
        entry.EnrolmentId = request.EnrolmentId;
        entry.AccreditationCode = request.AccreditationCode;
        entry.OrganisationId = request.OrganisationId;
        entry.ThemeNames = request.ThemeNames.Count == 0 ? null : Truncate(string.Join('|', request.ThemeNames), 1000);
        entry.CertificateId = request.CertificateId;
        Entries.Add(entry);
        return LedgerResult<LedgerEntryRecord>.Ok(entry);
    }

    /// <summary>
    /// Cancels an entry out with a negative entry of the same register, date and offering. Refused (nothing added)
    /// for an unknown entry, a reversal, an entry that was already reversed, or without a reason.
    /// </summary>
    public async Task<LedgerResult<LedgerEntryRecord>> ReverseAsync(long entryId, string? reason, string actorUserId, CancellationToken cancellationToken = default)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return LedgerResult<LedgerEntryRecord>.Fail("Geef een reden voor de correctie op.", "reverse-reason");
        }
        if (reason.Length > MaxReasonLength)
        {
            return LedgerResult<LedgerEntryRecord>.Fail($"De reden mag hoogstens {MaxReasonLength} tekens lang zijn.", "reverse-reason");
        }
        var original = await Entries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId, cancellationToken);
        if (original is null)
        {
            return LedgerResult<LedgerEntryRecord>.Fail("Deze regel bestaat niet.");
        }
        if (original.Kind == LedgerEntryKind.Reversal)
        {
            return LedgerResult<LedgerEntryRecord>.Fail("Een correctie kan niet zelf worden teruggedraaid. Voeg zo nodig een handmatige regel toe.");
        }
        if (await IsReversedAsync(entryId, cancellationToken))
        {
            return LedgerResult<LedgerEntryRecord>.Fail("Deze regel is al teruggedraaid.");
        }
        var reversal = NewEntry(original.PersonId, LedgerEntryKind.Reversal, ReversalKey(entryId), original.RegisterId, -original.Hours, original.ActivityDate, actorUserId);
        reversal.OfferingId = original.OfferingId;
        reversal.OfferingTitle = original.OfferingTitle;
        reversal.EditionId = original.EditionId;
        reversal.EnrolmentId = original.EnrolmentId;
        reversal.AccreditationCode = original.AccreditationCode;
        reversal.OrganisationId = original.OrganisationId;
        reversal.ThemeNames = original.ThemeNames;
        reversal.CertificateId = original.CertificateId;
        reversal.ReversesEntryId = original.Id;
        reversal.Reason = reason;
        Entries.Add(reversal);
        return LedgerResult<LedgerEntryRecord>.Ok(reversal);
    }

    /// <summary>Hours the leer-coördinator adds by hand (e.g. learning elsewhere, or a correction after a reversal), with a reason.</summary>
    public async Task<LedgerResult<LedgerEntryRecord>> AddManualAsync(LedgerPerson person, string? registerId, decimal? hours, DateOnly? activityDate,
        string? offeringTitle, string? reason, string actorUserId, CancellationToken cancellationToken = default)
    {
        offeringTitle = offeringTitle?.Trim();
        reason = reason?.Trim();
        if (string.IsNullOrWhiteSpace(person.Email) || string.IsNullOrWhiteSpace(person.Name))
        {
            return LedgerResult<LedgerEntryRecord>.Fail("Van wie zijn de uren? Vul naam en e-mailadres in.", "manual-name");
        }
        if (string.IsNullOrEmpty(registerId) || !await RegisterExistsAsync(registerId, cancellationToken))
        {
            return LedgerResult<LedgerEntryRecord>.Fail("Kies een register.", "manual-register");
        }
        if (hours is not { } value)
        {
            return LedgerResult<LedgerEntryRecord>.Fail("Vul het aantal uren in als getal, zoals 2 of 1,5.", "manual-hours");
        }
        if (value == 0 || Math.Abs(value) > MaxManualHours)
        {
            return LedgerResult<LedgerEntryRecord>.Fail($"Vul een aantal uren in van -{MaxManualHours:0} tot en met {MaxManualHours:0}, maar niet 0.", "manual-hours");
        }
        if (decimal.Round(value, 2) != value)
        {
            return LedgerResult<LedgerEntryRecord>.Fail("Gebruik hoogstens 2 cijfers achter de komma.", "manual-hours");
        }
        if (activityDate is not { } date)
        {
            return LedgerResult<LedgerEntryRecord>.Fail("Vul de datum in als dd-mm-jjjj.", "manual-date");
        }
        if (string.IsNullOrEmpty(offeringTitle))
        {
            return LedgerResult<LedgerEntryRecord>.Fail("Vul in waarvoor de uren zijn (titel van het aanbod of de activiteit).", "manual-title");
        }
        if (offeringTitle.Length > MaxTitleLength)
        {
            return LedgerResult<LedgerEntryRecord>.Fail($"De titel mag hoogstens {MaxTitleLength} tekens lang zijn.", "manual-title");
        }
        if (string.IsNullOrEmpty(reason))
        {
            return LedgerResult<LedgerEntryRecord>.Fail("Geef een reden op.", "manual-reason");
        }
        if (reason.Length > MaxReasonLength)
        {
            return LedgerResult<LedgerEntryRecord>.Fail($"De reden mag hoogstens {MaxReasonLength} tekens lang zijn.", "manual-reason");
        }
        var personId = (await people.ResolveAsync(person, cancellationToken)).Id;
        var entry = NewEntry(personId, LedgerEntryKind.Manual, $"manual:{Guid.NewGuid():n}", registerId, value, date, actorUserId);
        entry.OfferingTitle = offeringTitle;
        entry.Reason = reason;
        Entries.Add(entry);
        return LedgerResult<LedgerEntryRecord>.Ok(entry);
    }

    // ------------------------------------------------------------ reads

    /// <summary>A person's entries: those of their account, and those under their e-mail address without an account.</summary>
    public IQueryable<LedgerEntryRecord> EntriesOf(LedgerPerson person)
    {
        var personIds = people.RowsOf(person).Select(p => p.Id);
        return Entries.AsNoTracking().Where(e => personIds.Contains(e.PersonId));
    }

    public async Task<IReadOnlyList<LedgerEntryRecord>> ListAsync(LedgerPerson person, CancellationToken cancellationToken = default) =>
        await EntriesOf(person).OrderBy(e => e.ActivityDate).ThenBy(e => e.Id).ToListAsync(cancellationToken);

    /// <summary>Totals per register: the sum of the person's entries (nothing is stored as a total).</summary>
    public async Task<IReadOnlyList<RegisterTotal>> TotalsAsync(LedgerPerson person, CancellationToken cancellationToken = default) =>
        Totals(await ListAsync(person, cancellationToken));

    // Summed here rather than in SQL: SQLite stores decimals as text and cannot SUM them exactly.
    public static IReadOnlyList<RegisterTotal> Totals(IEnumerable<LedgerEntryRecord> entries) =>
        entries.GroupBy(e => e.RegisterId, StringComparer.Ordinal)
            .Select(g => new RegisterTotal(g.Key, g.Sum(e => e.Hours)))
            .OrderBy(t => t.RegisterId, StringComparer.Ordinal)
            .ToList();

    /// <summary>Ids of the given entries that a reversal cancels out.</summary>
    public async Task<IReadOnlySet<long>> ReversedIdsAsync(IReadOnlyCollection<long> entryIds, CancellationToken cancellationToken = default) =>
        (await Entries.AsNoTracking().Where(e => e.ReversesEntryId != null && entryIds.Contains(e.ReversesEntryId.Value))
            .Select(e => e.ReversesEntryId!.Value).ToListAsync(cancellationToken)).ToHashSet();

    // ------------------------------------------------------------ helpers

    private LedgerEntryRecord NewEntry(string personId, LedgerEntryKind kind, string key, string registerId, decimal hours, DateOnly date, string actorUserId) => new()
    {
        IdempotencyKey = key,
        Kind = kind,
        PersonId = personId,
        RegisterId = registerId,
        Hours = hours,
        ActivityDate = date,
        CreatedByUserId = actorUserId,
        CreatedUtc = clock.GetUtcNow().UtcDateTime,
    };

    /// <summary>Also sees entries added to this unit of work but not saved yet, so one unit never adds a key twice.</summary>
    private async Task<LedgerEntryRecord?> FindByKeyAsync(string key, CancellationToken cancellationToken) =>
        Entries.Local.FirstOrDefault(e => e.IdempotencyKey == key)
        ?? await Entries.AsNoTracking().FirstOrDefaultAsync(e => e.IdempotencyKey == key, cancellationToken);

    private async Task<bool> IsReversedAsync(long entryId, CancellationToken cancellationToken) =>
        Entries.Local.Any(e => e.ReversesEntryId == entryId)
        || await Entries.AsNoTracking().AnyAsync(e => e.ReversesEntryId == entryId, cancellationToken);

    private async Task<bool> RegisterExistsAsync(string registerId, CancellationToken cancellationToken) =>
        await db.Set<RegisterRecord>().AsNoTracking().AnyAsync(r => r.Id == registerId, cancellationToken);

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
