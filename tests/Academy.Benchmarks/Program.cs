// Load and latency benchmark of the real site. See README.md in this folder.
//
//   dotnet run -c Release --project tests/Academy.Benchmarks -- [--provider sqlite|postgres] [--offerings 2000] [--duration 20] [--connections 32]
//   dotnet run -c Release --project tests/Academy.Benchmarks -- --enrolment [--provider sqlite|postgres] [--users 1000] [--duration 20] [--workers 32]
//   dotnet run -c Release --project tests/Academy.Benchmarks -- --accreditation [--provider sqlite|postgres] [--participants 300] [--ledger 50000]
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
    public sealed class BenchmarkRun(BenchOptions options) : IAsyncDisposable
    {
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
                _ => $"Academy benchmark: provider {provider}, {options.Offerings} offerings, " +
                     $"wrk {options.Threads} threads / {options.Connections} connections / {options.DurationSeconds} s per scenario, " +
                     $"{options.WarmupRequests} warm-up requests per URL",
            });
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average {LoadAverage()}");
            WarnIfBusy();
            Console.WriteLine($"Work folder: {_work.FullName}{(options.Keep ? " (kept)" : " (removed at the end; --keep keeps it)")}");

            Wrk? wrk = null;
            if (options.Mode != BenchMode.Enrolment)
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

            var startWatch = System.Diagnostics.Stopwatch.StartNew();
            _site = SiteProcess.Start(environment, Path.Combine(_work.FullName, "site.log"));
            using var client = new SiteClient(_site.BaseAddress);
            await _site.WaitUntilHealthyAsync(client.Http, TimeSpan.FromMinutes(3));
            Console.WriteLine($"Site: {SiteProcess.SiteDll} (pid {_site.Id}) on {_site.BaseAddress}, healthy after {startWatch.Elapsed.TotalSeconds:0.0} s (includes the setup recipe)");
            if (options.Keep)
            {
                WriteRestartScript(environment);
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
            if (options.Mode == BenchMode.Accreditation)
            {
                return await RunAccreditationAsync(generator, environment, client, wrk!, totalWatch);
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

        /// <summary>
        /// Warms up and loads each URL with wrk (the logged-in ones with the cookie <paramref name="logIn"/> returns, asked
        /// for once); prints each result as it comes. A URL that fails its warm-up or login is recorded, not measured.
        /// </summary>
        private async Task<List<Measurement>> MeasureAsync(IReadOnlyList<Scenario> scenarios, Wrk wrk, SiteClient client, Func<Task<string>> logIn)
        {
            var measurements = new List<Measurement>();
            string? cookie = null;
            for (var i = 0; i < scenarios.Count; i++)
            {
                var scenario = scenarios[i];
                Console.WriteLine();
                Console.WriteLine($"[{i + 1}/{scenarios.Count}] {scenario.Name}: {scenario.PathAndQuery} (load average {LoadAverage()})");
                if (scenario.LoggedIn && cookie is null)
                {
                    try
                    {
                        cookie = await logIn();
                        Console.WriteLine($"    logged in as {AdminEmail}; wrk sends: Cookie: {Shorten(cookie, 90)}");
                    }
                    catch (BenchmarkException e)
                    {
                        measurements.Add(new Measurement(scenario, null, null, null, e.Message));
                        Console.WriteLine("    skipped: " + e.Message);
                        continue;
                    }
                }
                var sendCookie = scenario.LoggedIn ? cookie : null;
                var warm = await client.WarmUpAsync(scenario.PathAndQuery, sendCookie, Math.Max(1, options.WarmupRequests));
                Console.WriteLine($"    warm-up: {warm.Requests} requests, first {warm.FirstRequestMs:0.0} ms, then {warm.MeanMs:0.00} ms on average (8 in parallel), " +
                                  $"{warm.Bytes / 1024.0:0.0} KB per page, {warm.CacheHits} served from the output cache (Age header)");
                if (warm.Failure is not null)
                {
                    measurements.Add(new Measurement(scenario, warm, null, null, warm.Failure));
                    Console.WriteLine("    skipped: " + warm.Failure);
                    continue;
                }

                var cpuBefore = _site!.CpuTime();
                var connections = scenario.Connections ?? options.Connections;
                var result = await wrk.RunAsync(new Uri(_site.BaseAddress, scenario.PathAndQuery), Math.Min(options.Threads, connections), connections, options.DurationSeconds,
                    sendCookie is null ? [] : [$"Cookie: {sendCookie}"]);
                var cpuAfter = _site.CpuTime();
                await File.WriteAllTextAsync(Path.Combine(_work.FullName, $"wrk-{i + 1}.txt"), result.RawOutput);
                var cpu = cpuBefore is not null && cpuAfter is not null ? cpuAfter - cpuBefore : null;
                measurements.Add(new Measurement(scenario, warm, result, cpu, result.Errors > 0 ? ErrorText(result) : null));
                Console.WriteLine($"    {result.RequestsPerSecond:0} req/s, p50 {result.P50Ms:0.00} ms, p90 {result.P90Ms:0.00} ms, p99 {result.P99Ms:0.00} ms, max {result.MaxMs:0.0} ms" +
                                  (result.Errors > 0 ? $", {ErrorText(result)}" : ""));
                if (_site.HasExited)
                {
                    throw new BenchmarkException($"The site exited during '{scenario.Name}'. Last output:\n{_site.Tail()}");
                }
            }
            return measurements;
        }

        /// <summary>The enrolment scenario (EnrolmentBenchmark): seed users and editions, then burst and sustained enrolment.</summary>
        private async Task<int> RunEnrolmentAsync(SeedRecipe generator, IReadOnlyDictionary<string, string> environment, SiteClient client, System.Diagnostics.Stopwatch totalWatch)
        {
            var recipeFile = RecipeFile(SeedRecipe.EnrolmentRecipeName);
            var seeded = generator.WriteEnrolment(recipeFile, options.Users, options.BurstCapacity, options.SustainedEditions, EnrolmentBenchmark.UserPassword);
            Console.WriteLine($"Seed recipe: {recipeFile} (1 offering, 1 burst edition of {options.BurstCapacity} seats, {options.SustainedEditions} editions of 10,000 seats, {options.Users} users with a password)");
            var seed = await SeedAsync(environment, recipeFile);
            Console.WriteLine($"Seeding: {options.Users} users and {options.SustainedEditions + 1} editions in {seed.Elapsed.TotalSeconds:0.0} s " +
                              $"(mostly password hashing; includes the CLI's own start-up) — {seed.LastLine}");

            var database = EnrolmentDatabase.ForSite(options.Provider, environment);
            var benchmark = new EnrolmentBenchmark(options, _site!, client, seeded, database, LoadAverage);
            var ok = await benchmark.RunAsync();

            var peak = _site!.StatusKilobytes("VmHWM");
            var rss = _site.StatusKilobytes("VmRSS");
            Console.WriteLine();
            Console.WriteLine($"Seeding {options.Users} users: {seed.Elapsed.TotalSeconds:0.0} s");
            Console.WriteLine($"Server peak RSS (VmHWM): {Mb(peak)}; RSS now: {Mb(rss)}; server CPU time in total: {_site.CpuTime()?.TotalSeconds:0.0} s");
            Console.WriteLine($"Total time: {totalWatch.Elapsed.TotalSeconds:0} s; load average now {LoadAverage()}");
            WarnIfBusy();
            if (!ok)
            {
                Console.Error.WriteLine($"Server log: {_site.LogFile}{(options.Keep ? "" : " (kept because the run failed)")}. Last lines:\n{_site.Tail()}");
                return 1;
            }
            _failed = false;
            return 0;
        }

        /// <summary>
        /// The accreditation scenario (AccreditationBenchmark): seed a group of participants and a large ledger, complete
        /// the group through the attendance form and time the certificates and mails, then load the accreditation pages with wrk.
        /// </summary>
        private async Task<int> RunAccreditationAsync(SeedRecipe generator, IReadOnlyDictionary<string, string> environment, SiteClient client, Wrk wrk,
            System.Diagnostics.Stopwatch totalWatch)
        {
            var recipeFile = RecipeFile(SeedRecipe.AccreditationRecipeName);
            var seeded = generator.WriteAccreditation(recipeFile, options.Participants);
            Console.WriteLine($"Seed recipe: {recipeFile} (1 training accredited for {string.Join(" and ", SeedRecipe.AccreditationRegisters)}, 1 group with " +
                              $"{seeded.SessionIds.Count} sessions in the past, {options.Participants} accounts without a password, all confirmed participants)");
            var seed = await SeedAsync(environment, recipeFile);
            Console.WriteLine($"Seeding: {options.Participants} participants in {seed.Elapsed.TotalSeconds:0.0} s (includes the CLI's own start-up) — {seed.LastLine}");

            var database = new AccreditationDatabase(EnrolmentDatabase.ForSite(options.Provider, environment));
            var benchmark = new AccreditationBenchmark(options, _site!, client, seeded, database, Path.Combine(environment["Academy__AppDataPath"], "mail"));
            await benchmark.SeedLedgerAsync(AdminEmail, generator.OrganisationIds, generator.ThemeIds);

            Console.WriteLine();
            Console.WriteLine($"[completion] the administrator saves the attendance of every session, everyone present (load average {LoadAverage()})");
            var cookie = await client.LogInAsync(AdminEmail, _adminPassword);
            var completion = await benchmark.CompleteGroupAsync(cookie);
            var code = await database.CertificateCodeAsync(seeded.EditionId);
            var exportProblem = await benchmark.CheckExportAsync(cookie);

            var edition = Uri.EscapeDataString(seeded.EditionId);
            // The dashboard and the exports build a whole report per request: fewer connections keep their latency below wrk's 10 s timeout.
            var heavy = Math.Min(options.Connections, options.HeavyConnections);
            var register = SeedRecipe.AccreditationRegisters[0];
            List<Scenario> scenarios =
            [
                new("trivial /healthz", "/healthz", false),
                new("public certificate check", "/certificaat/" + Uri.EscapeDataString(code ?? "ONBEKEND"), false),
                new($"/mijn-leeruren ({options.MyEntries} entries)", "/mijn-leeruren", true),
                new($"dashboard ({options.LedgerEntries} entries)", "/admin/accreditatie/dashboard", true, heavy),
                new($"export .xlsx ({options.Participants} people)", $"/admin/accreditatie/edities/{edition}/{register}.xlsx", true, heavy),
                new($"export pe-online.txt ({options.Participants})", $"/admin/accreditatie/edities/{edition}/{register}/pe-online.txt", true, heavy),
            ];
            // The same administrator session as the attendance saves: wrk sends its cookie.
            var measurements = await MeasureAsync(scenarios, wrk, client, () => Task.FromResult(cookie));

            var peak = _site!.StatusKilobytes("VmHWM");
            var rss = _site.StatusKilobytes("VmRSS");
            Console.WriteLine();
            benchmark.Print(completion);
            Console.WriteLine();
            PrintTable(measurements, $"{options.Participants} participants, {options.LedgerEntries} + {options.MyEntries} ledger entries; dashboard and exports -c{heavy}");
            Console.WriteLine(exportProblem is null
                ? $"Export check: pe-online.txt lists all {options.Participants} participants' register numbers."
                : "Export check FAILED: " + exportProblem);
            Console.WriteLine();
            Console.WriteLine($"Seeding {options.Participants} participants: {seed.Elapsed.TotalSeconds:0.0} s");
            Console.WriteLine($"Server peak RSS (VmHWM): {Mb(peak)}; RSS now: {Mb(rss)}; server CPU time in total: {_site.CpuTime()?.TotalSeconds:0.0} s");
            Console.WriteLine($"Total time: {totalWatch.Elapsed.TotalSeconds:0} s; load average now {LoadAverage()}");
            WarnIfBusy();

            var failed = measurements.Where(m => m.Failure is not null).ToList();
            foreach (var m in failed)
            {
                Console.Error.WriteLine($"Not (cleanly) measured: {m.Scenario.Name} ({m.Scenario.PathAndQuery}): {m.Failure}");
            }
            if (failed.Count > 0 || completion.Problems.Count > 0 || code is null || exportProblem is not null)
            {
                Console.Error.WriteLine($"Server log: {_site.LogFile}{(options.Keep ? "" : " (kept because the run failed)")}. Last lines:\n{_site.Tail()}");
                return 1;
            }
            _failed = false;
            return 0;
        }

        // [file:] paths and the content root are resolved from the recipe's grandparent folder: keep recipes in <work>/recipes/.
        private string RecipeFile(string name) => Path.Combine(_work.FullName, "recipes", name + ".recipe.json");

        /// <summary>Runs a recipe with the site's own CLI verb against the site's database, then waits until the site is idle again.</summary>
        private async Task<(TimeSpan Elapsed, string LastLine)> SeedAsync(IReadOnlyDictionary<string, string> environment, string recipeFile)
        {
            var seed = await SiteProcess.RunCliAsync(environment, ["recipe", "run", recipeFile], TimeSpan.FromMinutes(30));
            await File.WriteAllTextAsync(Path.Combine(_work.FullName, "seed.log"), seed.Output);
            if (seed.ExitCode != 0)
            {
                throw new BenchmarkException($"Seeding failed: `dotnet Academy.Web.dll recipe run {recipeFile}` exited with {seed.ExitCode}:\n{Tail(seed.Output, 25)}");
            }
            var idle = await _site!.WaitUntilIdleAsync(TimeSpan.FromSeconds(60));
            if (idle.TotalSeconds > 2)
            {
                Console.WriteLine($"Waited {idle.TotalSeconds:0} s for the site to become idle after seeding.");
            }
            return (seed.Elapsed, Tail(seed.Output, 1).Trim());
        }

        private void PrintTable(List<Measurement> measurements, string seeded)
        {
            var trivial = measurements.FirstOrDefault(m => m.Scenario.PathAndQuery == "/healthz")?.Result?.RequestsPerSecond;
            var nameWidth = Math.Max(24, measurements.Max(m => m.Scenario.Name.Length));
            var urlWidth = Math.Min(48, Math.Max(10, measurements.Max(m => m.Scenario.PathAndQuery.Length)));
            string Row(string name, string url, string rps, string p50, string p99, string ratio, string errors, string cpu) =>
                $"{name.PadRight(nameWidth)}  {url.PadRight(urlWidth)}  {rps,9}  {p50,8}  {p99,8}  {ratio,7}  {errors,7}  {cpu,12}";

            Console.WriteLine($"Results ({options.Provider.ToString().ToLowerInvariant()}, {seeded}, wrk -t{options.Threads} -c{options.Connections} -d{options.DurationSeconds}s, {Environment.ProcessorCount} cores shared by wrk and the site):");
            var header = Row("scenario", "url", "req/s", "p50 ms", "p99 ms", "ratio", "errors", "srv CPU/req");
            Console.WriteLine(header);
            Console.WriteLine(new string('-', header.Length));
            foreach (var m in measurements)
            {
                var url = Shorten(m.Scenario.PathAndQuery, urlWidth);
                if (m.Result is not { } r)
                {
                    Console.WriteLine(Row(m.Scenario.Name, url, "-", "-", "-", "-", "-", "-") + "  not measured: " + Shorten(m.Failure ?? "", 80));
                    continue;
                }
                var ratio = trivial is > 0 ? (r.RequestsPerSecond / trivial.Value).ToString("0.00") : "-";
                var cpu = m.ServerCpu is { } c && r.Requests > 0 ? $"{c.TotalMilliseconds * 1000 / r.Requests:0} us" : "-";
                Console.WriteLine(Row(m.Scenario.Name, url, r.RequestsPerSecond.ToString("0"), r.P50Ms.ToString("0.00"), r.P99Ms.ToString("0.00"), ratio, r.Errors.ToString(), cpu));
            }
        }

        /// <summary>The issue's targets, reported (never asserted).</summary>
        private static void PrintTargets(List<Measurement> measurements)
        {
            var trivial = measurements.FirstOrDefault(m => m.Scenario.PathAndQuery == "/healthz")?.Result;
            var anonymous = measurements.FirstOrDefault(m => m.Scenario is { PathAndQuery: "/leeragenda", LoggedIn: false })?.Result;
            var loggedIn = measurements.FirstOrDefault(m => m.Scenario is { PathAndQuery: "/leeragenda", LoggedIn: true })?.Result;
            static string Verdict(bool met) => met ? "met" : "NOT met";
            Console.WriteLine("Targets (reported, not asserted):");
            if (trivial is not null && anonymous is not null)
            {
                var share = anonymous.RequestsPerSecond / trivial.RequestsPerSecond;
                Console.WriteLine($"  anonymous catalogue >= 50% of the trivial endpoint's req/s: {share:P0} - {Verdict(share >= 0.5)}");
            }
            if (anonymous is not null)
            {
                Console.WriteLine($"  anonymous catalogue p99 < 50 ms: {anonymous.P99Ms:0.00} ms - {Verdict(anonymous.P99Ms < 50)}");
            }
            if (loggedIn is not null)
            {
                Console.WriteLine($"  logged-in catalogue p99 < 50 ms: {loggedIn.P99Ms:0.00} ms - {Verdict(loggedIn.P99Ms < 50)}");
            }
        }

        /// <summary>
        /// With --keep: <c>run-site.sh [port]</c> starts the site again on the kept database (SQLite only: a PostgreSQL
        /// server is removed at the end), and <c>admin.txt</c> holds the generated administrator login.
        /// </summary>
        private void WriteRestartScript(IReadOnlyDictionary<string, string> environment)
        {
            static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
            var script = new System.Text.StringBuilder();
            script.AppendLine("#!/bin/sh");
            script.AppendLine("# Written by tests/Academy.Benchmarks (--keep): starts the benchmarked site again on this folder's database.");
            script.AppendLine("# Usage: ./run-site.sh [port]   (default 5080; loopback only)");
            script.AppendLine("set -e");
            script.AppendLine($"cd {Quote(SiteProcess.SiteDirectory)}");
            // env, not export: some keys (Logging__LogLevel__Microsoft.AspNetCore) are not valid shell variable names.
            script.AppendLine("exec env \\");
            foreach (var (key, value) in environment)
            {
                script.AppendLine($"  {Quote(key + "=" + value)} \\");
            }
            script.AppendLine($"  dotnet {Quote(SiteProcess.SiteDll)} --urls \"http://127.0.0.1:${{1:-5080}}\"");
            var file = Path.Combine(_work.FullName, "run-site.sh");
            File.WriteAllText(file, script.ToString());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            File.WriteAllText(Path.Combine(_work.FullName, "admin.txt"), $"{AdminEmail}\n{_adminPassword}\n");
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                Console.WriteLine($"Kept for later: {file} [port] restarts the site on this database; the admin login is in admin.txt.");
            }
        }

        /// <summary>The 1, 5 and 15 minute load averages (/proc/loadavg).</summary>
        public static string LoadAverage()
        {
            try
            {
                return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
            }
            catch (IOException)
            {
                return "unknown";
            }
        }

        /// <summary>wrk and the site need the cores to themselves; other work (builds, tests) makes the numbers noisy.</summary>
        public static void WarnIfBusy()
        {
            var first = LoadAverage().Split(' ')[0];
            if (double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) && load > Environment.ProcessorCount)
            {
                Console.WriteLine($"WARNING: the 1-minute load average ({load:0.0}) exceeds the {Environment.ProcessorCount} cores: other processes compete with the load generator and the site; treat the numbers as noisy.");
            }
        }

        private static string ErrorText(WrkResult r) =>
            $"{r.Errors} errors (status>=400: {r.StatusErrors}, timeouts: {r.Timeouts}, connect/read/write: {r.ConnectErrors}/{r.ReadErrors}/{r.WriteErrors})";

        private static string Mb(long? kilobytes) => kilobytes is { } kb ? $"{kb / 1024.0:0} MB" : "unknown";

        private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

        private static string Tail(string text, int lines) =>
            string.Join(Environment.NewLine, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).TakeLast(lines));

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
