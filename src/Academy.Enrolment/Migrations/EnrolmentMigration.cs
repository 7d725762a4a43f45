using Academy.Core.Content;
using Academy.Core.Data;
using Academy.Core.Recipes;

namespace Academy.Enrolment.Migrations;

public sealed class EnrolmentMigration : IDataMigration
{
    public const string ModuleName = "Academy.Enrolment";

    /// <summary>The step (0-based) that moved this module's offering settings out of OfferingPart into its own part.</summary>
    public const int OfferingPartSplitStep = 1;

    public string Module => ModuleName;

    public IReadOnlyList<Action<SchemaBuilder>> Steps { get; } =
    [
        s => s.CreateTables("Enrolments", "EditionSeats", "Completions"),
        // Issue 10: the enrolment policy moved out of the Leeragenda's OfferingPart into this module's EnrolmentPart.
        s => s.Run((db, ct) => LegacyContentMigration.RunAsync(db, new Models.EnrolmentLegacyShape(), ct)),
        // Issue 10: sites set up before the module existed got no confirmation, approval or waitlist mails.
        s => s.InstallDefaults(ModuleName, typeof(EnrolmentMigration).Assembly),
    ];
}
