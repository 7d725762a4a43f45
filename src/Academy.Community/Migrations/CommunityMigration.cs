using Academy.Community.Models;
using Academy.Core.Content;
using Academy.Core.Data;
using Academy.Core.Recipes;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Community.Migrations;

public sealed class CommunityMigration : IDataMigration
{
    public const string ModuleName = "Academy.Community";

    /// <summary>The step (0-based) that added <see cref="Topic.PostsVersion"/> and the triggers that raise it.</summary>
    public const int PostsVersionStep = 7;

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
        // A topic's PostsVersion, raised by the database with every change to its replies and reactions (TopicPostCache).
        s => BumpPostsVersionOnChange(s.AddColumns(CommunityModel.Topics, nameof(Topic.PostsVersion))),
    ];

    /// <summary>
    /// Triggers, so that every writer raises the version: the topic service, moderation, erasing a person's data, a
    /// cascade, another node, a database tool. SQLite has one trigger per event; PostgreSQL one function for all.
    /// </summary>
    private static SchemaBuilder BumpPostsVersionOnChange(SchemaBuilder s)
    {
        const string topics = CommunityModel.Topics;
        const string oldTopic = "OLD.\"TopicId\"", newTopic = "NEW.\"TopicId\"";
        string Bump(params string[] topicIds) =>
            $"UPDATE \"{topics}\" SET \"PostsVersion\" = \"PostsVersion\" + 1 WHERE \"Id\" IN ({string.Join(", ", topicIds)});";
        s.Sql("SELECT 1", $$"""
            CREATE FUNCTION "{{topics}}_BumpPostsVersion"() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN {{Bump(newTopic)}}
                ELSIF TG_OP = 'DELETE' THEN {{Bump(oldTopic)}}
                ELSE {{Bump(oldTopic, newTopic)}}
                END IF;
                RETURN NULL;
            END; $$;
            """);
        foreach (var table in new[] { CommunityModel.Replies, CommunityModel.Reactions })
        {
            s.Sql($"CREATE TRIGGER \"{table}_BumpOnInsert\" AFTER INSERT ON \"{table}\" BEGIN {Bump(newTopic)} END;",
                    $"CREATE TRIGGER \"{table}_BumpPostsVersion\" AFTER INSERT OR UPDATE OR DELETE ON \"{table}\" FOR EACH ROW EXECUTE FUNCTION \"{topics}_BumpPostsVersion\"();")
                .Sql($"CREATE TRIGGER \"{table}_BumpOnUpdate\" AFTER UPDATE ON \"{table}\" BEGIN {Bump(oldTopic, newTopic)} END;", "SELECT 1")
                .Sql($"CREATE TRIGGER \"{table}_BumpOnDelete\" AFTER DELETE ON \"{table}\" BEGIN {Bump(oldTopic)} END;", "SELECT 1");
        }
        return s;
    }

    private static async Task InstallArticleTypeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var definitions = services.GetRequiredService<ContentDefinitionManager>();
        if (await definitions.GetTypeAsync(KennisbankTypes.Article) is null)
        {
            await definitions.StoreTypeAsync(KennisbankTypes.Definition());
        }
    }
}
