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
        // Moderation: a post's hold (awaiting approval, hidden, rejected), the group setting for approving first posts,
        // reports and the audit trail.
        s => s.AddColumns(CommunityModel.Groups, nameof(CommunityGroup.ApproveFirstPosts))
            .AddColumns(CommunityModel.Topics, nameof(Topic.Hold))
            .AddColumns(CommunityModel.Replies, nameof(Reply.Hold))
            .CreateTables(ModerationModel.AllTables),
        // Notifications of new topics, replies and mentions, and each person's mail choice (issue 13, point 9).
        s => s.CreateTables(CommunityNotificationModel.AllTables),
        // Groups of leeragenda editions and the themes of a group (docs/community.md: link with the leeragenda).
        s => s.CreateTables(LinkedGroupsModel.AllTables),
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
