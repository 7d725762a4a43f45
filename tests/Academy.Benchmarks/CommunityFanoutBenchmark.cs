using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace Academy.Benchmarks;

/// <summary>What the community fan-out run measured.</summary>
public sealed record FanoutResult(string Step, double PostMs, HttpStatusCode Status, double? AllWrittenSeconds, long Written);

public sealed record FanoutRun(long TopicId, IReadOnlyList<FanoutResult> Results);

/// <summary>
/// The community scenario (issue 13): a group of <c>--members</c> professionals who all follow the group and the topic;
/// the administrator starts a topic and replies to it, each POST timed, and the time until every follower's notification
/// is written (the outbox fan-out, mail at once included). Then the daily digest for <c>--digest-people</c> people with
/// three notifications each: the time from the job falling due until every digest mail is queued.
/// </summary>
public sealed class CommunityFanoutBenchmark(BenchOptions options, SiteProcess site, SiteClient client, EnrolmentDatabase database)
{
    public const string RecipeName = "benchmark-community";
    public const string GroupSlug = "benchmark-volgers";
    public const int DigestItems = 3;

    public static IReadOnlyList<string> MemberEmails(int n) => Enumerable.Range(1, n).Select(i => $"lid{i:00000}@community.benchmark.example.nl").ToList();

    public static IReadOnlyList<string> ReaderEmails(int n) => Enumerable.Range(1, n).Select(i => $"lezer{i:00000}@community.benchmark.example.nl").ToList();

    /// <summary>The group (managed by the administrator) and every account, without passwords, as professionals.</summary>
    public static void WriteRecipe(string file, string adminEmail, int members, int readers)
    {
        var accounts = MemberEmails(members).Select((e, i) => (e, $"Lid {i + 1}")).Concat(ReaderEmails(readers).Select((e, i) => (e, $"Lezer {i + 1}")))
            .Select(a => (JsonNode)new JsonObject { ["Email"] = a.Item1, ["DisplayName"] = a.Item2, ["Roles"] = new JsonArray("Professional") }).ToArray();
        var group = new JsonObject
        {
            ["Slug"] = GroupSlug, ["Name"] = "Benchmark: volgers", ["Kind"] = "Themagroep", ["JoinPolicy"] = "Open", ["Access"] = "Professionals",
            ["Description"] = "Een groep waarin iedereen alles volgt.", ["ManagerEmail"] = adminEmail,
        };
        SeedRecipe.Save(file, RecipeName, $"Benchmark: community met {members} volgers en {readers} lezers",
            new JsonObject { ["name"] = "Users", ["Users"] = new JsonArray(accounts) },
            new JsonObject { ["name"] = "CommunityGroups", ["Groups"] = new JsonArray(group) });
    }

    public async Task<FanoutRun> RunFanoutAsync(string cookie, IReadOnlyDictionary<string, string> memberIds)
    {
        var groupId = await ScalarAsync<long>("""SELECT "Id" FROM "CommunityGroups" WHERE "Slug" = @p0""", GroupSlug);
        var now = DateTime.UtcNow;
        await WriteAsync(memberIds.Values.SelectMany(id => new (string, object?[])[]
        {
            ("""INSERT INTO "CommunityMemberships" ("GroupId", "UserId", "Status", "IsManager", "CreatedUtc", "ApprovedUtc") VALUES (@p0, @p1, 'Member', @p2, @p3, @p3)""",
                [groupId, id, false, now]),
            ("""INSERT INTO "CommunityFollows" ("UserId", "Target", "TargetId", "CreatedUtc") VALUES (@p0, 'Group', @p1, @p2)""", [id, groupId, now]),
        }));
        Console.WriteLine($"    {memberIds.Count} members, all following the group");

        var results = new List<FanoutResult>();
        var start = await PostAsync(cookie, $"/community/{GroupSlug}/nieuw",
            ("Title", "Hoe houden we plaatsingen duurzaam?"), ("Body", "Deel je ervaringen met begeleiding op de werkplek."), ("Access", "Professionals"));
        var topicId = long.Parse(start.Location!.Split('/')[^1].Split('#', '?')[0], CultureInfo.InvariantCulture);
        results.Add(await WaitForAsync("new topic (followers of the group)", start, topicId, 0, memberIds.Count));

        await WriteAsync(memberIds.Values.Select(id => ("""INSERT INTO "CommunityFollows" ("UserId", "Target", "TargetId", "CreatedUtc") VALUES (@p0, 'Topic', @p1, @p2)""",
            new object?[] { id, topicId, now })));
        var reply = await PostAsync(cookie, $"/community/{GroupSlug}/{topicId}/reageren", ("Body", "Een vast aanspreekpunt in de eerste weken helpt."));
        var replyId = await ScalarAsync<long>("""SELECT MAX("Id") FROM "CommunityReplies" WHERE "TopicId" = @p0""", topicId);
        results.Add(await WaitForAsync("reply (followers of the topic)", reply, topicId, replyId, memberIds.Count));
        return new FanoutRun(topicId, results);
    }

    /// <summary>Gives every reader the daily digest and three unmailed notifications, makes the job due and times it.</summary>
    public async Task<(double Seconds, long Mails)> RunDigestAsync(IReadOnlyDictionary<string, string> readerIds, long topicId)
    {
        var now = DateTime.UtcNow;
        var groupId = await ScalarAsync<long>("""SELECT "Id" FROM "CommunityGroups" WHERE "Slug" = @p0""", GroupSlug);
        var rows = new List<(string, object?[])>();
        foreach (var id in readerIds.Values)
        {
            rows.Add(("""INSERT INTO "CommunityNotificationSettings" ("UserId", "Mail", "UpdatedUtc") VALUES (@p0, 'Daily', @p1)""", [id, now]));
            for (var k = 1; k <= DigestItems; k++)
            {
                rows.Add(("""
                    INSERT INTO "CommunityNotifications" ("UserId", "Reason", "PostKey", "GroupId", "GroupSlug", "TopicId", "ReplyId", "TopicTitle", "ActorUserId", "CreatedUtc")
                    VALUES (@p0, 'Reply', @p1, @p2, @p3, @p4, @p5, 'Hoe houden we plaatsingen duurzaam?', 'benchmark', @p6)
                    """, [id, $"post:{topicId}:{900_000 + k}", groupId, GroupSlug, topicId, 900_000L + k, now.AddMinutes(-k)]));
            }
        }
        await WriteAsync(rows);
        Console.WriteLine($"    {readerIds.Count} people with the daily digest and {DigestItems} notifications each");
        await WriteAsync([("""DELETE FROM "ScheduledJobs" WHERE "Kind" = 'community-digest' AND "Key" = 'daily'""", [])]);
        var clock = Stopwatch.StartNew();
        await WriteAsync([("""INSERT INTO "ScheduledJobs" ("Kind", "Key", "DueUtc", "CreatedUtc", "Attempts") VALUES ('community-digest', 'daily', @p0, @p0, 0)""",
            [DateTime.UtcNow.AddSeconds(-1)])]);
        var deadline = TimeSpan.FromSeconds(options.WaitSeconds);
        while (clock.Elapsed < deadline)
        {
            var left = await ScalarAsync<long>("""
                SELECT COUNT(*) FROM "CommunityNotifications" n JOIN "CommunityNotificationSettings" s ON s."UserId" = n."UserId"
                WHERE s."Mail" = 'Daily' AND n."MailedUtc" IS NULL
                """);
            if (left == 0)
            {
                break;
            }
            await Task.Delay(100);
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var mails = await ScalarAsync<long>("""SELECT COUNT(*) FROM "MailMessages" WHERE "IdempotencyKey" LIKE 'community-overzicht:%'""");
        return (seconds, mails);
    }

    private async Task<(HttpStatusCode Status, double Ms, string? Location)> PostFormAsync(string cookie, string path, (string, string)[] values)
    {
        var uri = new Uri(site.BaseAddress, path);
        var formPage = path.EndsWith("/reageren", StringComparison.Ordinal) ? new Uri(site.BaseAddress, path[..path.LastIndexOf('/')]) : uri;
        var (_, token, pageCookie) = await SiteClient.FormPageAsync(client.Http, formPage, cookie);
        var fields = values.Select(v => new KeyValuePair<string, string>(v.Item1, v.Item2)).Append(new("__RequestVerificationToken", token ?? ""));
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", pageCookie);
        var clock = Stopwatch.StartNew();
        using var response = await client.Http.SendAsync(request);
        return (response.StatusCode, clock.Elapsed.TotalMilliseconds, response.Headers.Location?.OriginalString);
    }

    private async Task<(HttpStatusCode Status, double Ms, string? Location, Stopwatch Since)> PostAsync(string cookie, string path, params (string, string)[] values)
    {
        var since = Stopwatch.StartNew();
        var (status, ms, location) = await PostFormAsync(cookie, path, values);
        Console.WriteLine($"    POST {path}: {(int)status} in {ms:0} ms");
        if (status != HttpStatusCode.Redirect)
        {
            throw new BenchmarkException($"POST {path} answered {(int)status}, not a redirect.");
        }
        return (status, ms, location, since);
    }

    private async Task<FanoutResult> WaitForAsync(string step, (HttpStatusCode Status, double Ms, string? Location, Stopwatch Since) post, long topicId, long replyId, int expected)
    {
        long written = 0;
        while (post.Since.Elapsed < TimeSpan.FromSeconds(options.WaitSeconds))
        {
            written = await ScalarAsync<long>("""SELECT COUNT(*) FROM "CommunityNotifications" WHERE "TopicId" = @p0 AND "ReplyId" = @p1""", topicId, replyId);
            if (written >= expected)
            {
                return new FanoutResult(step, post.Ms, post.Status, post.Since.Elapsed.TotalSeconds, written);
            }
            await Task.Delay(50);
        }
        return new FanoutResult(step, post.Ms, post.Status, null, written);
    }

    private async Task<T> ScalarAsync<T>(string sql, params object?[] values)
    {
        await using var connection = await database.OpenAsync();
        await using var command = AccreditationDatabase.Command(connection, null, sql, values);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }

    private async Task WriteAsync(IEnumerable<(string Sql, object?[] Values)> statements)
    {
        await using var connection = await database.OpenAsync(writable: true);
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var (sql, values) in statements)
        {
            await AccreditationDatabase.ExecuteAsync(connection, transaction, sql, values);
        }
        await transaction.CommitAsync();
    }
}
