using Academy.Core.Data;
using Academy.Core.Recipes;
using Academy.Search.Models;
using Microsoft.EntityFrameworkCore;

namespace Academy.Search.Migrations;

/// <summary>The Search module's tables: the shared task log and each node's report about its index.</summary>
public sealed class SearchModel : IModelContributor
{
    public const string TasksTable = "SearchIndexTasks";
    public const string NodesTable = "SearchNodes";

    public static readonly string[] AllTables = [TasksTable, NodesTable];

    public void Configure(ModelBuilder builder)
    {
        builder.Entity<SearchIndexTask>(b =>
        {
            b.ToTable(TasksTable);
            // An ever-growing key (AUTOINCREMENT on SQLite): ids are never reused after pruning, so a cursor stays valid.
            b.HasKey(t => t.Id);
            b.Property(t => t.Source).HasMaxLength(64).IsRequired();
            b.Property(t => t.LocalId).HasMaxLength(200).IsRequired();
            b.HasIndex(t => t.CreatedUtc);
        });
        builder.Entity<SearchNodeState>(b =>
        {
            b.ToTable(NodesTable);
            b.HasKey(n => n.Node);
            b.Property(n => n.Node).HasMaxLength(200);
            b.Property(n => n.RebuildProgress).HasMaxLength(200);
        });
    }
}

public sealed class SearchMigration : IDataMigration
{
    public const string ModuleName = "Academy.Search";

    public string Module => ModuleName;

    public IReadOnlyList<Action<SchemaBuilder>> Steps { get; } =
    [
        s => s.CreateTables(SearchModel.AllTables),
        // ManageSearch for the Beheerder, on new and existing sites.
        s => s.InstallDefaults(ModuleName, typeof(SearchMigration).Assembly),
    ];
}
