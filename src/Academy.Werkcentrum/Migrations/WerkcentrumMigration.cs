using Academy.Core.Content;
using Academy.Core.Data;
using Academy.Core.Recipes;
using Academy.Werkcentrum.Models;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Werkcentrum.Migrations;

/// <summary>
/// The module keeps its content as content items (no tables of its own). Its migration installs the four content types
/// on sites that lack them (also sites set up before the module existed) and the permission of the recipe roles.
/// </summary>
public sealed class WerkcentrumMigration : IDataMigration
{
    public const string ModuleName = "Academy.Werkcentrum";

    public string Module => ModuleName;

    public IReadOnlyList<Action<SchemaBuilder>> Steps { get; } =
    [
        s => s.Data(InstallContentTypesAsync),
        s => s.InstallDefaults(ModuleName, typeof(WerkcentrumMigration).Assembly),
    ];

    private static async Task InstallContentTypesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var definitions = services.GetRequiredService<ContentDefinitionManager>();
        foreach (var type in WerkcentrumTypes.Definitions())
        {
            if (await definitions.GetTypeAsync(type.Name) is null)
            {
                await definitions.StoreTypeAsync(type);
            }
        }
    }
}
