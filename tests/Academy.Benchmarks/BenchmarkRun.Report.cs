using System.Globalization;
using System.Security.Cryptography;
using Academy.Benchmarks;
using Academy.Testing;

namespace Academy.Benchmarks;

/// <summary>Seeding through the site's CLI, the results table and targets, the restart script, and the machine's load.</summary>
public sealed partial class BenchmarkRun
{
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
        string Row(string name, string url, string rps, string p50, string p95, string p99, string ratio, string errors, string cpu) =>
            $"{name.PadRight(nameWidth)}  {url.PadRight(urlWidth)}  {rps,9}  {p50,8}  {p95,8}  {p99,8}  {ratio,7}  {errors,7}  {cpu,12}";

        Console.WriteLine($"Results ({Options.Provider.ToString().ToLowerInvariant()}, {seeded}, wrk -t{Options.Threads} -c{Options.Connections} -d{Options.DurationSeconds}s, {Environment.ProcessorCount} cores shared by wrk and the site):");
        var header = Row("scenario", "url", "req/s", "p50 ms", "p95 ms", "p99 ms", "ratio", "errors", "srv CPU/req");
        Console.WriteLine(header);
        Console.WriteLine(new string('-', header.Length));
        foreach (var m in measurements)
        {
            var url = Shorten(m.Scenario.PathAndQuery, urlWidth);
            if (m.Result is not { } r)
            {
                Console.WriteLine(Row(m.Scenario.Name, url, "-", "-", "-", "-", "-", "-", "-") + "  not measured: " + Shorten(m.Failure ?? "", 80));
                continue;
            }
            var ratio = trivial is > 0 ? (r.RequestsPerSecond / trivial.Value).ToString("0.00") : "-";
            var cpu = m.ServerCpu is { } c && r.Requests > 0 ? $"{c.TotalMilliseconds * 1000 / r.Requests:0} us" : "-";
            Console.WriteLine(Row(m.Scenario.Name, url, r.RequestsPerSecond.ToString("0"), r.P50Ms.ToString("0.00"), r.P95Ms.ToString("0.00"), r.P99Ms.ToString("0.00"), ratio, r.Errors.ToString(), cpu));
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
        if (Options.Provider == DatabaseProvider.Sqlite)
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
}
