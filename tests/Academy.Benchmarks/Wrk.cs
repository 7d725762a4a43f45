using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Academy.Benchmarks;

/// <summary>What wrk measured for one URL.</summary>
public sealed record WrkResult(
    long Requests, double DurationSeconds, long Bytes,
    double P50Ms, double P90Ms, double P95Ms, double P99Ms, double MaxMs, double MeanMs,
    long ConnectErrors, long ReadErrors, long WriteErrors, long StatusErrors, long Timeouts,
    string RawOutput)
{
    public double RequestsPerSecond => DurationSeconds > 0 ? Requests / DurationSeconds : 0;

    /// <summary>Socket errors, timeouts and responses with a status of 400 or more.</summary>
    public long Errors => ConnectErrors + ReadErrors + WriteErrors + StatusErrors + Timeouts;
}

/// <summary>Finds (or installs) wrk and runs it with a Lua done() hook that prints the numbers as JSON.</summary>
public sealed class Wrk
{
    private const string Marker = "ACADEMY_BENCH_JSON ";

    /// <summary>Latencies are in microseconds in wrk; everything is printed as numbers with a fixed format.</summary>
    private const string ReportScript = """
        -- Written by tests/Academy.Benchmarks: prints wrk's summary as one JSON line when the run is done.
        done = function(summary, latency, requests)
          local e = summary.errors
          io.write(string.format(
            'ACADEMY_BENCH_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"p50_us":%.1f,"p90_us":%.1f,"p95_us":%.1f,"p99_us":%.1f,"max_us":%.1f,"mean_us":%.1f,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}\n',
            summary.requests, summary.duration, summary.bytes,
            latency:percentile(50.0), latency:percentile(90.0), latency:percentile(95.0), latency:percentile(99.0), latency.max, latency.mean,
            e.connect, e.read, e.write, e.status, e.timeout))
        end
        """;

    private Wrk(string path, string version, string scriptFile)
    {
        Path = path;
        Version = version;
        ScriptFile = scriptFile;
    }

    public string Path { get; }
    public string Version { get; }
    public string ScriptFile { get; }

    /// <summary>
    /// ACADEMY_WRK, else wrk on the PATH, else Debian's package installed with apt-get (as root, or with sudo -n).
    /// Throws <see cref="BenchmarkException"/> with exit code 3 when there is none.
    /// </summary>
    public static async Task<Wrk> LocateAsync(string workDirectory, TextWriter log)
    {
        var path = Find();
        if (path is null)
        {
            log.WriteLine("wrk is not installed; trying Debian's package (apt-get install -y wrk) …");
            var install = await InstallAsync();
            path = Find();
            if (path is null)
            {
                throw new BenchmarkException(
                    "wrk (the HTTP load generator) is missing and could not be installed automatically" +
                    (install.Length > 0 ? $":\n{install.Trim()}\n" : ".\n") +
                    "Install it with `sudo apt-get install -y wrk` (Debian/Ubuntu) or put a wrk binary on the PATH " +
                    "(or point ACADEMY_WRK at it), then run the benchmark again.",
                    exitCode: 3);
            }
        }
        var (_, versionOutput) = await RunAsync(path, ["--version"], TimeSpan.FromSeconds(10));
        var version = versionOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "wrk";
        var script = System.IO.Path.Combine(workDirectory, "report.lua");
        await File.WriteAllTextAsync(script, ReportScript);
        return new Wrk(path, version, script);
    }

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("ACADEMY_WRK");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Append("/usr/bin").Append("/usr/local/bin"))
        {
            var candidate = System.IO.Path.Combine(dir, "wrk");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>apt-get install -y wrk (after apt-get update when the first try fails); returns what went wrong, if anything.</summary>
    private static async Task<string> InstallAsync()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get"))
        {
            return "this is not a Debian-like system with apt-get";
        }
        string[] prefix = IsRoot() ? [] : File.Exists("/usr/bin/sudo") ? ["sudo", "-n"] : ["(not root and no sudo)"];
        if (prefix is ["(not root and no sudo)"])
        {
            return "apt-get needs root, and sudo is not available";
        }
        var output = new StringBuilder();
        string[][] attempts = [["install", "-y", "wrk"], ["update"], ["install", "-y", "wrk"]];
        foreach (var attempt in attempts)
        {
            string file;
            string[] args;
            if (prefix.Length == 0)
            {
                file = "/usr/bin/apt-get";
                args = attempt;
            }
            else
            {
                file = prefix[0];
                args = [.. prefix[1..], "/usr/bin/apt-get", .. attempt];
            }
            var (exit, text) = await RunAsync(file, args, TimeSpan.FromMinutes(5), ("DEBIAN_FRONTEND", "noninteractive"));
            if (exit == 0 && attempt[0] == "install")
            {
                return "";
            }
            if (exit != 0)
            {
                output.AppendLine($"apt-get {string.Join(' ', attempt)} failed (exit {exit}): {LastLines(text, 5)}");
            }
        }
        return output.ToString();
    }

    /// <summary>Runs wrk against <paramref name="url"/> and parses what the Lua hook printed.</summary>
    public async Task<WrkResult> RunAsync(Uri url, int threads, int connections, int durationSeconds, IReadOnlyList<string> headers)
    {
        List<string> args = ["-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{durationSeconds}s", "--timeout", "10s", "--latency", "-s", ScriptFile];
        foreach (var header in headers)
        {
            args.Add("-H");
            args.Add(header);
        }
        args.Add(url.ToString());

        var (exit, output) = await RunAsync(Path, args, TimeSpan.FromSeconds(durationSeconds + 60));
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal));
        if (exit != 0 || line is null)
        {
            throw new BenchmarkException($"wrk failed (exit {exit}) for {url}:\n{output.Trim()}");
        }
        using var json = JsonDocument.Parse(line[Marker.Length..]);
        var r = json.RootElement;
        double Ms(string name) => r.GetProperty(name).GetDouble() / 1000.0;
        long N(string name) => (long)r.GetProperty(name).GetDouble();
        return new WrkResult(
            N("requests"), r.GetProperty("duration_us").GetDouble() / 1_000_000.0, N("bytes"),
            Ms("p50_us"), Ms("p90_us"), Ms("p95_us"), Ms("p99_us"), Ms("max_us"), Ms("mean_us"),
            N("connect"), N("read"), N("write"), N("status"), N("timeout"),
            output);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, IReadOnlyList<string> args, TimeSpan timeout, params (string Key, string Value)[] environment)
    {
        var psi = new ProcessStartInfo(file);
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment)
        {
            psi.Environment[key] = value;
        }
        try
        {
            var outcome = await ProcessRunner.RunAsync(psi, timeout);
            return outcome.ExitCode is { } exitCode
                ? (exitCode, outcome.Output)
                : (124, $"timed out after {timeout.TotalSeconds:0} s\n{outcome.Output}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (127, $"could not start {file}: {e.Message}");
        }
    }

    private static string LastLines(string text, int count) =>
        string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(count));

    private static bool IsRoot()
    {
        try
        {
            return geteuid() == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return Environment.UserName == "root";
        }
    }

    [DllImport("libc")]
    private static extern uint geteuid();
}
