using System.Globalization;

namespace Academy.Benchmarks;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>What the run measures: the catalogue pages with wrk (default), the enrol POST (see EnrolmentBenchmark), or
/// attendance → certificate mail and the accreditation pages (see AccreditationBenchmark).</summary>
public enum BenchMode
{
    Catalogue,
    Enrolment,
    Accreditation,
    Search,
    CommunityFanout,
    /// <summary>A community topic with many replies, logged in (see BenchmarkRun.Community.cs).</summary>
    CommunityTopic,
}

/// <summary>The command line of the benchmark.</summary>
public sealed class BenchOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/Academy.Benchmarks -- [options]

          --scenario catalogue|enrolment|accreditation|search|community-fanout|community-topic  what to measure (default catalogue; --enrolment and
                                      --accreditation are short for the other two)
          --provider sqlite|postgres  the site's database (default sqlite; --postgres means --provider postgres)
          --duration S                seconds of wrk per scenario, or of the sustained enrolment run (default 20)
          --connections C             concurrent wrk connections, or enrolment workers (default 32; --workers is the same)
          --keep                      keep the temporary folder (database, server log, recipe, wrk output)
          -h, --help                  this help

        Catalogue scenario:
          --offerings N               generated offerings to seed (default 2000)
          --threads T                 wrk threads (default 2; also accreditation)
          --warmup N                  warm-up requests per URL before it is measured (default 300; accreditation 20)

        Enrolment scenario:
          --users N                   seeded users, all enrolling at once in the burst (default 1000)
          --capacity N                seats of the burst edition (default 12; the others go on its waitlist)
          --editions K                big editions for the sustained run (default 40, 10,000 seats each)

        Accreditation scenario:
          --participants N            participants of the group whose attendance completes them (default 300)
          --ledger N                  ledger entries seeded for the dashboard (default 50000, over 3 years)
          --my-entries N              ledger entries of the administrator for /mijn-leeruren (default 200)
          --wait S                    most seconds to wait for all certificates and mails (default 900)
          --heavy-connections C       wrk connections for the dashboard and the exports (default 8, at most --connections)

        Search scenario (--search; the engine in-process, then /zoeken of the site process with wrk; SearchBenchmark.cs):
          --documents N               generated documents (default 100000)
          --changes N                 changes queued through one node until the other has applied them (default 10000)
        Community fan-out scenario (--community-fanout):
          --members N                 members of the group, all following it and the topic (default 2000)
          --digest-people N           people with the daily digest, 3 notifications each (default 5000)
          --wait S                    most seconds to wait for the notifications and the digest (default 900)
        Community topic scenario (--community-topic, or --scenario community-topic):
          --replies N                 replies seeded on one topic (default 500); wrk loads its page logged in

        Environment: ACADEMY_WRK=/path/to/wrk picks another wrk; ACADEMY_PG_BIN another PostgreSQL bin folder.
        """;

    public BenchMode Mode { get; private set; } = BenchMode.Catalogue;
    public DatabaseProvider Provider { get; private set; } = DatabaseProvider.Sqlite;
    public int Offerings { get; private set; } = 2000;
    public int DurationSeconds { get; private set; } = 20;
    public int Connections { get; private set; } = 32;
    public int Threads { get; private set; } = 2;
    public int WarmupRequests { get; private set; } = 300;
    public int Users { get; private set; } = 1000;
    public int BurstCapacity { get; private set; } = 12;
    public int SustainedEditions { get; private set; } = 40;
    public int Participants { get; private set; } = 300;
    public int LedgerEntries { get; private set; } = 50_000;
    public int MyEntries { get; private set; } = 200;
    public int WaitSeconds { get; private set; } = 900;
    public int HeavyConnections { get; private set; } = 8;
    public int Documents { get; private set; } = 100_000;
    public int Changes { get; private set; } = 10_000;
    public int Members { get; private set; } = 2000;
    public int DigestPeople { get; private set; } = 5000;
    public int Replies { get; private set; } = 500;
    public bool Keep { get; private set; }
    public bool Help { get; private set; }

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a readable message.</summary>
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        var warmupGiven = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Value()
            {
                if (i + 1 >= args.Length)
                {
                    throw new ArgumentException($"Option {arg} needs a value.");
                }
                return args[++i];
            }
            int Number(int min, int max)
            {
                var text = Value();
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
                {
                    throw new ArgumentException($"Option {arg} needs a whole number from {min} to {max}, not '{text}'.");
                }
                return n;
            }

            switch (arg)
            {
                case "--scenario":
                    var mode = Value();
                    options.Mode = mode.ToLowerInvariant() switch
                    {
                        "catalogue" or "catalog" => BenchMode.Catalogue,
                        "enrolment" or "enrollment" => BenchMode.Enrolment,
                        "accreditation" or "accreditatie" => BenchMode.Accreditation,
                        "search" or "zoeken" => BenchMode.Search,
                        "community-fanout" => BenchMode.CommunityFanout,
                        "community-topic" => BenchMode.CommunityTopic,
                        _ => throw new ArgumentException($"Unknown scenario '{mode}': use catalogue, enrolment, accreditation, search, community-fanout or community-topic."),
                    };
                    break;
                case "--enrolment" or "--enrollment":
                    options.Mode = BenchMode.Enrolment;
                    break;
                case "--accreditation" or "--accreditatie":
                    options.Mode = BenchMode.Accreditation;
                    break;
                case "--search" or "--zoeken":
                    options.Mode = BenchMode.Search;
                    break;
                case "--documents":
                    options.Documents = Number(1, 10_000_000);
                    break;
                case "--changes":
                    options.Changes = Number(1, 10_000_000);
                    break;
                case "--community-fanout":
                    options.Mode = BenchMode.CommunityFanout;
                    break;
                case "--members":
                    options.Members = Number(1, 100_000);
                    break;
                case "--digest-people":
                    options.DigestPeople = Number(1, 100_000);
                    break;
                case "--community-topic":
                    options.Mode = BenchMode.CommunityTopic;
                    break;
                case "--replies":
                    options.Replies = Number(1, 100_000);
                    break;
                case "--participants":
                    options.Participants = Number(2, 10_000);
                    break;
                case "--ledger":
                    options.LedgerEntries = Number(0, 5_000_000);
                    break;
                case "--my-entries":
                    options.MyEntries = Number(0, 100_000);
                    break;
                case "--heavy-connections":
                    options.HeavyConnections = Number(1, 10_000);
                    break;
                case "--wait":
                    options.WaitSeconds = Number(10, 7200);
                    break;
                case "--provider":
                    var provider = Value();
                    options.Provider = provider.ToLowerInvariant() switch
                    {
                        "sqlite" => DatabaseProvider.Sqlite,
                        "postgres" or "postgresql" or "pg" => DatabaseProvider.Postgres,
                        _ => throw new ArgumentException($"Unknown provider '{provider}': use sqlite or postgres."),
                    };
                    break;
                case "--postgres":
                    options.Provider = DatabaseProvider.Postgres;
                    break;
                case "--sqlite":
                    options.Provider = DatabaseProvider.Sqlite;
                    break;
                case "--offerings":
                    options.Offerings = Number(1, 100_000);
                    break;
                case "--duration":
                    options.DurationSeconds = Number(1, 3600);
                    break;
                case "--connections" or "--workers":
                    options.Connections = Number(1, 10_000);
                    break;
                case "--users":
                    options.Users = Number(1, 100_000);
                    break;
                case "--capacity":
                    options.BurstCapacity = Number(1, 100_000);
                    break;
                case "--editions":
                    options.SustainedEditions = Number(1, 1_000);
                    break;
                case "--threads":
                    options.Threads = Number(1, 256);
                    break;
                case "--warmup":
                    options.WarmupRequests = Number(0, 1_000_000);
                    warmupGiven = true;
                    break;
                case "--keep":
                    options.Keep = true;
                    break;
                case "-h" or "--help" or "-?":
                    options.Help = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{arg}' (see --help).");
            }
        }
        if (options.Mode == BenchMode.Accreditation && !warmupGiven)
        {
            // Exports and the dashboard cost far more than a catalogue page: fewer warm-up requests keep the run bounded.
            options.WarmupRequests = 20;
        }
        if (options.Threads > options.Connections)
        {
            // wrk refuses fewer connections than threads.
            options.Threads = options.Connections;
        }
        return options;
    }
}
