using Academy.Core.Data;
using Academy.Core.Recipes;

namespace Academy.Enrolment.Migrations;

public sealed class EnrolmentMigration : IDataMigration
{
    public const string ModuleName = "Academy.Enrolment";

    public string Module => ModuleName;

    public IReadOnlyList<Action<SchemaBuilder>> Steps { get; } =
    [
        s => s.CreateTables("Enrolments", "EditionSeats", "Completions"),
        // Issue 10: sites set up before the module existed got no confirmation, approval or waitlist mails.
        s => s.InstallDefaults(ModuleName, typeof(EnrolmentMigration).Assembly),
    ];
}
