using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Academy.Benchmarks;

/// <summary>
/// The real site as a child process: <c>dotnet Academy.Web.dll --urls http://127.0.0.1:PORT</c> in Production,
/// with its own data folder and database. Also runs the site's CLI verbs with the same environment.
/// </summary>
public sealed class SiteProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Queue<string> _tail = new();
    private bool _closed;

    private SiteProcess(Process process, StreamWriter log, Uri baseAddress, string logFile)
    {
        _process = process;
        _log = log;
        BaseAddress = baseAddress;
        LogFile = logFile;
    }

    public Uri BaseAddress { get; }
    public string LogFile { get; }
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>The folder that holds Academy.Web.dll and the recipes/ and content/ it ships with (this program's output folder).</summary>
    public static string SiteDirectory => AppContext.BaseDirectory;

    public static string SiteDll => Path.Combine(SiteDirectory, "Academy.Web.dll");

    public static SiteProcess Start(IReadOnlyDictionary<string, string> environment, string logFile)
    {
        var port = FreeLoopbackPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var psi = StartInfo(environment, ["--urls", baseAddress.ToString().TrimEnd('/')]);
        var log = new StreamWriter(logFile, append: false) { AutoFlush = true };
        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var site = new SiteProcess(process, log, baseAddress, logFile);
        process.OutputDataReceived += (_, e) => site.Append(e.Data);
        process.ErrorDataReceived += (_, e) => site.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return site;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_tail)
        {
            if (_closed)
            {
                return;
            }
            _log.WriteLine(line);
            _tail.Enqueue(line);
            while (_tail.Count > 60)
            {
                _tail.Dequeue();
            }
        }
    }

    /// <summary>The last lines the server wrote (for error messages).</summary>
    public string Tail()
    {
        lock (_tail)
        {
            return _tail.Count == 0 ? "(the server wrote nothing)" : string.Join(Environment.NewLine, _tail);
        }
    }

    /// <summary>Polls /healthz until it answers 200; fails when the process exits or the time runs out.</summary>
    public async Task WaitUntilHealthyAsync(HttpClient http, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        Exception? last = null;
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new BenchmarkException($"The site exited with code {_process.ExitCode} before /healthz answered. Last output:\n{Tail()}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "/healthz"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
                last = new HttpRequestException($"/healthz answered {(int)response.StatusCode}");
            }
            catch (HttpRequestException e)
            {
                last = e;
            }
            await Task.Delay(250);
        }
        throw new BenchmarkException($"/healthz did not answer 200 within {timeout.TotalSeconds:0} s ({last?.Message}). Last output:\n{Tail()}");
    }

    /// <summary>
    /// Waits until the server uses less than 5% of a core for a whole second (background work after seeding,
    /// such as outbox dispatching, would otherwise skew the first scenario). Returns how long it waited.
    /// </summary>
    public async Task<TimeSpan> WaitUntilIdleAsync(TimeSpan max)
    {
        var watch = Stopwatch.StartNew();
        var previous = CpuTime();
        while (watch.Elapsed < max && previous is not null)
        {
            await Task.Delay(1000);
            var now = CpuTime();
            if (now is null || (now.Value - previous.Value).TotalSeconds < 0.05)
            {
                break;
            }
            previous = now;
        }
        return watch.Elapsed;
    }

    /// <summary>User + system CPU time of the server so far (from /proc/PID/stat).</summary>
    public TimeSpan? CpuTime()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
            // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / (double)ClockTicksPerSecond());
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A field of /proc/PID/status in kB (VmHWM = peak resident set size, VmRSS = current).</summary>
    public long? StatusKilobytes(string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    var value = line[(field.Length + 1)..].Trim();
                    return long.Parse(value.Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
        }
        return null;
    }

    /// <summary>Runs <c>dotnet Academy.Web.dll ARGS</c> (a CLI verb) with the site's environment and returns exit code and output.</summary>
    public static async Task<(int ExitCode, string Output, TimeSpan Elapsed)> RunCliAsync(IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> args, TimeSpan timeout)
    {
        var outcome = await ProcessRunner.RunAsync(StartInfo(environment, args), timeout);
        if (outcome.ExitCode is not { } exitCode)
        {
            throw new BenchmarkException($"'dotnet Academy.Web.dll {string.Join(' ', args)}' did not finish within {timeout.TotalMinutes:0} minutes.\n{outcome.Output}");
        }
        return (exitCode, outcome.Output, outcome.Elapsed);
    }

    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> args)
    {
        if (!File.Exists(SiteDll))
        {
            throw new BenchmarkException($"{SiteDll} is missing: build the benchmark (it references Academy.Web) first.");
        }
        var psi = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = SiteDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        psi.ArgumentList.Add(SiteDll);
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }
        // Our own launch settings must not leak into the site.
        foreach (var name in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_URLS", "ASPNETCORE_HOSTINGSTARTUPASSEMBLIES" })
        {
            psi.Environment.Remove(name);
        }
        foreach (var (key, value) in environment)
        {
            psi.Environment[key] = value;
        }
        return psi;
    }

    /// <summary>The dotnet host that runs this program (DOTNET_HOST_PATH, the current process, PATH, or next to the runtime).</summary>
    private static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "dotnet");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        // <root>/shared/Microsoft.NETCore.App/<version>/ → <root>/dotnet
        var runtimeDir = RuntimeEnvironment.GetRuntimeDirectory();
        var root = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
        var fallback = Path.Combine(root, "dotnet");
        return File.Exists(fallback) ? fallback : "dotnet";
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static long ClockTicksPerSecond()
    {
        try
        {
            var ticks = sysconf(2 /* _SC_CLK_TCK on Linux */);
            return ticks > 0 ? ticks : 100;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return 100;
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern long sysconf(int name);

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    /// <summary>Stops the server: SIGTERM (graceful shutdown), then SIGKILL after 10 seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                try
                {
                    kill(_process.Id, 15);
                }
                catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
                {
                    _process.Kill();
                }
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await _process.WaitForExitAsync(cts.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync();
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
        finally
        {
            lock (_tail)
            {
                _closed = true;
                _log.Dispose();
            }
            _process.Dispose();
        }
    }
}

/// <summary>A failure with a message meant for the person running the benchmark.</summary>
public sealed class BenchmarkException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
