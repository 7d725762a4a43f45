using Academy.Core.Data;
using Academy.Enrolment.Models;
using Microsoft.EntityFrameworkCore;

namespace Academy.Enrolment.Data;

/// <summary>The enrolment module's tables: enrolments, one seat counter per edition, completions.</summary>
public sealed class EnrolmentModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<EnrolmentRecord>(e =>
        {
            e.ToTable("Enrolments");
            e.HasKey(x => x.Id);
            e.Property(x => x.EditionId).HasMaxLength(100).IsRequired();
            e.Property(x => x.OfferingId).HasMaxLength(64).IsRequired();
            e.Property(x => x.UserId).HasMaxLength(64);
            e.Property(x => x.ParticipantName).HasMaxLength(200).IsRequired();
            e.Property(x => x.ParticipantEmail).HasMaxLength(256).IsRequired();
            e.Property(x => x.ParticipantFunction).HasMaxLength(200);
            e.Property(x => x.OrganisationId).HasMaxLength(64);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.HoldGroupId).HasMaxLength(64);
            e.Property(x => x.DeclineReason).HasMaxLength(2000);
            e.Property(x => x.CancelReason).HasMaxLength(2000);
            e.Property(x => x.Version).IsConcurrencyToken();
            // Nobody twice on one edition (see EnrolmentRecord.ActiveMarker).
            e.HasIndex(x => new { x.EditionId, x.ParticipantEmail, x.ActiveMarker }).IsUnique();
            e.HasIndex(x => new { x.EditionId, x.Status, x.WaitlistSequence });
            e.HasIndex(x => new { x.UserId, x.Status });
            e.HasIndex(x => x.HoldGroupId);
            e.HasIndex(x => new { x.Status, x.HoldExpiresUtc });
        });
        modelBuilder.Entity<EditionSeatRecord>(e =>
        {
            e.ToTable("EditionSeats");
            e.HasKey(x => x.EditionId);
            e.Property(x => x.EditionId).HasMaxLength(100);
        });
        modelBuilder.Entity<CompletionRecord>(e =>
        {
            e.ToTable("Completions");
            e.HasKey(x => x.Id);
            e.Property(x => x.OfferingId).HasMaxLength(64).IsRequired();
            e.Property(x => x.ParticipantEmail).HasMaxLength(256).IsRequired();
            e.Property(x => x.UserId).HasMaxLength(64);
            e.Property(x => x.MarkedByUserId).HasMaxLength(64);
            e.HasIndex(x => new { x.OfferingId, x.ParticipantEmail });
            e.HasIndex(x => new { x.OfferingId, x.UserId });
            e.HasIndex(x => x.EnrolmentId).IsUnique();
        });
    }
}
