using Academy.Core.Data;
using Academy.Core.Recipes;
using Academy.EmployerSignup.Models;
using Microsoft.EntityFrameworkCore;

namespace Academy.EmployerSignup.Data;

public sealed class EmployerSignupModel : IModelContributor
{
    public const string Table = "EmployerSignups";
    public const string ContactsTable = "EmployerContacts";

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
            b.Property(s => s.ClientKey).HasMaxLength(64);
            b.HasIndex(s => s.OrganisationId);
            b.HasIndex(s => s.ContactUserId);
            b.HasIndex(s => new { s.Status, s.EditionId });
        });
        builder.Entity<EmployerContact>(b =>
        {
            b.ToTable(ContactsTable);
            b.HasKey(c => new { c.OrganisationId, c.UserId });
            b.Property(c => c.OrganisationId).HasMaxLength(64);
            b.Property(c => c.UserId).HasMaxLength(450);
            b.Property(c => c.Name).HasMaxLength(200).IsRequired();
            b.Property(c => c.Email).HasMaxLength(256).IsRequired();
            b.Property(c => c.LinkedByUserId).HasMaxLength(450);
            b.HasIndex(c => c.UserId);
        });
    }
}

public sealed class EmployerSignupMigration : IDataMigration
{
    public const string ModuleName = "Academy.EmployerSignup";

    public string Module => ModuleName;

    public IReadOnlyList<Action<SchemaBuilder>> Steps { get; } =
    [
        s => s.CreateTables(EmployerSignupModel.Table),
        // Issue 9: contacts per organisation (access no longer follows the KvK number) and the per-address hold cap.
        // Sign-ups confirmed before this step: the first contact of each organisation stays linked, later ones wait
        // to be linked by that contact or the coördinator (any of them may have used someone else's KvK number).
        s => s
            .CreateTables(EmployerSignupModel.ContactsTable)
            .AddColumns(EmployerSignupModel.Table, nameof(EmployerSignupRecord.ClientKey))
            .Sql(Backfill("1", "0"), Backfill("TRUE", "FALSE"))
            .Sql(StatusIndex, StatusIndex)
            .Sql(RetentionJob, RetentionJob),
        // Issue 10: sites set up before the module existed got no HARRIE sign-up mails and no Werkgever permission.
        s => s.InstallDefaults(ModuleName, typeof(EmployerSignupMigration).Assembly),
    ];

    // Created by step 1's CreateTables on databases made after the index joined the model.
    private const string StatusIndex =
        $"CREATE INDEX IF NOT EXISTS \"IX_{EmployerSignupModel.Table}_Status_EditionId\" ON \"{EmployerSignupModel.Table}\" (\"Status\", \"EditionId\");";

    // Sites with sign-ups from before the retention job get it as IJobScheduler would add it (new sign-ups schedule it too).
    private const string RetentionJob = $"""
        INSERT INTO "ScheduledJobs" ("Kind", "Key", "DueUtc", "CreatedUtc", "Attempts")
        SELECT '{Services.SignupRetention.JobKind}', '{Services.SignupRetention.JobKey}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0
        WHERE EXISTS (SELECT 1 FROM "{EmployerSignupModel.Table}")
            AND NOT EXISTS (SELECT 1 FROM "ScheduledJobs" WHERE "Kind" = '{Services.SignupRetention.JobKind}');
        """;

    private static string Backfill(string yes, string no) => $"""
        INSERT INTO "{EmployerSignupModel.ContactsTable}" ("OrganisationId", "UserId", "Name", "Email", "IsLinked", "CreatedUtc")
        SELECT s."OrganisationId", s."ContactUserId", MAX(s."ContactName"), MAX(s."ContactEmail"),
            CASE WHEN s."ContactUserId" = (SELECT f."ContactUserId" FROM "{EmployerSignupModel.Table}" f
                WHERE f."OrganisationId" = s."OrganisationId" AND f."ContactUserId" IS NOT NULL
                ORDER BY f."ConfirmedUtc", f."Id" LIMIT 1) THEN {yes} ELSE {no} END,
            MIN(COALESCE(s."ConfirmedUtc", s."CreatedUtc"))
        FROM "{EmployerSignupModel.Table}" s
        WHERE s."OrganisationId" IS NOT NULL AND s."ContactUserId" IS NOT NULL
        GROUP BY s."OrganisationId", s."ContactUserId";
        """;
}
