using Academy.Core.Data;
using Academy.EmployerSignup.Models;
using Microsoft.EntityFrameworkCore;

namespace Academy.EmployerSignup.Data;

public sealed class EmployerSignupModel : IModelContributor
{
    public const string Table = "EmployerSignups";

    public void Configure(ModelBuilder builder)
    {
        builder.Entity<EmployerSignupRecord>(b =>
        {
            b.ToTable(Table);
            b.HasKey(s => s.Id);
            b.Property(s => s.Id).HasMaxLength(32);
            b.Property(s => s.OrganisationName).HasMaxLength(200).IsRequired();
            b.Property(s => s.KvkNumber).HasMaxLength(8).IsRequired();
            b.Property(s => s.Street).HasMaxLength(200).IsRequired();
            b.Property(s => s.Postcode).HasMaxLength(7).IsRequired();
            b.Property(s => s.Place).HasMaxLength(100).IsRequired();
            b.Property(s => s.ContactName).HasMaxLength(200).IsRequired();
            b.Property(s => s.ContactEmail).HasMaxLength(256).IsRequired();
            b.Property(s => s.ContactPhone).HasMaxLength(30);
            b.Property(s => s.EditionId).HasMaxLength(64).IsRequired();
            b.Property(s => s.OfferingId).HasMaxLength(64).IsRequired();
            // Stored as text, so the table reads well in a database tool.
            b.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(s => s.OrganisationId).HasMaxLength(64);
            b.Property(s => s.ContactUserId).HasMaxLength(450);
            b.Ignore(s => s.Address);
            b.HasIndex(s => s.OrganisationId);
            b.HasIndex(s => s.ContactUserId);
        });
    }
}

public sealed class EmployerSignupMigration : IDataMigration
{
    public string Module => "Academy.EmployerSignup";

    public IReadOnlyList<Action<SchemaBuilder>> Steps { get; } =
    [
        s => s.CreateTables(EmployerSignupModel.Table),
    ];
}
