using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Email.Models;

public sealed class EmailModel : IModelContributor
{
    public const string MailTable = "MailMessages";
    public const string NotificationTable = "Notifications";

    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MailMessageRecord>(e =>
        {
            e.ToTable(MailTable);
            e.HasKey(x => x.Id);
            e.Property(x => x.IdempotencyKey).HasMaxLength(200).IsRequired();
            e.Property(x => x.MessageId).HasMaxLength(200).IsRequired();
            e.Property(x => x.To).HasMaxLength(320).IsRequired();
            e.Property(x => x.ToName).HasMaxLength(200);
            e.Property(x => x.Subject).HasMaxLength(500).IsRequired();
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.LastError).HasMaxLength(2000);
            e.Property(x => x.LeaseOwner).HasMaxLength(200);
            e.HasIndex(x => x.IdempotencyKey).IsUnique();
            e.HasIndex(x => new { x.Status, x.NextAttemptUtc });
        });
        modelBuilder.Entity<NotificationRecord>(e =>
        {
            e.ToTable(NotificationTable);
            e.HasKey(x => x.Id);
            e.Property(x => x.UserId).HasMaxLength(450).IsRequired();
            e.Property(x => x.Text).HasMaxLength(1000).IsRequired();
            e.Property(x => x.Url).HasMaxLength(500);
            e.HasIndex(x => new { x.UserId, x.CreatedUtc });
        });
    }
}
