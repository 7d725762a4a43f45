using Academy.Accreditation.Data;
using Academy.Core.Data;

namespace Academy.Accreditation.Migrations;

public sealed class AccreditationMigration : IDataMigration
{
    private const string Ledger = AccreditationModel.LedgerTable;

    public string Module => "Academy.Accreditation";

    public IReadOnlyList<Action<SchemaBuilder>> Steps { get; } =
    [
        s => s
            .CreateTables("Registers", "RegisterNumbers", "RegisterConsents", "Attendance", Ledger, "Certificates")
            // The ledger is append-only in the database itself, not only in our code: no UPDATE or DELETE gets through.
            .Sql(
                $"CREATE TRIGGER \"{Ledger}_NoUpdate\" BEFORE UPDATE ON \"{Ledger}\" BEGIN SELECT RAISE(ABORT, 'HoursLedger is append-only'); END;",
                $"CREATE FUNCTION \"{Ledger}_AppendOnly\"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'HoursLedger is append-only'; END; $$;")
            .Sql(
                $"CREATE TRIGGER \"{Ledger}_NoDelete\" BEFORE DELETE ON \"{Ledger}\" BEGIN SELECT RAISE(ABORT, 'HoursLedger is append-only'); END;",
                $"CREATE TRIGGER \"{Ledger}_NoChange\" BEFORE UPDATE OR DELETE ON \"{Ledger}\" FOR EACH ROW EXECUTE FUNCTION \"{Ledger}_AppendOnly\"();"),
    ];
}
