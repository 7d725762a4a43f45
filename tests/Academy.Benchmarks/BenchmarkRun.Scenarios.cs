using System.Globalization;
using System.Security.Cryptography;
using Academy.Benchmarks;
using Academy.Testing;

namespace Academy.Benchmarks;

/// <summary>Measuring the catalogue URLs with wrk, and the enrolment scenario.</summary>
public sealed partial class BenchmarkRun
{
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
            var warm = await client.WarmUpAsync(scenario.PathAndQuery, sendCookie, Math.Max(1, Options.WarmupRequests));
            Console.WriteLine($"    warm-up: {warm.Requests} requests, first {warm.FirstRequestMs:0.0} ms, then {warm.MeanMs:0.00} ms on average (8 in parallel), " +
                              $"{warm.Bytes / 1024.0:0.0} KB per page, {warm.CacheHits} served from the output cache (Age header)");
            if (warm.Failure is not null)
            {
                measurements.Add(new Measurement(scenario, warm, null, null, warm.Failure));
                Console.WriteLine("    skipped: " + warm.Failure);
                continue;
            }

            var cpuBefore = _site!.CpuTime();
            var connections = scenario.Connections ?? Options.Connections;
            var result = await wrk.RunAsync(new Uri(_site.BaseAddress, scenario.PathAndQuery), Math.Min(Options.Threads, connections), connections, Options.DurationSeconds,
                sendCookie is null ? [] : [$"Cookie: {sendCookie}"]);
            var cpuAfter = _site.CpuTime();
            await File.WriteAllTextAsync(Path.Combine(_work.FullName, $"wrk-{i + 1}.txt"), result.RawOutput);
            var cpu = cpuBefore is not null && cpuAfter is not null ? cpuAfter - cpuBefore : null;
            measurements.Add(new Measurement(scenario, warm, result, cpu, result.Errors > 0 ? ErrorText(result) : null));
            Console.WriteLine($"    {result.RequestsPerSecond:0} req/s, p50 {result.P50Ms:0.00} ms, p90 {result.P90Ms:0.00} ms, p95 {result.P95Ms:0.00} ms, p99 {result.P99Ms:0.00} ms, max {result.MaxMs:0.0} ms" +
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
        var seeded = generator.WriteEnrolment(recipeFile, Options.Users, Options.BurstCapacity, Options.SustainedEditions, EnrolmentBenchmark.UserPassword);
        Console.WriteLine($"Seed recipe: {recipeFile} (1 offering, 1 burst edition of {Options.BurstCapacity} seats, {Options.SustainedEditions} editions of 10,000 seats, {Options.Users} users with a password)");
        var seed = await SeedAsync(environment, recipeFile);
        Console.WriteLine($"Seeding: {Options.Users} users and {Options.SustainedEditions + 1} editions in {seed.Elapsed.TotalSeconds:0.0} s " +
                          $"(mostly password hashing; includes the CLI's own start-up) — {seed.LastLine}");

        var database = EnrolmentDatabase.ForSite(Options.Provider, environment);
        var benchmark = new EnrolmentBenchmark(options, _site!, client, seeded, database, LoadAverage);
        var ok = await benchmark.RunAsync();

        var peak = _site!.StatusKilobytes("VmHWM");
        var rss = _site.StatusKilobytes("VmRSS");
        Console.WriteLine();
        Console.WriteLine($"Seeding {Options.Users} users: {seed.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine($"Server peak RSS (VmHWM): {Mb(peak)}; RSS now: {Mb(rss)}; server CPU time in total: {_site.CpuTime()?.TotalSeconds:0.0} s");
        Console.WriteLine($"Total time: {totalWatch.Elapsed.TotalSeconds:0} s; load average now {LoadAverage()}");
        WarnIfBusy();
        if (!ok)
        {
            Console.Error.WriteLine($"Server log: {_site.LogFile}{(Options.Keep ? "" : " (kept because the run failed)")}. Last lines:\n{_site.Tail()}");
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
        var seeded = generator.WriteAccreditation(recipeFile, Options.Participants);
        Console.WriteLine($"Seed recipe: {recipeFile} (1 training accredited for {string.Join(" and ", SeedRecipe.AccreditationRegisters)}, 1 group with " +
                          $"{seeded.SessionIds.Count} sessions in the past, {Options.Participants} accounts without a password, all confirmed participants)");
        var seed = await SeedAsync(environment, recipeFile);
        Console.WriteLine($"Seeding: {Options.Participants} participants in {seed.Elapsed.TotalSeconds:0.0} s (includes the CLI's own start-up) — {seed.LastLine}");

        var database = new AccreditationDatabase(EnrolmentDatabase.ForSite(Options.Provider, environment));
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
        var heavy = Math.Min(Options.Connections, Options.HeavyConnections);
        var register = SeedRecipe.AccreditationRegisters[0];
        List<Scenario> scenarios =
        [
            new("trivial /healthz", "/healthz", false),
            new("public certificate check", "/certificaat/" + Uri.EscapeDataString(code ?? "ONBEKEND"), false),
            new($"/mijn-leeruren ({Options.MyEntries} entries)", "/mijn-leeruren", true),
            new($"dashboard ({Options.LedgerEntries} entries)", "/admin/accreditatie/dashboard", true, heavy),
            new($"export .xlsx ({Options.Participants} people)", $"/admin/accreditatie/edities/{edition}/{register}.xlsx", true, heavy),
            new($"export pe-online.txt ({Options.Participants})", $"/admin/accreditatie/edities/{edition}/{register}/pe-online.txt", true, heavy),
        ];
        // The same administrator session as the attendance saves: wrk sends its cookie.
        var measurements = await MeasureAsync(scenarios, wrk, client, () => Task.FromResult(cookie));

        var peak = _site!.StatusKilobytes("VmHWM");
        var rss = _site.StatusKilobytes("VmRSS");
        Console.WriteLine();
        benchmark.Print(completion);
        Console.WriteLine();
        PrintTable(measurements, $"{Options.Participants} participants, {Options.LedgerEntries} + {Options.MyEntries} ledger entries; dashboard and exports -c{heavy}");
        Console.WriteLine(exportProblem is null
            ? $"Export check: pe-online.txt lists all {Options.Participants} participants' register numbers."
            : "Export check FAILED: " + exportProblem);
        Console.WriteLine();
        Console.WriteLine($"Seeding {Options.Participants} participants: {seed.Elapsed.TotalSeconds:0.0} s");
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
            Console.Error.WriteLine($"Server log: {_site.LogFile}{(Options.Keep ? "" : " (kept because the run failed)")}. Last lines:\n{_site.Tail()}");
            return 1;
        }
        _failed = false;
        return 0;
    }

    // [file:] paths and the content root are resolved from the recipe's grandparent folder: keep recipes in <work>/recipes/.
    private string RecipeFile(string name) => Path.Combine(_work.FullName, "recipes", name + ".recipe.json");
}
