using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Academy.Benchmarks;

/// <summary>
/// Writes a recipe with one Content step holding N published offerings of the site's own offering types,
/// using the taxonomy terms, organisations and registers of the setup recipe so every item validates.
/// The generator is deterministic (fixed seed): two runs seed the same catalogue.
/// </summary>
public sealed class SeedRecipe
{
    public const string RecipeName = "benchmark-aanbod";
    public const string EnrolmentRecipeName = "benchmark-aanmelden";
    public const string AccreditationRecipeName = "benchmark-accreditatie";

    /// <summary>The two registers the accreditation scenario's offering is accredited for (from the setup recipe's Registers step).</summary>
    public static readonly string[] AccreditationRegisters = ["registerplein", "adviesraad-re-integratie"];

    private static readonly (string Type, string Label)[] Types =
    [
        ("Training", "Training"),
        ("Cursus", "Cursus"),
        ("ELearning", "E-learning"),
        ("Casuistiekbespreking", "Casuïstiekbespreking"),
        ("Kennissessie", "Kennissessie"),
        ("Workshop", "Workshop"),
        ("Intervisie", "Intervisie"),
        ("Werkbezoek", "Werkbezoek"),
    ];

    private static readonly string[] Topics =
    [
        "loonkostensubsidie in de praktijk", "jobcarving in de zorg", "het doelgroepregister", "praktijkverklaringen in het mbo",
        "skills-based matchen", "werk en geldzorgen", "motiverende gespreksvoering", "de banenafspraak voor werkgevers",
        "werken met de praktijkroute", "leven lang ontwikkelen", "arbeidsmarktinformatie voor klantmanagers",
        "jongeren zonder startkwalificatie", "no-riskpolis en jobcoaching", "inclusief werven en selecteren", "duurzaam plaatsen",
        "de sociale kaart van de regio", "loopbaangesprekken voeren", "beschut werk", "oplossingsgericht werken",
        "taal en basisvaardigheden op de werkvloer", "samenwerken met het werkgeversservicepunt", "privacy in de casuïstiekbespreking",
        "omscholen naar tekortberoepen", "de Participatiewet in de praktijk", "digitale vaardigheden", "netwerken met werkgevers",
        "re-integratie na ziekte", "begeleiden op de werkvloer", "scholingsbudgetten en subsidies", "werken in de techniek",
    ];

    private static readonly string[] Suffixes =
    [
        "", "", "", "voor beginners", "verdieping", "in de praktijk", "voor gevorderden", "regionale editie", "basis", "masterclass",
    ];

    private static readonly (string Place, string Location)[] Venues =
    [
        ("Arnhem", "Werkgeversservicepunt Midden-Gelderland, vergaderzaal"), ("Arnhem", "Werkcentrum Arnhem, leslokaal 2"),
        ("Zevenaar", "Gemeentehuis Zevenaar, raadzaal"), ("Velp", "Inlooppunt Werkcentrum Velp"), ("Duiven", "Gemeentehuis Duiven, vergadercentrum"),
        ("Elst", "Gemeentehuis Overbetuwe, vergaderzaal"), ("Bemmel", "Gemeentehuis Lingewaard, vergaderzaal"), ("Doesburg", "Bibliotheek Doesburg"),
        ("Dieren", "Gemeentehuis Rheden, zaal 1"), ("Westervoort", "Wijkcentrum Westervoort"),
    ];

    private static readonly string[] Days = ["ma", "di", "wo", "do", "vr"];
    private static readonly (string Start, string End)[] Times = [("09:30", "12:30"), ("09:00", "16:00"), ("13:30", "16:30"), ("10:00", "11:30"), ("19:00", "21:30")];
    private static readonly int[] Capacities = [8, 12, 16, 20, 25, 40, 100];
    private static readonly decimal[] Costs = [0, 0, 0, 0, 0, 0, 45, 95, 195, 350, 750];

    private readonly IReadOnlyList<string> _themes;
    private readonly IReadOnlyList<string> _audiences;
    private readonly IReadOnlyList<(string Id, string Name)> _organisers;
    private readonly IReadOnlyList<string> _registers;

    private SeedRecipe(IReadOnlyList<string> themes, IReadOnlyList<string> audiences, IReadOnlyList<(string, string)> organisers, IReadOnlyList<string> registers)
    {
        _themes = themes;
        _audiences = audiences;
        _organisers = organisers;
        _registers = registers;
    }

    /// <summary>The organisations of the setup recipe (ids), for seeded ledger snapshots.</summary>
    public IReadOnlyList<string> OrganisationIds => _organisers.Select(o => o.Id).ToList();

    /// <summary>The thema term ids of the setup recipe, for seeded ledger snapshots.</summary>
    public IReadOnlyList<string> ThemeIds => _themes;

    /// <summary>The slugs of the generated offerings, in order (for the detail-page scenario).</summary>
    public List<string> Slugs { get; } = [];

    /// <summary>Reads the terms, organisations and registers from the setup recipe.</summary>
    public static SeedRecipe FromSetupRecipe(string setupRecipeFile)
    {
        var root = JsonNode.Parse(File.ReadAllText(setupRecipeFile), documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip })
            ?? throw new InvalidOperationException($"{setupRecipeFile} is empty.");
        var steps = root["steps"]!.AsArray().OfType<JsonObject>().ToList();

        List<string> Terms(string taxonomyId) => steps
            .Where(s => (string?)s["name"] == "Content")
            .SelectMany(s => s["Data"]!.AsArray().OfType<JsonObject>())
            .Where(i => (string?)i["ContentItemId"] == taxonomyId)
            .SelectMany(i => i["TaxonomyPart"]?["Terms"]?.AsArray().OfType<JsonObject>() ?? [])
            .Select(t => (string)t["TermId"]!)
            .ToList();

        var organisers = steps
            .Where(s => (string?)s["name"] == "Organisations")
            .SelectMany(s => s["Organisations"]!.AsArray().OfType<JsonObject>())
            .Select(o => ((string)o["Id"]!, (string?)o["Name"] ?? (string)o["Id"]!))
            .ToList();

        var registers = steps
            .Where(s => (string?)s["name"] == "Content")
            .SelectMany(s => s["Data"]!.AsArray().OfType<JsonObject>())
            // The recipe keeps accreditations in AccreditationPart (before issue 10: in OfferingPart).
            .SelectMany(i => (i["AccreditationPart"] ?? i["OfferingPart"])?["Accreditations"]?.AsArray().OfType<JsonObject>() ?? [])
            .Select(a => (string)a["RegisterId"]!)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        var themes = Terms("thema");
        var audiences = Terms("doelgroep");
        if (themes.Count == 0 || audiences.Count == 0 || organisers.Count == 0)
        {
            throw new InvalidOperationException(
                $"{setupRecipeFile} should define the taxonomies 'thema' and 'doelgroep' and an Organisations step " +
                $"(found {themes.Count} themes, {audiences.Count} audiences, {organisers.Count} organisations).");
        }
        return new SeedRecipe(themes, audiences, organisers, registers);
    }

    /// <summary>Writes the recipe to <paramref name="file"/> and returns the number of editions and sessions in it.</summary>
    public (int Editions, int Sessions) Write(string file, int count)
    {
        var random = new Random(2026_05_01);
        var data = new JsonArray();
        int editionCount = 0, sessionCount = 0;
        Slugs.Clear();

        for (var n = 1; n <= count; n++)
        {
            var (type, label) = Types[random.Next(Types.Length)];
            var topic = Topics[random.Next(Topics.Length)];
            var suffix = Suffixes[random.Next(Suffixes.Length)];
            var title = $"{label} {topic}{(suffix.Length == 0 ? "" : " – " + suffix)}";
            var id = $"bench-{n:00000}";
            var slug = $"{Slugify(title)}-{n}";
            Slugs.Add(slug);

            var form = type == "ELearning" ? "online" : random.Next(10) switch { < 5 => "fysiek", < 8 => "online", _ => "hybride" };
            var organiser = _organisers[random.Next(_organisers.Count)];
            var themes = Pick(random, _themes, 1, 3);
            var audiences = Pick(random, _audiences, 1, 3);
            var cost = Costs[random.Next(Costs.Length)];

            var accreditations = new JsonArray();
            if (_registers.Count > 0 && random.Next(10) < 3)
            {
                accreditations.Add(new JsonObject
                {
                    ["RegisterId"] = _registers[random.Next(_registers.Count)],
                    ["Hours"] = random.Next(1, 17),
                    ["Code"] = $"BENCH-{n:00000}",
                });
            }

            var editions = new JsonArray();
            var firstWeek = random.Next(1, 30);
            var editionsWanted = random.Next(1, 4);
            for (var e = 1; e <= editionsWanted; e++)
            {
                var editionId = $"{id}-groep-{e}";
                var venue = Venues[random.Next(Venues.Length)];
                var day = Days[random.Next(Days.Length)];
                var (start, end) = Times[random.Next(Times.Length)];
                var sessions = new JsonArray();
                var sessionsWanted = random.Next(1, 3);
                for (var s = 1; s <= sessionsWanted; s++)
                {
                    var week = firstWeek + (e - 1) * 6 + (s - 1) * 2;
                    sessions.Add(Session($"{editionId}-bijeenkomst-{s}", week, day, start, end, form, venue));
                    sessionCount++;
                }
                editions.Add(Edition(editionId, $"Groep {e}", Capacities[random.Next(Capacities.Length)], sessions));
                editionCount++;
            }

            data.Add(Offering(id, type, label, title, slug, topic, organiser, themes, audiences, form, cost, accreditations, editions));
        }

        Save(file, RecipeName, $"Benchmark: {count} aanbod-items", new JsonObject { ["name"] = "Content", ["Data"] = data });
        return (editionCount, sessionCount);
    }

    /// <summary>
    /// Writes the enrolment benchmark's recipe: one published training with a small burst edition and
    /// <paramref name="bigEditions"/> editions of 10,000 seats (all sessions weeks ahead, so enrolment is open),
    /// and <paramref name="users"/> accounts with distinct e-mail addresses and the same password.
    /// </summary>
    public EnrolmentSeed WriteEnrolment(string file, int users, int burstCapacity, int bigEditions, string password)
    {
        const string id = "bench-aanmelden";
        const string topic = "motiverende gespreksvoering";
        var title = $"Training {topic} – benchmark aanmelden";
        var slug = Slugify(title);
        var venue = Venues[0];
        var editions = new JsonArray();
        var burst = $"{id}-piek";
        editions.Add(Edition(burst, "Piekgroep", burstCapacity,
            new JsonArray(Session($"{burst}-bijeenkomst-1", 6, "di", "09:30", "12:30", "fysiek", venue))));
        var big = new List<string>();
        for (var e = 1; e <= bigEditions; e++)
        {
            var editionId = $"{id}-groep-{e}";
            big.Add(editionId);
            editions.Add(Edition(editionId, $"Groep {e}", 10_000,
                new JsonArray(Session($"{editionId}-bijeenkomst-1", 8 + e % 20, Days[e % Days.Length], "13:30", "16:30", "fysiek", venue))));
        }
        var offering = Offering(id, "Training", "Training", title, slug, topic, _organisers[0], [_themes[0]], [_audiences[0]], "fysiek", 0, [], editions);

        var emails = Enumerable.Range(1, users).Select(n => $"deelnemer{n:00000}@benchmark.example.nl").ToList();
        var accounts = new JsonArray(emails.Select((email, n) => (JsonNode)new JsonObject
        {
            ["Email"] = email,
            ["DisplayName"] = $"Deelnemer {n + 1}",
            ["Password"] = password,
        }).ToArray());

        Save(file, EnrolmentRecipeName, $"Benchmark: aanmelden met {users} gebruikers",
            new JsonObject { ["name"] = "Content", ["Data"] = new JsonArray(offering) },
            new JsonObject { ["name"] = "Users", ["Users"] = accounts });
        return new EnrolmentSeed("/leeragenda/" + slug, burst, big, emails);
    }

    /// <summary>
    /// Writes the accreditation benchmark's recipe: one training accredited for two registers (12 hours each, rule "all
    /// sessions"), one group with two sessions in the past, <paramref name="participants"/> accounts without a password
    /// (spread over the organisations) and an Enrolments step that makes them all confirmed participants of that group.
    /// </summary>
    public AccreditationSeed WriteAccreditation(string file, int participants)
    {
        if (AccreditationRegisters.FirstOrDefault(r => !_registers.Contains(r)) is { } missing)
        {
            throw new InvalidOperationException($"The setup recipe accredits no offering for the register '{missing}'; the accreditation scenario needs it.");
        }
        const string id = "bench-accreditatie";
        const string topic = "de banenafspraak voor werkgevers";
        var title = $"Training {topic} – benchmark accreditatie";
        var editionId = $"{id}-groep-1";
        var venue = Venues[0];
        // Both sessions lie in the past (dates count back from the day the recipe runs), so attendance is open.
        var sessions = new JsonArray(
            PastSession($"{editionId}-dag-1", 2, venue),
            PastSession($"{editionId}-dag-2", 1, venue));
        var accreditations = new JsonArray(AccreditationRegisters.Select((registerId, n) => (JsonNode)new JsonObject
        {
            ["RegisterId"] = registerId,
            ["Hours"] = 12,
            ["Code"] = $"BENCH-ACC-{n + 1}",
        }).ToArray());
        var offering = Offering(id, "Training", "Training", title, Slugify(title), topic, _organisers[0], [_themes[0], _themes[^1]], [_audiences[0]], "fysiek", 0,
            accreditations, new JsonArray(Edition(editionId, "Groep 1", participants + 10, sessions)));
        offering["OfferingPart"]!["CompletionRule"] = "AllSessions";

        var emails = Enumerable.Range(1, participants).Select(n => $"cursist{n:00000}@benchmark.example.nl").ToList();
        var accounts = new JsonArray(emails.Select((email, n) => (JsonNode)new JsonObject
        {
            ["Email"] = email,
            ["DisplayName"] = $"Cursist {n + 1}",
            ["OrganisationId"] = _organisers[n % _organisers.Count].Id,
        }).ToArray());
        var enrolments = new JsonArray(new JsonObject
        {
            ["EditionId"] = editionId,
            ["Participants"] = new JsonArray(emails.Select(email => (JsonNode)new JsonObject { ["Email"] = email }).ToArray()),
        });

        Save(file, AccreditationRecipeName, $"Benchmark: accreditatie voor {participants} deelnemers",
            new JsonObject { ["name"] = "Content", ["Data"] = new JsonArray(offering) },
            new JsonObject { ["name"] = "Users", ["Users"] = accounts },
            new JsonObject { ["name"] = "Enrolments", ["Enrolments"] = enrolments });
        return new AccreditationSeed(id, editionId, [$"{editionId}-dag-1", $"{editionId}-dag-2"], emails);
    }

    private static JsonObject PastSession(string sessionId, int weeksAgo, (string Place, string Location) venue) => new()
    {
        ["SessionId"] = sessionId,
        ["Start"] = $"[date:-{weeksAgo}w di 09:00]",
        ["End"] = $"[date:-{weeksAgo}w di 16:00]",
        ["Location"] = venue.Location,
        ["Place"] = venue.Place,
        ["OnlineUrl"] = null,
    };

    private static JsonObject Session(string sessionId, int week, string day, string start, string end, string form, (string Place, string Location) venue) => new()
    {
        ["SessionId"] = sessionId,
        ["Start"] = $"[date:+{week}w {day} {start}]",
        ["End"] = $"[date:+{week}w {day} {end}]",
        ["Location"] = form == "online" ? "Online" : venue.Location,
        ["Place"] = form == "online" ? null : venue.Place,
        ["OnlineUrl"] = form == "fysiek" ? null : $"https://meet.example.nl/leeracademie/{sessionId}",
    };

    private static JsonObject Edition(string editionId, string name, int capacity, JsonArray sessions) => new()
    {
        ["EditionId"] = editionId,
        ["Name"] = name,
        ["Capacity"] = capacity,
        ["Sessions"] = sessions,
    };

    private static JsonObject Offering(string id, string type, string label, string title, string slug, string topic, (string Id, string Name) organiser,
        List<string> themes, List<string> audiences, string form, decimal cost, JsonArray accreditations, JsonArray editions)
    {
        var audienceText = string.Join(", ", audiences.Select(a => a.Replace('-', ' ')));
        return new JsonObject
        {
            ["ContentItemId"] = id,
            ["ContentType"] = type,
            ["Published"] = true,
            ["TitlePart"] = new JsonObject { ["Title"] = title },
            ["AutoroutePart"] = new JsonObject { ["Path"] = slug },
            ["MarkdownBodyPart"] = new JsonObject
            {
                ["Markdown"] = $"## Over deze {label.ToLowerInvariant()}\n\nIn deze bijeenkomst over {topic} werk je aan eigen casussen " +
                               $"uit je werk. {organiser.Name} organiseert en je leert samen met collega's uit de regio.\n\n" +
                               "- praktische handvatten voor je eigen werk\n- uitwisseling met collega's van andere organisaties\n- materiaal om na te lezen\n",
            },
            ["OfferingPart"] = new JsonObject
            {
                ["Summary"] = $"{char.ToUpperInvariant(topic[0])}{topic[1..]}: een {label.ToLowerInvariant()} van {organiser.Name} voor {audienceText}.",
                ["OrganiserId"] = organiser.Id,
                ["Themes"] = new JsonArray(themes.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
                ["Audiences"] = new JsonArray(audiences.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
                ["Form"] = form,
                ["CostEuros"] = cost,
                ["CostNote"] = cost == 0 ? "Om niet voor partners in de regio" : null,
                ["Accreditations"] = accreditations,
            },
            ["EditionsPart"] = new JsonObject { ["Editions"] = editions },
        };
    }

    internal static void Save(string file, string name, string displayName, params JsonObject[] steps)
    {
        var recipe = new JsonObject
        {
            ["name"] = name,
            ["displayName"] = displayName,
            ["description"] = "Generated by tests/Academy.Benchmarks; not a setup recipe.",
            ["issetuprecipe"] = false,
            ["steps"] = new JsonArray(steps.Select(step => (JsonNode)step).ToArray()),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, recipe.ToJsonString(new JsonSerializerOptions { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    private static List<string> Pick(Random random, IReadOnlyList<string> from, int min, int max)
    {
        var wanted = Math.Min(random.Next(min, max + 1), from.Count);
        return from.OrderBy(_ => random.Next()).Take(wanted).ToList();
    }

    /// <summary>Lowercase ASCII words joined by hyphens, as the site's own slugs.</summary>
    public static string Slugify(string text)
    {
        var builder = new StringBuilder(text.Length);
        var hyphen = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
                hyphen = false;
            }
            else if (!hyphen && builder.Length > 0)
            {
                builder.Append('-');
                hyphen = true;
            }
        }
        return builder.ToString().TrimEnd('-');
    }
}

/// <summary>What the enrolment recipe seeded: the offering page, the burst edition, the big editions and the users' e-mail addresses.</summary>
public sealed record EnrolmentSeed(string OfferingPath, string BurstEditionId, IReadOnlyList<string> BigEditionIds, IReadOnlyList<string> UserEmails);

/// <summary>What the accreditation recipe seeded: the offering, its one group with its sessions (in order) and the participants' e-mail addresses.</summary>
public sealed record AccreditationSeed(string OfferingId, string EditionId, IReadOnlyList<string> SessionIds, IReadOnlyList<string> ParticipantEmails);
