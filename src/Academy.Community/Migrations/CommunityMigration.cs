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
    ];
}
