using System.Globalization;

namespace Academy.Benchmarks;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The command line of the benchmark.</summary>
public sealed class BenchOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/Academy.Benchmarks -- [options]

          --provider sqlite|postgres  the site's database (default sqlite; --postgres means --provider postgres)
          --offerings N               generated offerings to seed (default 2000)
          --duration S                seconds of wrk per scenario (default 20)
          --connections C             concurrent wrk connections (default 32)
          --threads T                 wrk threads (default 2)
          --warmup N                  warm-up requests per URL before it is measured (default 300)
          --keep                      keep the temporary folder (database, server log, recipe, wrk output)
          -h, --help                  this help

        Environment: ACADEMY_WRK=/path/to/wrk picks another wrk; ACADEMY_PG_BIN another PostgreSQL bin folder.
        """;

    public DatabaseProvider Provider { get; private set; } = DatabaseProvider.Sqlite;
    public int Offerings { get; private set; } = 2000;
    public int DurationSeconds { get; private set; } = 20;
    public int Connections { get; private set; } = 32;
    public int Threads { get; private set; } = 2;
    public int WarmupRequests { get; private set; } = 300;
    public bool Keep { get; private set; }
    public bool Help { get; private set; }

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a readable message.</summary>
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
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
                case "--connections":
                    options.Connections = Number(1, 10_000);
                    break;
                case "--threads":
                    options.Threads = Number(1, 256);
                    break;
                case "--warmup":
                    options.WarmupRequests = Number(0, 1_000_000);
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
        if (options.Threads > options.Connections)
        {
            // wrk refuses fewer connections than threads.
            options.Threads = options.Connections;
        }
        return options;
    }
}
