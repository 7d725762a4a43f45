using System.Net.Mail;
using Academy.Accreditation.Abstractions;
using Academy.Accreditation.Models;
using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Accreditation.Services.Ledger;

/// <summary>
/// Corrects or anonymises the person behind ledger entries and certificates. Only the person row changes: the
/// append-only entries point to it by id, so certificates, exports and "Mijn leeruren" show the correction at once.
/// Every change is added to the caller's unit of work; the caller saves.
/// </summary>
public sealed class LedgerPersonCorrections(AcademyDbContext db, TimeProvider clock) : ILedgerPersonalData
{
    public const int MaxEmailLength = 256;

    private DbSet<AccreditationPersonRecord> Persons => db.Set<AccreditationPersonRecord>();

    /// <summary>A plain address like naam@voorbeeld.nl: no display name, a dot in it, at most 256 characters.</summary>
    public static bool IsEmail(string? email) =>
        !string.IsNullOrWhiteSpace(email) && email.Length <= MaxEmailLength && MailAddress.TryCreate(email, out var address)
        && address.Address == email && email.Contains('.', StringComparison.Ordinal);

    /// <summary>Sets the person's name and e-mail address (lower-cased). Refused, with nothing changed, for bad input or an anonymised person.</summary>
    public async Task<LedgerResult<AccreditationPersonRecord>> CorrectAsync(string personId, string? name, string? email, CancellationToken cancellationToken = default)
    {
        name = name?.Trim();
        email = email?.Trim();
        if (await Persons.FirstOrDefaultAsync(p => p.Id == personId, cancellationToken) is not { } person)
        {
            return LedgerResult<AccreditationPersonRecord>.Fail("Deze persoon bestaat niet.");
        }
        if (person.IsAnonymised)
        {
            return LedgerResult<AccreditationPersonRecord>.Fail("Deze persoon is geanonimiseerd. Er is niets meer te corrigeren.");
        }
        if (string.IsNullOrEmpty(name))
        {
            return LedgerResult<AccreditationPersonRecord>.Fail("Vul de naam in.", "person-name");
        }
        if (name.Length > LedgerPeople.MaxNameLength)
        {
            return LedgerResult<AccreditationPersonRecord>.Fail($"De naam mag hoogstens {LedgerPeople.MaxNameLength} tekens lang zijn.", "person-name");
        }
        if (!IsEmail(email))
        {
            return LedgerResult<AccreditationPersonRecord>.Fail("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.", "person-email");
        }
        person.Name = name;
        person.Email = email!.ToLowerInvariant();
        return LedgerResult<AccreditationPersonRecord>.Ok(person);
    }

    public async Task<int> AnonymiseAsync(string? userId, string? email, CancellationToken cancellationToken = default)
    {
        userId = string.IsNullOrWhiteSpace(userId) ? null : userId;
        email = string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
        var people = await Persons
            .Where(p => (userId != null && p.UserId == userId) || (email != null && p.UserId == null && p.Email == email))
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var anchor = people.OrderBy(p => p.UserId is null).ThenBy(p => p.Id, StringComparer.Ordinal).FirstOrDefault();
        foreach (var person in people)
        {
            Anonymise(person, now);
            person.MergedIntoId = person == anchor ? null : anchor!.Id;
        }
        if (userId is not null)
        {
            db.RemoveRange(await db.Set<RegisterNumberRecord>().Where(n => n.UserId == userId).ToListAsync(cancellationToken));
            db.RemoveRange(await db.Set<RegisterConsentRecord>().Where(c => c.UserId == userId).ToListAsync(cancellationToken));
        }
        return people.Count;
    }

    /// <summary>Anonymises one person (the coördinator's erasure of someone without an account). False when there is no such person.</summary>
    public async Task<bool> AnonymisePersonAsync(string personId, CancellationToken cancellationToken = default)
    {
        if (await Persons.FirstOrDefaultAsync(p => p.Id == personId, cancellationToken) is not { } person)
        {
            return false;
        }
        if (person.UserId is { } userId)
        {
            return await AnonymiseAsync(userId, null, cancellationToken) > 0;
        }
        Anonymise(person, clock.GetUtcNow().UtcDateTime);
        return true;
    }

    private static void Anonymise(AccreditationPersonRecord person, DateTime now)
    {
        person.UserId = null;
        person.Email = null;
        person.Name = null;
        person.AnonymisedUtc ??= now;
    }
}
