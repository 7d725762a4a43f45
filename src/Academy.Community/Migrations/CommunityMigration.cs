using Academy.Community.Models;
using Academy.Core.Data;
using Academy.Core.Recipes;

namespace Academy.Community.Migrations;

public sealed class CommunityMigration : IDataMigration
{
    public const string ModuleName = "Academy.Community";

    public string Module => ModuleName;

    public IReadOnlyList<Action<SchemaBuilder>> Steps { get; } =
    [
        s => s.CreateTables(CommunityModel.AllTables),
        // Professionals take part, Beheerder and Leercoördinator moderate (docs/upgrades.md: only on existing roles).
        s => s.InstallDefaults(ModuleName, typeof(CommunityMigration).Assembly),
        // Groups of leeragenda editions and the themes of a group (docs/community.md: link with the leeragenda).
        s => s.CreateTables(LinkedGroupsModel.AllTables),
    ];
}
