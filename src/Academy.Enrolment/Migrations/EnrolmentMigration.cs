using Academy.Core.Content;
using Academy.Core.Data;

namespace Academy.Enrolment.Migrations;

public sealed class EnrolmentMigration : IDataMigration
{
    /// <summary>The step (0-based) that moved this module's offering settings out of OfferingPart into its own part.</summary>
    public const int OfferingPartSplitStep = 1;

    public string Module => "Academy.Enrolment";

    public IReadOnlyList<Action<SchemaBuilder>> Steps { get; } =
    [
        s => s.CreateTables("Enrolments", "EditionSeats", "Completions"),
        // Issue 10: the enrolment policy moved out of the Leeragenda's OfferingPart into this module's EnrolmentPart.
        s => s.Data((db, ct) => LegacyContentMigration.RunAsync(db, new Models.EnrolmentLegacyShape(), ct)),
    ];
}
