using Academy.Community.Models;
using Academy.Core.Content;
using Academy.Core.Data;
using Academy.Core.Recipes;
using Microsoft.Extensions.DependencyInjection;

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
        // Kennisbank and files: the article index and the file table, then the article content type when missing.
        s => s.CreateTables(KennisbankModel.AllTables),
        s => s.Data(InstallArticleTypeAsync),
    ];

    private static async Task InstallArticleTypeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var definitions = services.GetRequiredService<ContentDefinitionManager>();
        if (await definitions.GetTypeAsync(KennisbankTypes.Article) is null)
        {
            await definitions.StoreTypeAsync(KennisbankTypes.Definition());
        }
    }
}
