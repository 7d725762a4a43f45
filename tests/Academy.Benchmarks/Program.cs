// Load and latency benchmark of the real site. See README.md in this folder.
//
//   dotnet run -c Release --project tests/Academy.Benchmarks -- [--provider sqlite|postgres] [--offerings 2000] [--duration 20] [--connections 32]
//   dotnet run -c Release --project tests/Academy.Benchmarks -- --enrolment [--provider sqlite|postgres] [--users 1000] [--duration 20] [--workers 32]
//   dotnet run -c Release --project tests/Academy.Benchmarks -- --accreditation [--provider sqlite|postgres] [--participants 300] [--ledger 50000]
//   dotnet run -c Release --project tests/Academy.Benchmarks -- --search [--provider sqlite|postgres] [--documents 100000] [--changes 10000] [--connections 32]
//   dotnet run -c Release --project tests/Academy.Benchmarks -- --community-fanout [--provider sqlite|postgres] [--members 2000] [--digest-people 5000]
//   dotnet run -c Release --project tests/Academy.Benchmarks -- --community-topic [--provider sqlite|postgres] [--replies 500] [--connections 32]
//
// 1. starts Academy.Web.dll from this program's output folder as a child process (Production, temporary data folder);
// 2. seeds it with a generated recipe and the site's own `recipe run` verb, and times it;
// 3. catalogue (default): warms up and loads five URLs with wrk (trivial /healthz, anonymous catalogue, filtered page,
//    detail page, logged-in catalogue) and prints req/s, p50, p99 and the ratio to the trivial endpoint, then the peak RSS;
//    enrolment: a burst of simultaneous enrol POSTs on a small edition, checked in the database, then a sustained
//    enrolment run (EnrolmentBenchmark.cs), then the peak RSS;
//    accreditation: attendance saves that complete a group, timed until every certificate mail is sent and checked in the
//    database (AccreditationBenchmark.cs), then wrk on the certificate check, Mijn leeruren, the dashboard and two exports.
// Exit codes: 0 all scenarios measured without errors, 1 a step failed, 2 bad arguments, 3 wrk missing.

using System.Globalization;
using System.Security.Cryptography;
using Academy.Benchmarks;
using Academy.Testing;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine();
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}
if (options.Help)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

var run = new BenchmarkRun(options);
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    Console.Error.WriteLine("Interrupted: stopping the site and cleaning up …");
    run.DisposeAsync().AsTask().GetAwaiter().GetResult();
    Environment.Exit(130);
};
try
{
    return await run.ExecuteAsync();
}
catch (BenchmarkException e)
{
    Console.Error.WriteLine();
    Console.Error.WriteLine("Benchmark failed: " + e.Message);
    return e.ExitCode;
}
finally
{
    await run.DisposeAsync();
}

namespace Academy.Benchmarks
{
    /// <param name="Connections">wrk connections for this URL; null means --connections (pages that take a second each get fewer).</param>
    public sealed record Scenario(string Name, string PathAndQuery, bool LoggedIn, int? Connections = null);

    public sealed record Measurement(Scenario Scenario, WarmUp? WarmUp, WrkResult? Result, TimeSpan? ServerCpu, string? Failure);

    /// <summary>One benchmark run: owns the temporary folder, the optional PostgreSQL server and the site process.</summary>
    public sealed partial class BenchmarkRun(BenchOptions options) : IAsyncDisposable
    {
        /// <summary>The run's options, for the other part of this class (a primary constructor parameter is seen only here).</summary>
        private BenchOptions Options => options;

        private const string AdminEmail = "beheer@benchmark.example.nl";
        private readonly string _adminPassword = RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 24);
        private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("academy-bench-");
        private PostgresServer? _postgres;
        private SiteProcess? _site;
        private int _disposed;
        private bool _failed = true;

        public async Task<int> ExecuteAsync()
        {
            var totalWatch = System.Diagnostics.Stopwatch.StartNew();
            var provider = options.Provider.ToString().ToLowerInvariant();
            Console.WriteLine(options.Mode switch
            {
                BenchMode.Enrolment =>
                    $"Academy enrolment benchmark: provider {provider}, {options.Users} users, burst edition of {options.BurstCapacity} seats, " +
                    $"sustained run on {options.SustainedEditions} editions with {options.Connections} workers for {options.DurationSeconds} s",
                BenchMode.Accreditation =>
                    $"Academy accreditation benchmark: provider {provider}, {options.Participants} participants, {options.LedgerEntries} ledger entries, " +
                    $"{options.MyEntries} own entries; wrk {options.Threads} threads / {options.Connections} connections / {options.DurationSeconds} s per page, " +
                    $"{options.WarmupRequests} warm-up requests per URL",
                BenchMode.CommunityFanout =>
                    $"Academy community fan-out benchmark: provider {provider}, a group of {options.Members} followers, daily digest for {options.DigestPeople} people",
                BenchMode.Search =>
                    $"Academy search benchmark: provider {provider}, {options.Documents} generated documents, {options.Changes} changes; " +
                    $"wrk {options.Threads} threads / {options.Connections} connections / {options.DurationSeconds} s per URL, {options.WarmupRequests} warm-up requests per URL",
                BenchMode.CommunityTopic =>
                    $"Academy community benchmark: provider {provider}, a topic with {options.Replies} replies; " +
                    $"wrk {options.Threads} threads / {options.Connections} connections / {options.DurationSeconds} s per page, {options.WarmupRequests} warm-up requests per URL",
                _ => $"Academy benchmark: provider {provider}, {options.Offerings} offerings, " +
                     $"wrk {options.Threads} threads / {options.Connections} connections / {options.DurationSeconds} s per scenario, " +
                     $"{options.WarmupRequests} warm-up requests per URL",
            });
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average {LoadAverage()}");
            WarnIfBusy();
            Console.WriteLine($"Work folder: {_work.FullName}{(options.Keep ? " (kept)" : " (removed at the end; --keep keeps it)")}");

            Wrk? wrk = null;
            if (options.Mode is not (BenchMode.Enrolment or BenchMode.CommunityFanout))
            {
                wrk = await Wrk.LocateAsync(_work.FullName, Console.Out);
                Console.WriteLine($"Load generator: {wrk.Version} ({wrk.Path})");
            }

            // ---------------------------------------------------------------- database and site
            var appData = Directory.CreateDirectory(Path.Combine(_work.FullName, "App_Data")).FullName;
            var environment = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["Academy__AppDataPath"] = appData,
                ["Academy__Setup__AdminEmail"] = AdminEmail,
                ["Academy__Setup__AdminPassword"] = _adminPassword,
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
                ["DOTNET_NOLOGO"] = "1",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            };
            if (options.Provider == DatabaseProvider.Postgres)
            {
                var pgWatch = System.Diagnostics.Stopwatch.StartNew();
                try
                {
                    _postgres = await PostgresServer.StartAsync();
                }
                catch (InvalidOperationException e)
                {
                    throw new BenchmarkException("PostgreSQL could not be started: " + e.Message);
                }
                var connectionString = await _postgres.CreateDatabaseAsync("academy_bench");
                environment["Academy__Database__Provider"] = "Postgres";
                environment["Academy__Database__ConnectionString"] = connectionString;
                Console.WriteLine($"PostgreSQL: {_postgres.BinDir}, port {_postgres.Port}, started in {pgWatch.Elapsed.TotalSeconds:0.0} s");
            }
            else
            {
                environment["Academy__Database__Provider"] = "Sqlite";
                environment["Academy__Database__ConnectionString"] = "";
            }
            if (options.Mode == BenchMode.Enrolment)
            {
                // Every user logs in from this one loopback address; the login throttle (20 per 5 minutes by default) would refuse most.
                environment["Academy__Users__LoginAttemptsPerWindow"] = (options.Users * 2 + 100).ToString(CultureInfo.InvariantCulture);
                Console.WriteLine($"Login throttle raised for this run: Academy__Users__LoginAttemptsPerWindow={environment["Academy__Users__LoginAttemptsPerWindow"]}");
            }
            if (options.Mode == BenchMode.Accreditation)
            {
                // wrk checks one certificate code from 127.0.0.1 thousands of times; the default (30 per 600 s) would answer 429.
                environment["Academy__Certificates__ChecksPerWindow"] = "100000000";
                environment["Academy__Certificates__CheckWindowSeconds"] = "1";
                Console.WriteLine("Certificate check throttle raised for this run: Academy__Certificates__ChecksPerWindow=100000000, " +
                                  "Academy__Certificates__CheckWindowSeconds=1 (the default is 30 checks per 600 s per address)");
            }

            if (options.Mode == BenchMode.Search)
            {
                // The index with the generated documents is built in-process on this database; the site process then serves it.
                await SearchBenchmark.RunInProcessAsync(options, environment);
                environment["Academy__Search__NodeName"] = SearchBenchmark.ServingNode;
            }

            var startWatch = System.Diagnostics.Stopwatch.StartNew();
            _site = SiteProcess.Start(environment, Path.Combine(_work.FullName, "site.log"));
            using var client = new SiteClient(_site.BaseAddress);
            await _site.WaitUntilHealthyAsync(client.Http, TimeSpan.FromMinutes(3));
            Console.WriteLine($"Site: {SiteProcess.SiteDll} (pid {_site.Id}) on {_site.BaseAddress}, healthy after {startWatch.Elapsed.TotalSeconds:0.0} s (includes the setup recipe)");
            if (options.Keep)
            {
                WriteRestartScript(environment);
            }

            if (options.Mode == BenchMode.Search)
            {
                return await RunSearchPagesAsync(client, wrk!, totalWatch);
            }

            // ---------------------------------------------------------------- seeding
            var setupRecipe = Path.Combine(SiteProcess.SiteDirectory, "recipes", "midden-gelderland.recipe.json");
            if (!File.Exists(setupRecipe))
            {
                throw new BenchmarkException($"{setupRecipe} is missing; the site's recipes are copied next to Academy.Web.dll by its build.");
            }
            var generator = SeedRecipe.FromSetupRecipe(setupRecipe);
            if (options.Mode == BenchMode.Enrolment)
            {
                return await RunEnrolmentAsync(generator, environment, client, totalWatch);
            }
            if (options.Mode == BenchMode.CommunityFanout)
            {
                return await RunCommunityFanoutAsync(environment, client, totalWatch);
            }
            if (options.Mode == BenchMode.Accreditation)
            {
                return await RunAccreditationAsync(generator, environment, client, wrk!, totalWatch);
            }
            if (options.Mode == BenchMode.CommunityTopic)
            {
                return await RunCommunityTopicAsync(environment, client, wrk!, totalWatch);
            }
            // [file:] paths and the content root are resolved from the recipe's grandparent folder: keep it in <work>/recipes/.
            var recipeFile = RecipeFile(SeedRecipe.RecipeName);
            var (editions, sessions) = generator.Write(recipeFile, options.Offerings);
            Console.WriteLine($"Seed recipe: {recipeFile} ({new FileInfo(recipeFile).Length / 1024.0 / 1024.0:0.0} MB, {options.Offerings} offerings, {editions} editions, {sessions} sessions)");
            var seed = await SeedAsync(environment, recipeFile);
            Console.WriteLine($"Seeding: {options.Offerings} offerings in {seed.Elapsed.TotalSeconds:0.0} s " +
                              $"({options.Offerings / seed.Elapsed.TotalSeconds:0} offerings/s, includes the CLI's own start-up) — {seed.LastLine}");

            // ---------------------------------------------------------------- scenarios
            var detailSlug = generator.Slugs[generator.Slugs.Count / 2];
            Scenario[] scenarios =
            [
                new("trivial /healthz", "/healthz", false),
                new("anonymous /leeragenda", "/leeragenda", false),
                new("anonymous filtered page", "/leeragenda?vorm=fysiek&pagina=3", false),
                new("anonymous detail page", "/leeragenda/" + detailSlug, false),
                new("logged-in /leeragenda", "/leeragenda", true),
            ];
            var measurements = await MeasureAsync(scenarios, wrk!, client, () => client.LogInAsync(AdminEmail, _adminPassword));

            // ---------------------------------------------------------------- report
            var peak = _site.StatusKilobytes("VmHWM");
            var rss = _site.StatusKilobytes("VmRSS");
            var totalCpu = _site.CpuTime();
            Console.WriteLine();
            PrintTable(measurements, $"{options.Offerings} offerings");
            Console.WriteLine();
            Console.WriteLine($"Seeding {options.Offerings} offerings: {seed.Elapsed.TotalSeconds:0.0} s");
            Console.WriteLine($"Server peak RSS (VmHWM): {Mb(peak)}; RSS now: {Mb(rss)}; server CPU time in total: {totalCpu?.TotalSeconds:0.0} s");
            PrintTargets(measurements);
            Console.WriteLine($"Total time: {totalWatch.Elapsed.TotalSeconds:0} s; load average now {LoadAverage()}");
            WarnIfBusy();

            var failed = measurements.Where(m => m.Failure is not null).ToList();
            if (failed.Count > 0)
            {
                Console.Error.WriteLine();
                foreach (var m in failed)
                {
                    Console.Error.WriteLine($"Not (cleanly) measured: {m.Scenario.Name} ({m.Scenario.PathAndQuery}): {m.Failure}");
                }
                Console.Error.WriteLine($"Server log: {_site.LogFile}{(options.Keep ? "" : " (use --keep to keep it)")}. Last lines:\n{_site.Tail()}");
                return 1;
            }
            _failed = false;
            return 0;
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }
            if (_site is not null)
            {
                await _site.DisposeAsync();
            }
            if (_postgres is not null)
            {
                await _postgres.DisposeAsync();
            }
            if (options.Keep || _failed && _site is not null)
            {
                if (!options.Keep)
                {
                    Console.Error.WriteLine($"Kept {_work.FullName} for inspection (server log, seed log, recipe).");
                }
                return;
            }
            try
            {
                _work.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
