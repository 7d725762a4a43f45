using Academy.Core.Data;
using Academy.Core.Recipes;

namespace Academy.Workflows.Migrations;

public sealed class WorkflowsMigration : IDataMigration
{
    public const string ModuleName = "Academy.Workflows";

    public string Module => ModuleName;

    public IReadOnlyList<Action<SchemaBuilder>> Steps { get; } =
    [
        s => s.CreateTables("WorkflowTypes", "WorkflowInstances", "WorkflowJournal"),
        // Issue 10: the Beheerder role of a site set up before the module existed may manage workflows.
        s => s.InstallDefaults(ModuleName, typeof(WorkflowsMigration).Assembly),
    ];
}
