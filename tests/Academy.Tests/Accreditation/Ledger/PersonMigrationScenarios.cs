using Academy.Accreditation.Migrations;
using Academy.Accreditation.Models;
using Academy.Accreditation.Services.Certificates;
using Academy.Accreditation.Services.Ledger;
using Academy.Core.Data;
using Academy.Testing;
using Academy.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Accreditation.Ledger.LedgerTestKit;

namespace Academy.Tests.Accreditation.Ledger;

/// <summary>A site of its own: the test turns its schema back to the accreditation module's first step.</summary>
public sealed class SqlitePersonMigrationSite : SqliteSite;

public sealed class PostgresPersonMigrationSite : PostgresSite
{
    protected override string DatabaseName => "ledgermigration";
}

/// <summary>
/// The migration step that moves names, addresses and account ids out of the append-only ledger and the certificates
/// into the person table, on a database at the previous schema version with such rows in it.
/// </summary>
public abstract class PersonMigrationScenarios
{
    private static readonly string[] OldColumns = ["UserId", "ParticipantEmail", "ParticipantName"];

    protected abstract Task<AcademyFactory> SiteAsync();

    protected abstract bool IsPostgres { get; }

    [Fact]
    public async Task The_step_moves_people_out_of_the_ledger_and_certificates_and_the_ledger_stays_append_only()
    {
        var factory = await SiteAsync();
        var done = await CompleteAsync(factory, await CreateEditionAsync(factory, Accredit(Registerplein, 2, "RP-VOOR")));
        await DowngradeAsync(factory);
        var userId = $"legacy-{Guid.NewGuid():n}";
        var accountEmail = $"account-{Guid.NewGuid():n}@example.nl";
        var guestEmail = $"gast-{Guid.NewGuid():n}@example.nl";
        var code = CertificateCode.New();
        var certificateId = await WithAsync(factory, async sp =>
        {
            var db = sp.GetRequiredService<AcademyDbContext>();
            await db.Database.ExecuteSqlRawAsync(
                """INSERT INTO "Certificates" ("Code", "EnrolmentId", "UserId", "ParticipantEmail", "ParticipantName", "OfferingId", "OfferingTitle", "CompletedOn", "IssuedUtc") VALUES ({0}, {1}, {2}, {3}, 'Oude Naam', 'oud-aanbod', 'Oude training', {4}, {5})""",
                code, Random.Shared.NextInt64(1_000_000_000, long.MaxValue), userId, accountEmail, new DateOnly(2024, 1, 10), Utc(2024, 1, 10));
            var id = await db.Database.SqlQueryRaw<long>("""SELECT "Id" AS "Value" FROM "Certificates" WHERE "Code" = {0}""", code).SingleAsync();
            await InsertOldEntryAsync(db, "Award", userId, accountEmail, "Oude Naam", 6m, Utc(2024, 1, 10), certificateId: id);
            // The newest name of an account wins.
            await InsertOldEntryAsync(db, "Manual", userId, accountEmail, "Nieuwe Naam", 1.5m, Utc(2024, 6, 1));
            var guestAward = await InsertOldEntryAsync(db, "Award", null, guestEmail, "Gast Zonder Account", 3m, Utc(2024, 2, 1));
            await InsertOldEntryAsync(db, "Reversal", null, guestEmail, "Gast Zonder Account", -3m, Utc(2024, 2, 2), reverses: guestAward);
            return id;
        });

        await MigrateAsync(factory);
        await MigrateAsync(factory);

        var version = await WithAsync(factory, sp => sp.GetRequiredService<AcademyDbContext>().SchemaVersions.AsNoTracking().SingleAsync(v => v.Module == "Academy.Accreditation"));
        Assert.Equal(new AccreditationMigration().Steps.Count, version.Version);
        foreach (var table in new[] { "HoursLedger", "Certificates" })
        {
            var columns = await ColumnsAsync(factory, table);
            Assert.Contains("PersonId", columns);
            Assert.Empty(columns.Intersect(OldColumns));
        }
        var account = new LedgerPerson(userId, accountEmail, "");
        var guest = new LedgerPerson(null, guestEmail, "");
        Assert.Equal(7.5m, Assert.Single(await TotalsAsync(factory, account)).Hours);
        Assert.Equal(0m, Assert.Single(await TotalsAsync(factory, guest)).Hours);
        Assert.Equal(2, (await EntriesOfAsync(factory, guestEmail)).Count);
        var accountRow = Assert.Single(await RowsAsync(factory, account));
        Assert.Equal((userId, accountEmail, "Nieuwe Naam"), (accountRow.UserId, accountRow.Email, accountRow.Name));
        Assert.Equal("Gast Zonder Account", Assert.Single(await RowsAsync(factory, guest)).Name);
        var certificate = await WithAsync(factory, sp => sp.GetRequiredService<AcademyDbContext>().Set<CertificateRecord>().AsNoTracking().SingleAsync(c => c.Id == certificateId));
        Assert.Equal(accountRow.Id, certificate.PersonId);
        var check = await AdminTestKit.Anonymous(factory).GetAsync($"/certificaat/{code}");
        Assert.Equal("Nieuwe Naam", check.Document.QuerySelector("#certificaat-naam")!.TextContent.Trim());
        Assert.Contains("6 uren", check.Document.QuerySelector("#uren")!.TextContent);
        // What the workflow wrote before the downgrade is still the participant's.
        var before = Assert.Single(await CertificatesAsync(factory, done.EnrolmentId));
        Assert.Equal(done.Participant.Name, (await PersonRowAsync(factory, before.PersonId))!.Name);
        Assert.Equal(2m, Assert.Single(await TotalsAsync(factory, new LedgerPerson(null, done.Participant.Email, ""))).Hours);
        // Only the person table holds the address; the ledger still refuses every change.
        Assert.All(await PersonReferenceScenarios.ModuleValuesContainingAsync(factory, accountEmail, guestEmail, "Nieuwe Naam", userId),
            hit => Assert.StartsWith("AccreditationPersons.", hit));
        await WithAsync(factory, async sp =>
        {
            var db = sp.GetRequiredService<AcademyDbContext>();
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"HoursLedger\" SET \"PersonId\" = 'x' WHERE \"CertificateId\" = {0}", certificateId));
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"HoursLedger\" WHERE \"CertificateId\" = {0}", certificateId));
            return 0;
        });
        Assert.Equal(7.5m, Assert.Single(await TotalsAsync(factory, account)).Hours);
    }

    private Task<List<string>> ColumnsAsync(AcademyFactory factory, string table) =>
        WithAsync(factory, sp => sp.GetRequiredService<AcademyDbContext>().Database.SqlQueryRaw<string>(IsPostgres
                ? "SELECT column_name::text AS \"Value\" FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = {0}"
                : "SELECT name AS \"Value\" FROM pragma_table_info({0})", table)
            .ToListAsync());

    private static DateTime Utc(int year, int month, int day) => new(year, month, day, 12, 0, 0, DateTimeKind.Utc);

    private static Task<List<AccreditationPersonRecord>> RowsAsync(AcademyFactory factory, LedgerPerson person) =>
        WithAsync(factory, sp => sp.GetRequiredService<LedgerPeople>().RowsOf(person).ToListAsync());

    private static async Task MigrateAsync(AcademyFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
    }

    /// <summary>A ledger row as the first schema step stored it (name and address in the row); returns its id.</summary>
    private static async Task<long> InsertOldEntryAsync(AcademyDbContext db, string kind, string? userId, string email, string name, decimal hours, DateTime createdUtc,
        long? certificateId = null, long? reverses = null)
    {
        var key = $"legacy:{Guid.NewGuid():n}";
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "HoursLedger" ("IdempotencyKey", "Kind", "UserId", "ParticipantEmail", "ParticipantName", "RegisterId", "Hours", "ActivityDate",
                "OfferingId", "OfferingTitle", "CertificateId", "ReversesEntryId", "Reason", "CreatedByUserId", "CreatedUtc")
            VALUES ({0}, {1}, NULLIF({2}, ''), {3}, {4}, 'registerplein', {5}, {6}, 'oud-aanbod', 'Oude training', NULLIF({7}, 0), NULLIF({8}, 0), 'Overgezet', 'test', {9})
            """,
            // Raw SQL takes no untyped null: '' and 0 stand for "none".
            key, kind, userId ?? "", email, name, hours, DateOnly.FromDateTime(createdUtc), certificateId ?? 0L, reverses ?? 0L, createdUtc);
        return await db.Database.SqlQueryRaw<long>("""SELECT "Id" AS "Value" FROM "HoursLedger" WHERE "IdempotencyKey" = {0}""", key).SingleAsync();
    }

    /// <summary>
    /// Turns the migrated tables back into what the module's first step made: name, address and account id in the
    /// ledger and certificate rows (taken from the person table), their indexes, no person table, and version 1.
    /// </summary>
    private async Task DowngradeAsync(AcademyFactory factory)
    {
        var text = IsPostgres ? "character varying(256)" : "TEXT";
        var statements = new List<string>();
        statements.AddRange(IsPostgres
            ? ["DROP TRIGGER \"HoursLedger_NoChange\" ON \"HoursLedger\""]
            : ["DROP TRIGGER \"HoursLedger_NoUpdate\"", "DROP TRIGGER \"HoursLedger_NoDelete\""]);
        foreach (var table in new[] { "HoursLedger", "Certificates" })
        {
            statements.Add($"ALTER TABLE \"{table}\" ADD COLUMN \"UserId\" {text} NULL");
            statements.Add($"ALTER TABLE \"{table}\" ADD COLUMN \"ParticipantEmail\" {text} NOT NULL DEFAULT ''");
            statements.Add($"ALTER TABLE \"{table}\" ADD COLUMN \"ParticipantName\" {text} NOT NULL DEFAULT ''");
            statements.Add($"""
                UPDATE "{table}" SET
                    "UserId" = (SELECT p."UserId" FROM "AccreditationPersons" AS p WHERE p."Id" = "{table}"."PersonId"),
                    "ParticipantEmail" = COALESCE((SELECT p."Email" FROM "AccreditationPersons" AS p WHERE p."Id" = "{table}"."PersonId"), ''),
                    "ParticipantName" = COALESCE((SELECT p."Name" FROM "AccreditationPersons" AS p WHERE p."Id" = "{table}"."PersonId"), '')
                """);
        }
        statements.AddRange([
            "DROP INDEX \"IX_HoursLedger_PersonId_RegisterId\"",
            "DROP INDEX \"IX_Certificates_PersonId\"",
            "ALTER TABLE \"HoursLedger\" DROP COLUMN \"PersonId\"",
            "ALTER TABLE \"Certificates\" DROP COLUMN \"PersonId\"",
            "CREATE INDEX \"IX_HoursLedger_UserId_RegisterId\" ON \"HoursLedger\" (\"UserId\", \"RegisterId\")",
            "CREATE INDEX \"IX_HoursLedger_ParticipantEmail_RegisterId\" ON \"HoursLedger\" (\"ParticipantEmail\", \"RegisterId\")",
            "CREATE INDEX \"IX_Certificates_UserId\" ON \"Certificates\" (\"UserId\")",
            "CREATE INDEX \"IX_Certificates_ParticipantEmail\" ON \"Certificates\" (\"ParticipantEmail\")",
            "DROP TABLE \"AccreditationPersons\"",
        ]);
        statements.AddRange(IsPostgres
            ? ["CREATE TRIGGER \"HoursLedger_NoChange\" BEFORE UPDATE OR DELETE ON \"HoursLedger\" FOR EACH ROW EXECUTE FUNCTION \"HoursLedger_AppendOnly\"()"]
            : [
                "CREATE TRIGGER \"HoursLedger_NoUpdate\" BEFORE UPDATE ON \"HoursLedger\" BEGIN SELECT RAISE(ABORT, 'HoursLedger is append-only'); END;",
                "CREATE TRIGGER \"HoursLedger_NoDelete\" BEFORE DELETE ON \"HoursLedger\" BEGIN SELECT RAISE(ABORT, 'HoursLedger is append-only'); END;",
            ]);
        statements.Add("UPDATE \"SchemaVersions\" SET \"Version\" = 1 WHERE \"Module\" = 'Academy.Accreditation'");
        await WithAsync(factory, async sp =>
        {
            var db = sp.GetRequiredService<AcademyDbContext>();
            foreach (var sql in statements)
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }
            return 0;
        });
    }
}

public sealed class PersonMigrationSqliteTests(SqlitePersonMigrationSite site) : PersonMigrationScenarios, IClassFixture<SqlitePersonMigrationSite>
{
    protected override Task<AcademyFactory> SiteAsync() => Task.FromResult(site.Factory);

    protected override bool IsPostgres => false;
}

public sealed class PersonMigrationPostgresTests(PostgresFixture postgres, PostgresPersonMigrationSite site) : PersonMigrationScenarios, IClassFixture<PostgresPersonMigrationSite>, IClassFixture<PostgresFixture>
{
    protected override Task<AcademyFactory> SiteAsync() => site.GetAsync(postgres);

    protected override bool IsPostgres => true;
}
