using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Users.Data;

/// <summary>The OrganisationRegistrations table (schema step 2 of the Users module).</summary>
public sealed class OrganisationRegistrationModel : IModelContributor
{
    public const string Table = "OrganisationRegistrations";

    public void Configure(ModelBuilder builder)
    {
        builder.Entity<OrganisationRegistration>(b =>
        {
            b.ToTable(Table);
            b.HasKey(r => r.OrganisationId);
            b.Property(r => r.OrganisationId).HasMaxLength(Organisation.IdMaxLength);
            b.Property(r => r.KvkNumber).HasMaxLength(8).IsRequired();
            b.Property(r => r.Address).HasMaxLength(300);
            // One organisation per KvK number, also when two confirmations race.
            b.HasIndex(r => r.KvkNumber).IsUnique();
            b.HasOne<Organisation>().WithOne().HasForeignKey<OrganisationRegistration>(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
