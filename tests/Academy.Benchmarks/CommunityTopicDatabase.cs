using System.Globalization;
using System.Text;

namespace Academy.Benchmarks;

/// <summary>
/// Seeds the community's tables (see src/Academy.Community/Models/CommunityModel.cs) straight in the site's database for
/// the --community-topic scenario: one topic of a seeded group gets <c>replies</c> replies by the recipe's accounts, with
/// quotes and "nuttig" reactions, far faster than posting them through the site.
/// </summary>
public sealed class CommunityTopicDatabase(EnrolmentDatabase database)
{
    /// <summary>The seeded public group whose first topic gets the replies (recipes/midden-gelderland.recipe.json).</summary>
    public const string GroupSlug = "igm-in-de-praktijk";

    /// <summary>Adds the replies and returns the topic's page address.</summary>
    public async Task<string> SeedTopicAsync(int replies)
    {
        await using var connection = await database.OpenAsync(writable: true);
        long topicId;
        await using (var find = AccreditationDatabase.Command(connection, null,
            """SELECT MIN(t."Id") FROM "CommunityTopics" t JOIN "CommunityGroups" g ON g."Id" = t."GroupId" WHERE g."Slug" = @p0""", GroupSlug))
        {
            topicId = Convert.ToInt64(await find.ExecuteScalarAsync() ?? throw new BenchmarkException($"The group {GroupSlug} has no topic to load."), CultureInfo.InvariantCulture);
        }
        var authors = new List<string>();
        await using (var users = AccreditationDatabase.Command(connection, null, """SELECT "Id" FROM "AspNetUsers" ORDER BY "Id" """))
        await using (var reader = await users.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                authors.Add(reader.GetString(0));
            }
        }
        if (authors.Count == 0)
        {
            throw new BenchmarkException("The site has no accounts to write the replies.");
        }
        var start = DateTime.UtcNow.AddDays(-30);
        await using var transaction = await connection.BeginTransactionAsync();
        for (var n = 0; n < replies; n++)
        {
            await AccreditationDatabase.ExecuteAsync(connection, transaction,
                """INSERT INTO "CommunityReplies" ("TopicId", "AuthorUserId", "Body", "CreatedUtc") VALUES (@p0, @p1, @p2, @p3)""",
                topicId, authors[n % authors.Count], Body(n), start.AddMinutes(n * 5));
        }
        // A "nuttig" from a few people on every tenth reply, as a lively topic has.
        await using (var ids = AccreditationDatabase.Command(connection, transaction,
            """SELECT "Id" FROM "CommunityReplies" WHERE "TopicId" = @p0 ORDER BY "Id" """, topicId))
        {
            var replyIds = new List<long>();
            await using (var reader = await ids.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    replyIds.Add(reader.GetInt64(0));
                }
            }
            foreach (var replyId in replyIds.Where((_, i) => i % 10 == 0))
            {
                foreach (var userId in authors.Take(3))
                {
                    await AccreditationDatabase.ExecuteAsync(connection, transaction,
                        """INSERT INTO "CommunityReactions" ("TopicId", "ReplyId", "UserId", "CreatedUtc") VALUES (@p0, @p1, @p2, @p3)""",
                        topicId, replyId, userId, start);
                }
            }
        }
        await AccreditationDatabase.ExecuteAsync(connection, transaction,
            """UPDATE "CommunityTopics" SET "ReplyCount" = @p0, "LastActivityUtc" = @p1 WHERE "Id" = @p2""", replies, start.AddMinutes(replies * 5), topicId);
        await transaction.CommitAsync();
        return $"/community/{GroupSlug}/{topicId}";
    }

    /// <summary>A reply of a few sentences with some Markdown; every seventh quotes an earlier one.</summary>
    private static string Body(int n)
    {
        var text = new StringBuilder();
        if (n % 7 == 6)
        {
            text.Append("> Wat helpt is het gesprek beginnen bij wat iemand wil bereiken.\n>\n> — een collega\n\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"Reactie {n + 1}: in ons team gebruiken we het model in het **eerste gesprek**. ");
        text.Append("We vragen eerst naar de situatie, dan naar wat al is geprobeerd en wat de inwoner zelf wil.\n\n");
        text.Append("- Wat werkte: korte vragen, samen een doel kiezen.\n- Wat lastig is: tijd om door te vragen.\n");
        return text.ToString();
    }
}
