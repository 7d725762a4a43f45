using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Users.Data;

/// <summary>The AccountRegistrations table (schema step 4 of the Users module).</summary>
public sealed class RegistrationModel : IModelContributor
{
    public const string Table = "AccountRegistrations";

    public void Configure(ModelBuilder builder)
    {
        builder.Entity<AccountRegistration>(b =>
        {
            b.ToTable(Table);
            b.HasKey(r => r.UserId);
            b.Property(r => r.Status).HasMaxLength(16).IsRequired();
            b.Property(r => r.OtherOrganisation).HasMaxLength(200);
            b.Property(r => r.Function).HasMaxLength(200).IsRequired();
            // The approval queue lists the pending ones, oldest first.
            b.HasIndex(r => new { r.Status, r.CreatedUtc });
            b.HasOne<AcademyUser>().WithOne().HasForeignKey<AccountRegistration>(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
