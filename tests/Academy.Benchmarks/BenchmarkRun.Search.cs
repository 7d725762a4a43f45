namespace Academy.Benchmarks;

/// <summary>`--search`, the HTTP half: the site process serves node A's index (built in-process with the generated documents).</summary>
public sealed partial class BenchmarkRun
{
    /// <summary>The issue's targets for one- and two-word queries at 32 connections.</summary>
    private const double TargetP95Ms = 10;
    private const double TargetP99Ms = 25;
    private const int SearchWarmUpRequests = 2000;

    /// <summary>Loads /healthz and the four queries of <see cref="SearchBenchmark.Queries"/> as a visitor and signed in (the administrator) with wrk.</summary>
    private async Task<int> RunSearchPagesAsync(SiteClient client, Wrk wrk, System.Diagnostics.Stopwatch totalWatch)
    {
        List<Scenario> scenarios = [new("trivial /healthz", "/healthz", false)];
        scenarios.AddRange(SearchBenchmark.Queries().Select(q => new Scenario("/zoeken " + q.Name, q.PathAndQuery, false)));
        // Signed in, the page is never output-cached (a visitor's is): the engine's result cache and the page's own work.
        scenarios.AddRange(SearchBenchmark.Queries().Select(q => new Scenario("/zoeken signed in, " + q.Name, q.PathAndQuery, true)));
        // The search URLs share the page's code: warmed up together first, so the JIT's tier-up of that code (a few
        // seconds under load) is not charged to whichever URL happens to be measured first.
        // Signed in as well: that path has code of its own (the sign-in cookie, the viewer's access keys).
        var warmUp = System.Diagnostics.Stopwatch.StartNew();
        var cookie = await client.LogInAsync(AdminEmail, _adminPassword);
        foreach (var scenario in scenarios.Skip(1))
        {
            var warm = await client.WarmUpAsync(scenario.PathAndQuery, scenario.LoggedIn ? cookie : null, SearchWarmUpRequests);
            if (warm.Failure is not null)
            {
                Console.WriteLine($"Warm-up of {scenario.PathAndQuery} failed: {warm.Failure}");
            }
        }
        Console.WriteLine($"Site warm-up: {SearchWarmUpRequests} requests to each search URL, as a visitor and signed in, in {warmUp.Elapsed.TotalSeconds:0.0} s");
        var measurements = await MeasureAsync(scenarios, wrk, client, () => Task.FromResult(cookie));

        Console.WriteLine();
        PrintTable(measurements, $"{Options.Documents} generated documents");
        Console.WriteLine("Targets (reported, not asserted): one- and two-word queries p95 <= 10 ms and p99 <= 25 ms");
        var queries = SearchBenchmark.Queries().Count();
        // The one- and two-word queries: the first two after /healthz (visitor) and the first two signed in.
        foreach (var m in measurements.Skip(1).Take(2).Concat(measurements.Skip(1 + queries).Take(2)))
        {
            if (m.Result is { } r)
            {
                var met = r.P95Ms <= TargetP95Ms && r.P99Ms <= TargetP99Ms;
                Console.WriteLine($"  {m.Scenario.Name}: p95 {r.P95Ms:0.00} ms, p99 {r.P99Ms:0.00} ms - {(met ? "met" : "NOT met")}");
            }
        }
        Console.WriteLine($"Server peak RSS (VmHWM): {Mb(_site!.StatusKilobytes("VmHWM"))}; server CPU time in total: {_site.CpuTime()?.TotalSeconds:0.0} s");
        Console.WriteLine($"Total time: {totalWatch.Elapsed.TotalSeconds:0} s; load average now {LoadAverage()}");
        WarnIfBusy();
        var failed = measurements.Where(m => m.Failure is not null).ToList();
        foreach (var m in failed)
        {
            Console.Error.WriteLine($"Not (cleanly) measured: {m.Scenario.Name} ({m.Scenario.PathAndQuery}): {m.Failure}");
        }
        if (failed.Count > 0)
        {
            Console.Error.WriteLine($"Server log: {_site.LogFile}. Last lines:\n{_site.Tail()}");
            return 1;
        }
        _failed = false;
        return 0;
    }
}
