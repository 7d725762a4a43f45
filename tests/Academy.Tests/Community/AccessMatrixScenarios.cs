using Academy.Community.Models;
using Academy.Testing;

namespace Academy.Tests.Community;

/// <summary>
/// Visitor, professional, member, group manager and moderator against public, professionals-only, members-only and
/// hidden groups and topics, through HTTP: the group list, group pages, topic pages, the new-topic form and replying.
/// Every cell is stated; a cell that gives more (or less) than stated fails, and a refused reply changes nothing.
/// </summary>
public static class AccessMatrixScenarios
{
    public static readonly string[] People = ["bezoeker", "professional", "lid", "groepsbeheerder", "moderator"];

    /// <summary>The people and groups of the matrix: each group has the member and the group manager; the owner manages all.</summary>
    public sealed record World(string Prefix, Person Owner, IReadOnlyDictionary<string, Person> People, IReadOnlyDictionary<string, CommunityGroup> Groups);

    public static async Task<World> WorldAsync(AcademyFactory factory)
    {
        // A digit second: a letter pair followed by digits could pass for an IBAN (the privacy guard would refuse the text).
        var prefix = "m9" + CommunityKit.Letters(6);
        var owner = await CommunityKit.PersonAsync(factory, "Professional", "Eigenaar Test");
        var people = new Dictionary<string, Person>
        {
            ["bezoeker"] = CommunityKit.Visitor(factory),
            ["professional"] = await CommunityKit.PersonAsync(factory, "Professional", "Pieter Professional"),
            ["lid"] = await CommunityKit.PersonAsync(factory, "Professional", "Lotte Lid"),
            ["groepsbeheerder"] = await CommunityKit.PersonAsync(factory, "Professional", "Bram Beheerder"),
            ["moderator"] = await CommunityKit.PersonAsync(factory, "Leercoördinator", "Mira Moderator"),
        };
        var groups = new Dictionary<string, CommunityGroup>
        {
            ["openbaar"] = await CommunityKit.GroupAsync(factory, prefix + "-openbaar", GroupKind.Themagroep, JoinPolicy.Open, AccessLevel.Public, owner.UserId!),
            ["professionals"] = await CommunityKit.GroupAsync(factory, prefix + "-professionals", GroupKind.Sectortafel, JoinPolicy.Open, AccessLevel.Professionals, owner.UserId!),
            ["leden"] = await CommunityKit.GroupAsync(factory, prefix + "-leden", GroupKind.LerendNetwerk, JoinPolicy.Closed, AccessLevel.Members, owner.UserId!),
            ["verborgen"] = await CommunityKit.GroupAsync(factory, prefix + "-verborgen", GroupKind.Casuistiek, JoinPolicy.Hidden, AccessLevel.Members, owner.UserId!),
        };
        foreach (var group in groups.Values)
        {
            await CommunityKit.MemberAsync(factory, group.Id, people["lid"].UserId!);
            await CommunityKit.MemberAsync(factory, group.Id, people["groepsbeheerder"].UserId!, manager: true);
        }
        return new World(prefix, owner, people, groups);
    }

    public static async Task RunAsync(AcademyFactory factory)
    {
        var (prefix, owner, people, groups) = await WorldAsync(factory);
        var topics = new Dictionary<string, (CommunityGroup Group, Topic Topic)>();
        async Task AddTopic(string name, string group, AccessLevel access) =>
            topics[name] = (groups[group], await CommunityKit.TopicAsync(factory, groups[group].Id, owner.UserId!, $"{prefix} {name}", access));
        await AddTopic("openbaar/openbaar", "openbaar", AccessLevel.Public);
        await AddTopic("openbaar/professionals", "openbaar", AccessLevel.Professionals);
        await AddTopic("openbaar/leden", "openbaar", AccessLevel.Members);
        await AddTopic("professionals", "professionals", AccessLevel.Professionals);
        await AddTopic("leden", "leden", AccessLevel.Members);
        await AddTopic("verborgen", "verborgen", AccessLevel.Members);

        var violations = new List<string>();
        void Expect(string what, string who, string expected, string actual)
        {
            if (expected != actual)
            {
                violations.Add($"{what} as {who}: expected {expected}, got {actual}");
            }
        }

        // The group list shows exactly the groups each person may see.
        var listed = new Dictionary<string, string[]>
        {
            ["bezoeker"] = ["openbaar"],
            ["professional"] = ["openbaar", "professionals", "leden"],
            ["lid"] = ["openbaar", "professionals", "leden", "verborgen"],
            ["groepsbeheerder"] = ["openbaar", "professionals", "leden", "verborgen"],
            ["moderator"] = ["openbaar", "professionals", "leden", "verborgen"],
        };
        foreach (var who in People)
        {
            var page = await people[who].Browser.GetAsync("/community");
            Expect("GET /community", who, "ok", CommunityKit.Outcome(page));
            var shown = groups.Where(g => page.Html.Contains($"/community/{g.Value.Slug}\"", StringComparison.Ordinal)).Select(g => g.Key).Order().ToArray();
            Expect("groups listed", who, string.Join(",", listed[who].Order()), string.Join(",", shown));
        }

        // Group pages: a hidden group is 404 for outsiders; a visitor is asked to log in for a group of professionals.
        var groupPage = new Dictionary<string, string[]>
        {
            ["openbaar"] = ["ok", "ok", "ok", "ok", "ok"],
            ["professionals"] = ["login", "ok", "ok", "ok", "ok"],
            ["leden"] = ["login", "ok", "ok", "ok", "ok"],
            ["verborgen"] = ["notfound", "notfound", "ok", "ok", "ok"],
        };
        foreach (var (name, outcomes) in groupPage)
        {
            for (var i = 0; i < People.Length; i++)
            {
                var page = await people[People[i]].Browser.GetAsync($"/community/{groups[name].Slug}");
                Expect($"GET group {name}", People[i], outcomes[i], CommunityKit.Outcome(page));
                if (page.Status == System.Net.HttpStatusCode.OK)
                {
                    // The list on a group page holds only topics the person may read.
                    foreach (var (topicName, (group, topic)) in topics.Where(t => t.Value.Group.Id == groups[name].Id))
                    {
                        var mayRead = Readable(topicName)[i] == "ok";
                        Expect($"topic {topicName} listed on group {name}", People[i], mayRead.ToString(), page.Html.Contains(topic.Title, StringComparison.Ordinal).ToString());
                    }
                }
            }
        }

        // Topic pages, the new-topic form and replying.
        foreach (var (name, (group, topic)) in topics)
        {
            var read = Readable(name);
            for (var i = 0; i < People.Length; i++)
            {
                var who = People[i];
                var person = people[who];
                Expect($"GET topic {name}", who, read[i], CommunityKit.Outcome(await person.Browser.GetAsync($"/community/{group.Slug}/{topic.Id}")));

                var before = await CommunityKit.RepliesAsync(factory, topic.Id);
                var reply = await person.PostAsync($"/community/{group.Slug}/{topic.Id}/reageren", ("Body", $"Reactie van {who}"));
                var mayPost = who is "lid" or "groepsbeheerder" or "moderator";
                var expected = who == "bezoeker" ? "login" : mayPost ? "ok" : read[i] == "ok" ? "forbidden" : "notfound";
                Expect($"POST reply to {name}", who, expected, CommunityKit.Outcome(reply));
                Expect($"replies on {name} after {who} posted", who, (before + (mayPost ? 1 : 0)).ToString(), (await CommunityKit.RepliesAsync(factory, topic.Id)).ToString());
            }
        }
        foreach (var (name, group) in groups)
        {
            var expected = name switch
            {
                // The form needs the community permission: a visitor is asked to log in before any group is looked up.
                "verborgen" => new[] { "login", "notfound", "ok", "ok", "ok" },
                _ => ["login", "forbidden", "ok", "ok", "ok"],
            };
            for (var i = 0; i < People.Length; i++)
            {
                Expect($"GET new topic in {name}", People[i], expected[i], CommunityKit.Outcome(await people[People[i]].Browser.GetAsync($"/community/{group.Slug}/nieuw")));
            }
            var count = await CommunityKit.TopicCountAsync(factory, group.Id);
            var refused = await people["professional"].PostAsync($"/community/{group.Slug}/nieuw", ("Title", "Niet toegestaan"), ("Body", "Mag niet"));
            Expect($"POST new topic in {name}", "professional", name == "verborgen" ? "notfound" : "forbidden", CommunityKit.Outcome(refused));
            Expect($"topics in {name} after a refused post", "professional", count.ToString(), (await CommunityKit.TopicCountAsync(factory, group.Id)).ToString());
        }

        await HiddenPostsAsync(factory, prefix, owner, people, groups["professionals"], topics["professionals"].Topic, Expect);

        Assert.True(violations.Count == 0, $"{violations.Count} cells give more or less than they should:\n" + string.Join('\n', violations));
    }

    /// <summary>
    /// Moderation: a hidden topic and a hidden reply exist only for the group's managers and moderators; a reply held for
    /// approval also for its author (the member). Nobody can reply to a hidden topic or report a hidden post.
    /// </summary>
    private static async Task HiddenPostsAsync(AcademyFactory factory, string prefix, Person owner, IReadOnlyDictionary<string, Person> people,
        CommunityGroup group, Topic visible, Action<string, string, string, string> expect)
    {
        var hiddenTopic = await CommunityKit.TopicAsync(factory, group.Id, owner.UserId!, $"{prefix} verborgen onderwerp", AccessLevel.Professionals, hold: ModerationHold.Hidden);
        var hiddenReply = await CommunityKit.ReplyAsync(factory, visible.Id, owner.UserId!, $"{prefix} verborgen reactie", ModerationHold.Hidden);
        await CommunityKit.ReplyAsync(factory, visible.Id, people["lid"].UserId!, $"{prefix} wachtende reactie", ModerationHold.AwaitingApproval);
        var readTopic = new[] { "login", "notfound", "notfound", "ok", "ok" };
        var seesHidden = new[] { false, false, false, true, true };
        var seesHeld = new[] { false, false, true, true, true };
        for (var i = 0; i < People.Length; i++)
        {
            var who = People[i];
            var person = people[who];
            expect("GET hidden topic", who, readTopic[i], CommunityKit.Outcome(await person.Browser.GetAsync($"/community/{group.Slug}/{hiddenTopic.Id}")));
            expect("report a hidden reply", who, who == "bezoeker" ? "login" : "notfound",
                CommunityKit.Outcome(await person.Browser.GetAsync($"/community/{group.Slug}/{visible.Id}/melden?bericht={hiddenReply.Id}")));
            var before = await CommunityKit.RepliesAsync(factory, hiddenTopic.Id);
            var reply = await person.PostAsync($"/community/{group.Slug}/{hiddenTopic.Id}/reageren", ("Body", "Op een verborgen onderwerp"));
            expect("POST reply to a hidden topic", who, readTopic[i] == "ok" ? "409" : readTopic[i], CommunityKit.Outcome(reply));
            expect("replies on the hidden topic", who, before.ToString(), (await CommunityKit.RepliesAsync(factory, hiddenTopic.Id)).ToString());
            if (who == "bezoeker")
            {
                continue;
            }
            var groupPage = await person.Browser.GetAsync($"/community/{group.Slug}");
            expect("hidden topic listed", who, seesHidden[i].ToString(), groupPage.Html.Contains(hiddenTopic.Title, StringComparison.Ordinal).ToString());
            var topicPage = await person.Browser.GetAsync($"/community/{group.Slug}/{visible.Id}");
            expect("hidden reply shown", who, seesHidden[i].ToString(), topicPage.Html.Contains($"{prefix} verborgen reactie", StringComparison.Ordinal).ToString());
            expect("held reply shown", who, seesHeld[i].ToString(), topicPage.Html.Contains($"{prefix} wachtende reactie", StringComparison.Ordinal).ToString());
        }
    }

    /// <summary>Reading a topic, per person in <see cref="People"/> order.</summary>
    private static string[] Readable(string topic) => topic switch
    {
        "openbaar/openbaar" => ["ok", "ok", "ok", "ok", "ok"],
        "openbaar/professionals" => ["notfound", "ok", "ok", "ok", "ok"],
        "openbaar/leden" => ["notfound", "notfound", "ok", "ok", "ok"],
        "professionals" => ["login", "ok", "ok", "ok", "ok"],
        "leden" => ["login", "notfound", "ok", "ok", "ok"],
        "verborgen" => ["notfound", "notfound", "ok", "ok", "ok"],
        _ => throw new ArgumentException(topic),
    };
}
