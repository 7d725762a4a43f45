using Academy.Accreditation.Abstractions;
using Academy.Accreditation.Models;
using Academy.Accreditation.Services.Certificates;
using Academy.Core.Data;
using Academy.Core.Privacy;
using Academy.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace Academy.Accreditation.Services.Privacy;

/// <summary>
/// The person's leeruren, certificates (with their PDFs), attendance, register numbers and consent. Erasure anonymises
/// the person row only (<see cref="ILedgerPersonalData"/>): hours already reported and certificates stay verifiable,
/// without a name.
/// </summary>
public sealed class AccreditationPersonalData(AcademyDbContext db, ILedgerPersonalData ledgerPeople, CertificateQuery certificates,
    DocumentStore documents) : IPersonalDataProvider
{
    public string Name => "accreditatie";

    public async Task<PersonalDataSection?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken = default)
    {
        var email = subject.Email.Trim().ToLowerInvariant();
        var personIds = await db.Set<AccreditationPersonRecord>().AsNoTracking()
            .Where(p => p.UserId == subject.UserId || (p.UserId == null && p.Email == email))
            .Select(p => p.Id).ToListAsync(cancellationToken);
        var entries = await db.Set<LedgerEntryRecord>().AsNoTracking().Where(e => personIds.Contains(e.PersonId))
            .OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var certificateRows = await db.Set<CertificateRecord>().AsNoTracking().Where(c => personIds.Contains(c.PersonId))
            .OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var enrolmentIds = entries.Select(e => e.EnrolmentId).Concat(certificateRows.Select(c => (long?)c.EnrolmentId))
            .OfType<long>().Distinct().ToList();
        var attendance = await db.Set<AttendanceRecord>().AsNoTracking().Where(a => enrolmentIds.Contains(a.EnrolmentId))
            .OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var numbers = await db.Set<RegisterNumberRecord>().AsNoTracking().Where(n => n.UserId == subject.UserId).ToListAsync(cancellationToken);
        var consent = await db.Set<RegisterConsentRecord>().AsNoTracking().FirstOrDefaultAsync(c => c.UserId == subject.UserId, cancellationToken);
        if (personIds.Count == 0 && numbers.Count == 0 && consent is null)
        {
            return null;
        }

        var files = new List<PersonalDataFile>();
        var siteName = (await documents.GetSiteSettingsAsync()).SiteName;
        foreach (var certificate in certificateRows)
        {
            var details = await certificates.DetailsAsync(certificate, cancellationToken);
            files.Add(new PersonalDataFile("certificaten/" + CertificatePdf.FileName(certificate.Code), "application/pdf",
                CertificatePdf.Render(details, siteName)));
        }
        var data = PersonalDataJson.ToNode(new
        {
            Leeruren = entries.Select(e => new
            {
                Soort = e.Kind.ToString(), Register = e.RegisterId, Uren = e.Hours, Datum = e.ActivityDate, Aanbod = e.OfferingTitle,
                e.AccreditationCode, Reden = e.Reason, Vastgelegd = e.CreatedUtc,
            }),
            Certificaten = certificateRows.Select(c => new
            {
                c.Code, Aanbod = c.OfferingTitle, Groep = c.EditionName, AfgerondOp = c.CompletedOn, Uitgegeven = c.IssuedUtc,
                Ingetrokken = c.RevokedUtc, Bestand = "certificaten/" + CertificatePdf.FileName(c.Code),
            }),
            Presentie = attendance.Select(a => new
            {
                Groep = a.EditionId, Bijeenkomst = a.SessionId, Status = a.Status.ToString(), MinutenAanwezig = a.MinutesPresent, Vastgelegd = a.RecordedUtc,
            }),
            Registernummers = numbers.Select(n => new { Register = n.RegisterId, Nummer = n.Number, Gewijzigd = n.UpdatedUtc }),
            ToestemmingRegisters = consent is null ? null : new { Toestemming = consent.Consented, Gewijzigd = consent.ChangedUtc },
        });
        return new PersonalDataSection(Name, data, files);
    }

    public Task EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken = default) =>
        ledgerPeople.AnonymiseAsync(subject.UserId, subject.Email, cancellationToken);
}
