using Academy.Accreditation.Models;
using Academy.Accreditation.Services.Ledger;
using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Accreditation.Services.Certificates;

/// <summary>What a certificate is for: one completed enrolment.</summary>
public sealed record CertificateRequest(
    long EnrolmentId,
    LedgerPerson Person,
    string OfferingId,
    string OfferingTitle,
    string? EditionId,
    string? EditionName,
    DateOnly CompletedOn);

/// <summary>
/// Issues and revokes certificates. One certificate per completed enrolment: issuing again returns the existing one.
/// Revoking keeps the certificate (the public check then says "ingetrokken") and reverses its hours in the ledger.
/// </summary>
public sealed class CertificateIssuer(AcademyDbContext db, HoursLedger ledger, LedgerPeople people, TimeProvider clock)
{
    // Leaves room for the "Certificaat … ingetrokken: " prefix on the reversals within the ledger's limit.
    public const int MaxReasonLength = 1000;

    private DbSet<CertificateRecord> Certificates => db.Set<CertificateRecord>();

    /// <summary>
    /// The enrolment's certificate, created when it has none. A new certificate is saved at once (in the caller's
    /// transaction): its id goes into the award entries, which can never be updated afterwards.
    /// </summary>
    public async Task<(CertificateRecord Certificate, bool Created)> IssueAsync(CertificateRequest request, CancellationToken cancellationToken = default)
    {
        if ((Certificates.Local.FirstOrDefault(c => c.EnrolmentId == request.EnrolmentId)
            ?? await Certificates.FirstOrDefaultAsync(c => c.EnrolmentId == request.EnrolmentId, cancellationToken)) is { } existing)
        {
            return (existing, false);
        }
        var certificate = new CertificateRecord
        {
            Code = await UnusedCodeAsync(cancellationToken),
            EnrolmentId = request.EnrolmentId,
            PersonId = (await people.ResolveAsync(request.Person, cancellationToken)).Id,
            OfferingId = request.OfferingId,
            OfferingTitle = request.OfferingTitle.Length > 300 ? request.OfferingTitle[..300] : request.OfferingTitle,
            EditionId = request.EditionId,
            EditionName = request.EditionName,
            CompletedOn = request.CompletedOn,
            IssuedUtc = clock.GetUtcNow().UtcDateTime,
        };
        Certificates.Add(certificate);
        await db.SaveChangesAsync(cancellationToken);
        return (certificate, true);
    }

    /// <summary>
    /// Revokes a certificate with a reason and reverses every award on it that is not reversed yet, in the caller's
    /// unit of work (the caller saves once). Refused, with nothing changed, without a reason or when already revoked.
    /// </summary>
    public async Task<LedgerResult<CertificateRecord>> RevokeAsync(long certificateId, string? reason, string actorUserId, CancellationToken cancellationToken = default)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return LedgerResult<CertificateRecord>.Fail("Geef een reden op waarom het certificaat wordt ingetrokken.", "revoke-reason");
        }
        if (reason.Length > MaxReasonLength)
        {
            return LedgerResult<CertificateRecord>.Fail($"De reden mag hoogstens {MaxReasonLength} tekens lang zijn.", "revoke-reason");
        }
        var certificate = await Certificates.FirstOrDefaultAsync(c => c.Id == certificateId, cancellationToken);
        if (certificate is null)
        {
            return LedgerResult<CertificateRecord>.Fail("Dit certificaat bestaat niet.");
        }
        if (certificate.RevokedUtc is not null)
        {
            return LedgerResult<CertificateRecord>.Fail("Dit certificaat is al ingetrokken.");
        }
        var awards = await db.Set<LedgerEntryRecord>().AsNoTracking()
            .Where(e => e.CertificateId == certificateId && e.Kind == LedgerEntryKind.Award).Select(e => e.Id).ToListAsync(cancellationToken);
        var reversed = await ledger.ReversedIdsAsync(awards, cancellationToken);
        foreach (var id in awards.Where(id => !reversed.Contains(id)))
        {
            var result = await ledger.ReverseAsync(id, $"Certificaat {certificate.Code} ingetrokken: {reason}", actorUserId, cancellationToken);
            if (!result.Succeeded)
            {
                return LedgerResult<CertificateRecord>.Fail(result.Error!);
            }
        }
        certificate.RevokedUtc = clock.GetUtcNow().UtcDateTime;
        certificate.RevokedReason = reason;
        certificate.RevokedByUserId = actorUserId;
        return LedgerResult<CertificateRecord>.Ok(certificate);
    }

    private async Task<string> UnusedCodeAsync(CancellationToken cancellationToken)
    {
        // A collision is astronomically unlikely; checking keeps the unique index from ever failing an award.
        while (true)
        {
            var code = CertificateCode.New();
            if (!await Certificates.AnyAsync(c => c.Code == code, cancellationToken))
            {
                return code;
            }
        }
    }
}
