using Academy.Accreditation.Data;
using Academy.Core.Content;
using Academy.Core.Data;
using Academy.Core.Recipes;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Academy.Accreditation.Migrations;

public sealed class AccreditationMigration : IDataMigration
{
    private const string Ledger = AccreditationModel.LedgerTable;
    private const string Certificates = AccreditationModel.CertificatesTable;
    private const string Persons = AccreditationModel.PersonsTable;

    // The ledger is append-only in the database itself, not only in our code: no UPDATE or DELETE gets through.
    private const string SqliteNoUpdate =
        $"CREATE TRIGGER \"{Ledger}_NoUpdate\" BEFORE UPDATE ON \"{Ledger}\" BEGIN SELECT RAISE(ABORT, 'HoursLedger is append-only'); END;";
    private const string SqliteNoDelete =
        $"CREATE TRIGGER \"{Ledger}_NoDelete\" BEFORE DELETE ON \"{Ledger}\" BEGIN SELECT RAISE(ABORT, 'HoursLedger is append-only'); END;";
    private const string PostgresNoChange =
        $"CREATE TRIGGER \"{Ledger}_NoChange\" BEFORE UPDATE OR DELETE ON \"{Ledger}\" FOR EACH ROW EXECUTE FUNCTION \"{Ledger}_AppendOnly\"();";

    public const string ModuleName = "Academy.Accreditation";

    /// <summary>The step (0-based) that moved this module's offering settings out of OfferingPart into its own part.</summary>
    public const int OfferingPartSplitStep = 2;

    public string Module => ModuleName;

    public IReadOnlyList<Action<SchemaBuilder>> Steps { get; } =
    [
        s => s
            .CreateTables("Registers", "RegisterNumbers", "RegisterConsents", "Attendance", Ledger, Certificates)
            .Sql(
                SqliteNoUpdate,
                $"CREATE FUNCTION \"{Ledger}_AppendOnly\"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'HoursLedger is append-only'; END; $$;")
            .Sql(SqliteNoDelete, PostgresNoChange),
        MovePeopleToPersonTable,
        // Issue 10: completion rule and accreditations moved out of the Leeragenda's OfferingPart into AccreditationPart.
        s => s.Run((db, ct) => LegacyContentMigration.RunAsync(db, new Models.AccreditationLegacyShape(), ct)),
        // Issue 10: sites set up before the module existed had no registers, no certificate mail and no permissions for it.
        s => s.InstallDefaults(ModuleName, typeof(AccreditationMigration).Assembly),
    ];

    /// <summary>
    /// Names, e-mail addresses and account ids move from the ledger and the certificates to the person table, so they
    /// can be corrected or erased. The append-only triggers are lifted for this one step (in its transaction) and put
    /// back exactly as they were. On a fresh database the tables already have their new shape and only the person
    /// table is created.
    /// </summary>
    private static void MovePeopleToPersonTable(SchemaBuilder s)
    {
        s.CreateTables(Persons)
            .Add(PersonIdColumn(Ledger))
            .Add(PersonIdColumn(Certificates))
            .Sql($"DROP TRIGGER IF EXISTS \"{Ledger}_NoUpdate\"", $"DROP TRIGGER IF EXISTS \"{Ledger}_NoChange\" ON \"{Ledger}\"")
            .Sql($"DROP TRIGGER IF EXISTS \"{Ledger}_NoDelete\"", "SELECT 1");
        // One person per account, and one per e-mail address without an account; the latest name and address win.
        Moved(s,
            $"""
            INSERT INTO "{Persons}" ("Id", "UserId", "Email", "Name")
            SELECT NEW_PERSON_ID, "UserId", "ParticipantEmail", "ParticipantName" FROM (
                SELECT "UserId", "ParticipantEmail", "ParticipantName", ROW_NUMBER() OVER (
                    PARTITION BY COALESCE("UserId", ''), CASE WHEN "UserId" IS NULL THEN "ParticipantEmail" ELSE '' END
                    ORDER BY "Stamp" DESC) AS "Rank"
                FROM (SELECT "UserId", "ParticipantEmail", "ParticipantName", "CreatedUtc" AS "Stamp" FROM "{Ledger}"
                      UNION ALL
                      SELECT "UserId", "ParticipantEmail", "ParticipantName", "IssuedUtc" FROM "{Certificates}") AS "Known") AS "Ranked"
            WHERE "Rank" = 1
            """);
        foreach (var table in new[] { Ledger, Certificates })
        {
            Moved(s,
                $"""
                UPDATE "{table}" SET "PersonId" = (SELECT p."Id" FROM "{Persons}" AS p
                    WHERE p."UserId" = "{table}"."UserId"
                       OR ("{table}"."UserId" IS NULL AND p."UserId" IS NULL AND p."Email" = "{table}"."ParticipantEmail"))
                """);
        }
        // SQLite drops no column that an index still uses.
        foreach (var index in new[] { "IX_HoursLedger_UserId_RegisterId", "IX_HoursLedger_ParticipantEmail_RegisterId", "IX_Certificates_UserId", "IX_Certificates_ParticipantEmail" })
        {
            Both(s, $"DROP INDEX IF EXISTS \"{index}\"");
        }
        foreach (var table in new[] { Ledger, Certificates })
        {
            foreach (var column in new[] { "UserId", "ParticipantEmail", "ParticipantName" })
            {
                Moved(s, $"ALTER TABLE \"{table}\" DROP COLUMN \"{column}\"");
            }
        }
        // A fresh database got these indexes from the model in step 1.
        Both(s, $"CREATE INDEX IF NOT EXISTS \"IX_{Ledger}_PersonId_RegisterId\" ON \"{Ledger}\" (\"PersonId\", \"RegisterId\")");
        Both(s, $"CREATE INDEX IF NOT EXISTS \"IX_{Certificates}_PersonId\" ON \"{Certificates}\" (\"PersonId\")")
            .Sql(SqliteNoUpdate, PostgresNoChange)
            .Sql(SqliteNoDelete, "SELECT 1");
    }

    /// <summary>SQL that both providers understand.</summary>
    private static SchemaBuilder Both(SchemaBuilder s, string sql) => s.Sql(sql, sql);

    /// <summary>SQL that reads or drops the old person columns: only on a database that still has them. NEW_PERSON_ID is a random id.</summary>
    private static void Moved(SchemaBuilder s, string sql) =>
        s.SqlIfColumnExists(Ledger, "ParticipantEmail",
            sql.Replace("NEW_PERSON_ID", "lower(hex(randomblob(16)))", StringComparison.Ordinal),
            sql.Replace("NEW_PERSON_ID", "md5(random()::text || clock_timestamp()::text)", StringComparison.Ordinal));

    /// <summary>Added with a default, as SQLite adds no NOT NULL column without one; the step then fills it.</summary>
    private static AddColumnOperation PersonIdColumn(string table) => new()
    {
        Table = table,
        Name = "PersonId",
        ClrType = typeof(string),
        MaxLength = 32,
        IsNullable = false,
        DefaultValue = "",
    };
}
