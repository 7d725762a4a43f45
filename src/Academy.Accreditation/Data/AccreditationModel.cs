using Academy.Accreditation.Models;
using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Accreditation.Data;

/// <summary>The accreditation module's tables: registers, profile numbers and consent, attendance, the hours ledger, certificates and the people behind them.</summary>
public sealed class AccreditationModel : IModelContributor
{
    public const string LedgerTable = "HoursLedger";
    public const string CertificatesTable = "Certificates";
    public const string PersonsTable = "AccreditationPersons";

    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RegisterRecord>(e =>
        {
            e.ToTable("Registers");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(200).IsRequired();
            e.Property(x => x.Prefix).HasMaxLength(16);
            e.Property(x => x.Unit).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Url).HasMaxLength(500);
        });
        modelBuilder.Entity<RegisterNumberRecord>(e =>
        {
            e.ToTable("RegisterNumbers");
            e.HasKey(x => new { x.UserId, x.RegisterId });
            e.Property(x => x.UserId).HasMaxLength(64);
            e.Property(x => x.RegisterId).HasMaxLength(64);
            e.Property(x => x.Number).HasMaxLength(40).IsRequired();
        });
        modelBuilder.Entity<RegisterConsentRecord>(e =>
        {
            e.ToTable("RegisterConsents");
            e.HasKey(x => x.UserId);
            e.Property(x => x.UserId).HasMaxLength(64);
        });
        modelBuilder.Entity<AttendanceRecord>(e =>
        {
            e.ToTable("Attendance");
            e.HasKey(x => x.Id);
            e.Property(x => x.EditionId).HasMaxLength(100).IsRequired();
            e.Property(x => x.SessionId).HasMaxLength(100).IsRequired();
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.RecordedByUserId).HasMaxLength(64);
            e.HasIndex(x => new { x.EditionId, x.SessionId, x.EnrolmentId }).IsUnique();
            e.HasIndex(x => x.EnrolmentId);
        });
        modelBuilder.Entity<LedgerEntryRecord>(e =>
        {
            e.ToTable(LedgerTable);
            e.HasKey(x => x.Id);
            e.Property(x => x.IdempotencyKey).HasMaxLength(120).IsRequired();
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.PersonId).HasMaxLength(32).IsRequired();
            e.Property(x => x.RegisterId).HasMaxLength(64).IsRequired();
            e.Property(x => x.Hours).HasPrecision(9, 2);
            e.Property(x => x.OfferingId).HasMaxLength(64).IsRequired();
            e.Property(x => x.OfferingTitle).HasMaxLength(300).IsRequired();
            e.Property(x => x.EditionId).HasMaxLength(100);
            e.Property(x => x.AccreditationCode).HasMaxLength(64);
            e.Property(x => x.OrganisationId).HasMaxLength(64);
            e.Property(x => x.ThemeNames).HasMaxLength(1000);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.CreatedByUserId).HasMaxLength(64);
            e.HasIndex(x => x.IdempotencyKey).IsUnique();
            e.HasIndex(x => new { x.PersonId, x.RegisterId });
            e.HasIndex(x => x.EnrolmentId);
            e.HasIndex(x => x.ReversesEntryId).IsUnique();
            // The public certificate check and the certificate PDF read a certificate's entries; the dashboard its years.
            // (An index on RegisterId would lure SQLite away from EnrolmentId in the export's query.)
            e.HasIndex(x => x.CertificateId);
            e.HasIndex(x => x.ActivityDate);
        });
        modelBuilder.Entity<CertificateRecord>(e =>
        {
            e.ToTable(CertificatesTable);
            e.HasKey(x => x.Id);
            e.Property(x => x.Code).HasMaxLength(32).IsRequired();
            e.Property(x => x.PersonId).HasMaxLength(32).IsRequired();
            e.Property(x => x.OfferingId).HasMaxLength(64).IsRequired();
            e.Property(x => x.OfferingTitle).HasMaxLength(300).IsRequired();
            e.Property(x => x.EditionId).HasMaxLength(100);
            e.Property(x => x.EditionName).HasMaxLength(200);
            e.Property(x => x.RevokedReason).HasMaxLength(2000);
            e.Property(x => x.RevokedByUserId).HasMaxLength(64);
            e.HasIndex(x => x.Code).IsUnique();
            e.HasIndex(x => x.EnrolmentId).IsUnique();
            e.HasIndex(x => x.PersonId);
        });
        modelBuilder.Entity<AccreditationPersonRecord>(e =>
        {
            e.ToTable(PersonsTable);
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(32);
            e.Property(x => x.UserId).HasMaxLength(64);
            e.Property(x => x.Email).HasMaxLength(256);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.MergedIntoId).HasMaxLength(32);
            e.Ignore(x => x.IsAnonymised);
            // Found by account, or by e-mail address without one. Not unique: two awards for someone new at the same
            // moment may each add a row; every read takes all rows of the account (or address), so nothing is lost.
            e.HasIndex(x => x.UserId);
            e.HasIndex(x => x.Email);
        });
    }
}
