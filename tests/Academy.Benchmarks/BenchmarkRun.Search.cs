namespace Academy.Benchmarks;

/// <summary>`--search`, the HTTP half: the site process serves node A's index (built in-process with the generated documents).</summary>
public sealed partial class BenchmarkRun
{
    /// <summary>The issue's targets for one- and two-word queries at 32 connections.</summary>
    private const double TargetP95Ms = 10;
    private const double TargetP99Ms = 25;

    /// <summary>Loads /healthz and the four queries of <see cref="SearchBenchmark.Queries"/> as a visitor with wrk.</summary>
    private async Task<int> RunSearchPagesAsync(SiteClient client, Wrk wrk, System.Diagnostics.Stopwatch totalWatch)
    {
        List<Scenario> scenarios = [new("trivial /healthz", "/healthz", false)];
        scenarios.AddRange(SearchBenchmark.Queries().Select(q => new Scenario("/zoeken " + q.Name, q.PathAndQuery, false)));
        var measurements = await MeasureAsync(scenarios, wrk, client, () => throw new BenchmarkException("the search pages are measured as a visitor"));

        Console.WriteLine();
        PrintTable(measurements, $"{Options.Documents} generated documents");
        Console.WriteLine("Targets (reported, not asserted): one- and two-word queries p95 <= 10 ms and p99 <= 25 ms");
        foreach (var m in measurements.Skip(1).Take(2)) // the one- and two-word queries follow /healthz
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
