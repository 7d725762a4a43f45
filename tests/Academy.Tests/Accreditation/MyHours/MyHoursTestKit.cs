using Academy.Accreditation.Models;
using Academy.Accreditation.Services.Ledger;
using Academy.Core.Data;
using Academy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Accreditation.MyHours;

/// <summary>One seeded site on SQLite for a whole test class.</summary>
public sealed class SqliteMyHoursSite : SqliteSite;

/// <summary>One seeded site on its own PostgreSQL database for a whole test class.</summary>
public sealed class PostgresMyHoursSite : PostgresSite
{
    protected override string DatabaseName => "myhours";
}

/// <summary>Ledger rows and certificates written straight to the tables (appending is what the ledger allows), and reads back.</summary>
internal static class MyHoursTestKit
{
    public const string Registerplein = "registerplein";
    public const string Skj = "skj";
    public const string ReIntegratie = "adviesraad-re-integratie";

    /// <summary>A ledger row and whose it is; <see cref="AppendAsync"/> points it to that person's row.</summary>
    public sealed record PendingEntry(string? UserId, string Email, LedgerEntryRecord Record);

    /// <summary>A ledger row for a person (by account, or by e-mail only when <paramref name="userId"/> is null).</summary>
    public static PendingEntry Entry(string? userId, string email, string registerId, decimal hours, DateOnly date,
        string title = "Training Gespreksvoering", LedgerEntryKind kind = LedgerEntryKind.Award, string? reason = null,
        long? certificateId = null, long? reverses = null, string? accreditationCode = null) => new(userId, email, new()
        {
            IdempotencyKey = $"test:{Guid.NewGuid():n}",
            Kind = kind,
            RegisterId = registerId,
            Hours = hours,
            ActivityDate = date,
            OfferingId = "aanbod-test",
            OfferingTitle = title,
            AccreditationCode = accreditationCode,
            CertificateId = certificateId,
            ReversesEntryId = reverses,
            Reason = reason,
            CreatedByUserId = "test",
            CreatedUtc = DateTime.UtcNow,
        });

    public static async Task<IReadOnlyList<LedgerEntryRecord>> AppendAsync(AcademyFactory factory, params PendingEntry[] entries)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
        var people = scope.ServiceProvider.GetRequiredService<LedgerPeople>();
        foreach (var entry in entries)
        {
            entry.Record.PersonId = (await people.ResolveAsync(new LedgerPerson(entry.UserId, entry.Email, "Deelnemer"))).Id;
            db.Add(entry.Record);
        }
        await db.SaveChangesAsync();
        return entries.Select(e => e.Record).ToList();
    }

    /// <summary>A certificate for <paramref name="email"/> with a fresh code; returns it with its id.</summary>
    public static async Task<CertificateRecord> CertificateAsync(AcademyFactory factory, string? userId, string email, string title, DateOnly completedOn, bool revoked = false)
    {
        var certificate = new CertificateRecord
        {
            Code = "T" + Guid.NewGuid().ToString("n")[..11].ToUpperInvariant(),
            EnrolmentId = Random.Shared.NextInt64(1_000_000_000, long.MaxValue),
            OfferingId = "aanbod-test",
            OfferingTitle = title,
            CompletedOn = completedOn,
            IssuedUtc = DateTime.UtcNow,
            RevokedUtc = revoked ? DateTime.UtcNow : null,
            RevokedReason = revoked ? "Test" : null,
        };
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
        certificate.PersonId = (await scope.ServiceProvider.GetRequiredService<LedgerPeople>().ResolveAsync(new LedgerPerson(userId, email, "Deelnemer"))).Id;
        db.Add(certificate);
        await db.SaveChangesAsync();
        return certificate;
    }

    public static async Task<List<RegisterNumberRecord>> NumbersAsync(AcademyFactory factory, string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AcademyDbContext>().Set<RegisterNumberRecord>().AsNoTracking()
            .Where(n => n.UserId == userId).OrderBy(n => n.RegisterId).ToListAsync();
    }

    public static async Task<RegisterConsentRecord?> ConsentAsync(AcademyFactory factory, string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AcademyDbContext>().Set<RegisterConsentRecord>().AsNoTracking()
            .SingleOrDefaultAsync(c => c.UserId == userId);
    }

    /// <summary>This year in Amsterdam, as the pages compute it.</summary>
    public static int ThisYear => Academy.Core.Recipes.AmsterdamTime.Today(TimeProvider.System).Year;
}
