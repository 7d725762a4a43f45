using Academy.Core.Data;

namespace Academy.Leeragenda.Migrations;

public sealed class LeeragendaMigration : IDataMigration
{
    public string Module => "Academy.Leeragenda";

    public IReadOnlyList<Action<SchemaBuilder>> Steps { get; } =
    [
        s => s.CreateTables("OfferingIndex", "OfferingTermIndex", "EditionIndex", "SessionIndex"),
    ];
}
