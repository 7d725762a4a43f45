namespace Academy.Benchmarks;

/// <summary>The community topic scenario: a topic with many replies, read logged in, against /healthz of the same run.</summary>
public sealed partial class BenchmarkRun
{
    private async Task<int> RunCommunityTopicAsync(IReadOnlyDictionary<string, string> environment, SiteClient client, Wrk wrk, System.Diagnostics.Stopwatch totalWatch)
    {
        var seedWatch = System.Diagnostics.Stopwatch.StartNew();
        var topicPath = await new CommunityTopicDatabase(EnrolmentDatabase.ForSite(Options.Provider, environment)).SeedTopicAsync(Options.Replies);
        Console.WriteLine($"Seeding: {Options.Replies} replies on {topicPath} in {seedWatch.Elapsed.TotalSeconds:0.0} s");

        Scenario[] scenarios =
        [
            new("trivial /healthz", "/healthz", false),
            new($"topic, {Options.Replies} replies, logged in", topicPath, true),
        ];
        var measurements = await MeasureAsync(scenarios, wrk, client, () => client.LogInAsync(AdminEmail, _adminPassword));

        Console.WriteLine();
        PrintTable(measurements, $"a topic with {Options.Replies} replies");
        Console.WriteLine();
        Console.WriteLine($"Server peak RSS (VmHWM): {Mb(_site!.StatusKilobytes("VmHWM"))}; server CPU time in total: {_site.CpuTime()?.TotalSeconds:0.0} s");
        if (measurements.FirstOrDefault(m => m.Scenario.LoggedIn)?.Result is { } topic)
        {
            Console.WriteLine("Targets (reported, not asserted):");
            Console.WriteLine($"  topic with {Options.Replies} replies, logged in, p99 < 50 ms: {topic.P99Ms:0.00} ms - {(topic.P99Ms < 50 ? "met" : "NOT met")}");
        }
        Console.WriteLine($"Total time: {totalWatch.Elapsed.TotalSeconds:0} s; load average now {LoadAverage()}");
        WarnIfBusy();
        var failed = measurements.Where(m => m.Failure is not null).ToList();
        foreach (var m in failed)
        {
            Console.Error.WriteLine($"Not (cleanly) measured: {m.Scenario.Name} ({m.Scenario.PathAndQuery}): {m.Failure}");
        }
        _failed = failed.Count > 0;
        return failed.Count > 0 ? 1 : 0;
    }
}
