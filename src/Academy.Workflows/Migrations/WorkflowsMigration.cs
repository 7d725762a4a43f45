using Academy.Core.Data;

namespace Academy.Workflows.Migrations;

public sealed class WorkflowsMigration : IDataMigration
{
    public string Module => "Academy.Workflows";

    public IReadOnlyList<Action<SchemaBuilder>> Steps { get; } =
    [
        s => s.CreateTables("WorkflowTypes", "WorkflowInstances", "WorkflowJournal"),
    ];
}
