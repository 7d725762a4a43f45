using Academy.Core.Data;

namespace Academy.Enrolment.Migrations;

public sealed class EnrolmentMigration : IDataMigration
{
    public string Module => "Academy.Enrolment";

    public IReadOnlyList<Action<SchemaBuilder>> Steps { get; } =
    [
        s => s.CreateTables("Enrolments", "EditionSeats", "Completions"),
    ];
}
