using Academy.Accreditation.Models;
using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Accreditation.Services.Profile;

/// <summary>A professional's number (or none) in one configured register.</summary>
public sealed record RegisterProfileEntry(RegisterRecord Register, string? Number);

/// <summary>A professional's register numbers and whether they consent to sharing them and their hours with the registers.</summary>
public sealed record RegisterProfile(IReadOnlyList<RegisterProfileEntry> Registers, bool Consented, DateTime? ConsentChangedUtc)
{
    public string? NumberIn(string registerId) => Registers.FirstOrDefault(r => r.Register.Id == registerId)?.Number;
}

/// <summary>What saving the profile form did: nothing at all when there are errors (per register id, or for the whole form).</summary>
public sealed record RegisterProfileSaveResult(IReadOnlyDictionary<string, string> FieldErrors, string? FormError)
{
    public bool Succeeded => FieldErrors.Count == 0 && FormError is null;
}

/// <summary>Reads and saves register numbers and consent. A save checks every number first and then writes all or nothing.</summary>
public sealed class RegisterProfileService(AcademyDbContext db, RegisterDirectory registerDirectory, TimeProvider clock)
{
    public const string ChangedConcurrently = "Je gegevens zijn intussen ergens anders gewijzigd en er is niets opgeslagen. Controleer ze en sla ze opnieuw op.";

    /// <summary>The configured registers in the order the recipe lists them.</summary>
    public async Task<IReadOnlyList<RegisterRecord>> RegistersAsync(CancellationToken cancellationToken = default) =>
        await registerDirectory.RecordsAsync(cancellationToken);

    public async Task<RegisterProfile> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        var registers = await RegistersAsync(cancellationToken);
        var numbers = await db.Set<RegisterNumberRecord>().AsNoTracking().Where(n => n.UserId == userId)
            .ToDictionaryAsync(n => n.RegisterId, n => n.Number, cancellationToken);
        var consent = await db.Set<RegisterConsentRecord>().AsNoTracking().FirstOrDefaultAsync(c => c.UserId == userId, cancellationToken);
        return new RegisterProfile(
            registers.Select(r => new RegisterProfileEntry(r, numbers.GetValueOrDefault(r.Id))).ToList(),
            consent?.Consented ?? false,
            consent?.ChangedUtc);
    }

    /// <summary>
    /// Saves the typed numbers (by register id; empty removes the number) and the consent. Numbers for registers
    /// that are not configured are ignored. When any number is wrong, nothing is saved.
    /// </summary>
    public async Task<RegisterProfileSaveResult> SaveAsync(string userId, IReadOnlyDictionary<string, string?> typed, bool consent, CancellationToken cancellationToken = default)
    {
        var registers = await RegistersAsync(cancellationToken);
        var checks = registers.ToDictionary(r => r.Id, r => RegisterNumberFormat.Check(r, typed.GetValueOrDefault(r.Id)));
        var errors = checks.Where(c => !c.Value.IsValid).ToDictionary(c => c.Key, c => c.Value.Error!);
        if (errors.Count > 0)
        {
            return new RegisterProfileSaveResult(errors, null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var stored = await db.Set<RegisterNumberRecord>().Where(n => n.UserId == userId).ToDictionaryAsync(n => n.RegisterId, cancellationToken);
        foreach (var register in registers)
        {
            var number = checks[register.Id].Number;
            var existing = stored.GetValueOrDefault(register.Id);
            if (number is null && existing is not null)
            {
                db.Remove(existing);
            }
            else if (number is not null && existing is null)
            {
                db.Add(new RegisterNumberRecord { UserId = userId, RegisterId = register.Id, Number = number, UpdatedUtc = now });
            }
            else if (number is not null && existing is not null && existing.Number != number)
            {
                existing.Number = number;
                existing.UpdatedUtc = now;
            }
        }
        var record = await db.Set<RegisterConsentRecord>().FirstOrDefaultAsync(c => c.UserId == userId, cancellationToken);
        if (record is null)
        {
            db.Add(new RegisterConsentRecord { UserId = userId, Consented = consent, ChangedUtc = now });
        }
        else if (record.Consented != consent)
        {
            // ChangedUtc records when the person gave or withdrew consent, not every save of the form.
            record.Consented = consent;
            record.ChangedUtc = now;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same person saved in another tab at the same moment (a duplicate key or a vanished row): one write wins.
            db.ChangeTracker.Clear();
            return new RegisterProfileSaveResult(new Dictionary<string, string>(), ChangedConcurrently);
        }
        return new RegisterProfileSaveResult(new Dictionary<string, string>(), null);
    }
}
