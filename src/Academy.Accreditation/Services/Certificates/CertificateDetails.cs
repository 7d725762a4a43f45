using Microsoft.AspNetCore.Routing;
using Academy.Accreditation.Models;
using Academy.Accreditation.Services.Ledger;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Core.Hosting;
using Academy.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Academy.Accreditation.Abstractions;

namespace Academy.Accreditation.Services.Certificates;

/// <summary>The hours of one register on a certificate; <see cref="Reversed"/> when the coördinator corrected them away.</summary>
public sealed record CertificateLine(string RegisterId, string RegisterName, decimal Hours, RegisterUnit Unit, string? AccreditationCode, bool Reversed, int SortOrder = 0)
{
    public string HoursText => Services.HoursText.WithUnit(Hours, Unit);
}

/// <summary>
/// A certificate with its holder, its hours per register and its public verification address. The holder is null only
/// when the person row is missing; an anonymised holder has no name, and the certificate still verifies.
/// </summary>
public sealed record CertificateDetails(CertificateRecord Certificate, AccreditationPersonRecord? Holder, IReadOnlyList<CertificateLine> Lines, string VerificationUrl)
{
    /// <summary>The name to print, or null after anonymisation.</summary>
    public string? HolderName => Holder?.Name;

    public bool IsRevoked => Certificate.RevokedUtc is not null;

    /// <summary>"dinsdag 9 maart 2027": the completion date (already an Amsterdam date).</summary>
    public string CompletedOnText => DutchFormat.Date(Certificate.CompletedOn.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));

    /// <summary>The hours that count: none on a revoked certificate, none that were reversed.</summary>
    public IReadOnlyList<CertificateLine> ValidLines => IsRevoked ? [] : Lines.Where(l => !l.Reversed).ToList();
}

/// <summary>A certificate in the coördinator's list, with its holder's name (null after anonymisation).</summary>
public sealed record CertificateListItem(CertificateRecord Certificate, string? HolderName);

/// <summary>Reads certificates for the public check, the PDF, the coördinator and the workflow.</summary>
public sealed class CertificateQuery(AcademyDbContext db, HoursLedger ledger, LedgerPeople people, IOptions<AcademyOptions> options, LinkGenerator links)
{
    public string VerificationUrl(string code) =>
        options.Value.PublicBaseUrl.TrimEnd('/') + links.GetPathByName("Accreditation.CertificateCheck.Show", new { code });

    public async Task<CertificateDetails?> ByCodeAsync(string code, CancellationToken cancellationToken = default) =>
        await db.Set<CertificateRecord>().AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, cancellationToken) is { } certificate
            ? await DetailsAsync(certificate, cancellationToken)
            : null;

    public async Task<CertificateDetails?> ByIdAsync(long id, CancellationToken cancellationToken = default) =>
        await db.Set<CertificateRecord>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is { } certificate
            ? await DetailsAsync(certificate, cancellationToken)
            : null;

    /// <summary>The most recently issued certificates, optionally those whose code, name or e-mail contains <paramref name="search"/>.</summary>
    public async Task<IReadOnlyList<CertificateListItem>> RecentAsync(string? search, int take, CancellationToken cancellationToken = default)
    {
        var query =
            from c in db.Set<CertificateRecord>().AsNoTracking()
            join p in db.Set<AccreditationPersonRecord>().AsNoTracking() on c.PersonId equals p.Id into holders
            from p in holders.DefaultIfEmpty()
            select new { Certificate = c, Name = p == null ? null : p.Name, Email = p == null ? null : p.Email };
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            var code = CertificateCode.Normalize(search);
            query = query.Where(x => x.Certificate.Code == code || x.Email!.Contains(term) || x.Name!.ToLower().Contains(term));
        }
        return (await query.OrderByDescending(x => x.Certificate.IssuedUtc).ThenByDescending(x => x.Certificate.Id).Take(take).ToListAsync(cancellationToken))
            .Select(x => new CertificateListItem(x.Certificate, x.Name)).ToList();
    }

    public async Task<CertificateDetails> DetailsAsync(CertificateRecord certificate, CancellationToken cancellationToken = default)
    {
        var awards = await db.Set<LedgerEntryRecord>().AsNoTracking()
            .Where(e => e.CertificateId == certificate.Id && e.Kind == LedgerEntryKind.Award)
            .ToListAsync(cancellationToken);
        // Awards added in this unit of work (the workflow mails the certificate before it commits) count too.
        awards.AddRange(db.Set<LedgerEntryRecord>().Local
            .Where(e => e.CertificateId == certificate.Id && e.Kind == LedgerEntryKind.Award && awards.All(a => a.IdempotencyKey != e.IdempotencyKey)));
        var reversed = await ledger.ReversedIdsAsync(awards.Where(a => a.Id > 0).Select(a => a.Id).ToList(), cancellationToken);
        var registers = await db.Set<RegisterRecord>().AsNoTracking().ToDictionaryAsync(r => r.Id, cancellationToken);
        var lines = awards
            .Select(a => registers.TryGetValue(a.RegisterId, out var r)
                ? new CertificateLine(a.RegisterId, r.Name, a.Hours, r.Unit, a.AccreditationCode, reversed.Contains(a.Id), r.SortOrder)
                : new CertificateLine(a.RegisterId, a.RegisterId, a.Hours, RegisterUnit.Uren, a.AccreditationCode, reversed.Contains(a.Id), int.MaxValue))
            .OrderBy(l => l.SortOrder).ThenBy(l => l.RegisterName, StringComparer.Ordinal)
            .ToList();
        return new CertificateDetails(certificate, await people.ByIdAsync(certificate.PersonId, cancellationToken), lines, VerificationUrl(certificate.Code));
    }
}
