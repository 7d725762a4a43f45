using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Users.Data;

/// <summary>The UserAuditLog table: who changed whose access, what and when.</summary>
public sealed class UserAuditModel : IModelContributor
{
    public const string Table = "UserAuditLog";

    public void Configure(ModelBuilder builder)
    {
        builder.Entity<UserAuditEntry>(b =>
        {
            b.ToTable(Table);
            b.HasKey(e => e.Id);
            b.Property(e => e.Id).ValueGeneratedOnAdd();
            b.Property(e => e.ActorUserId).HasMaxLength(450);
            b.Property(e => e.SubjectUserId).HasMaxLength(450).IsRequired();
            b.Property(e => e.Action).HasMaxLength(32).IsRequired();
            b.Property(e => e.Role).HasMaxLength(256);
            b.HasIndex(e => e.AtUtc);
            b.HasIndex(e => e.SubjectUserId);
        });
    }
}
