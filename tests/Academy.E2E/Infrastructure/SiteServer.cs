using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Academy.E2E.Infrastructure;

/// <summary>
/// Runs the real site (<c>dotnet Academy.Web.dll</c>) as a separate Kestrel process on a free
/// loopback port, with a fresh App_Data directory, the embedded SQLite database and the
/// midden-gelderland setup recipe. The E2E project references Academy.Web, so the site's
/// binaries, appsettings, recipes/ and content/ sit next to the test assembly; the site runs
/// with that directory as working directory (and therefore content root).
/// </summary>
public sealed class SiteServer : IDisposable, IAsyncDisposable
{
    public const string DefaultAdminEmail = "admin@example.nl";
    public const string DefaultAdminPassword = "E2e-Leeracademie!2026";
    public const string DefaultRecipe = "midden-gelderland";

    /// <summary>
    /// An environment value containing this text gets the site's base URL in its place (the port is only
    /// known at launch), for example <c>Academy__PublicBaseUrl = BaseUrlPlaceholder</c> so mail links open in the test.
    /// </summary>
    public const string BaseUrlPlaceholder = "{BaseUrl}";

    private const int MaxLogChars = 200_000;
    private readonly StringBuilder _log = new();
    private readonly Process _process;
    private readonly IReadOnlyDictionary<string, string?>? _environment;
    private int _disposed;

    private SiteServer(Process process, IReadOnlyDictionary<string, string?>? environment, string baseUrl, string appDataPath,
        string adminEmail, string adminPassword)
    {
        _process = process;
        _environment = environment;
        BaseUrl = baseUrl;
        AppDataPath = appDataPath;
        AdminEmail = adminEmail;
        AdminPassword = adminPassword;
    }

    /// <summary>For example <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseUrl { get; }

    public int Port => new Uri(BaseUrl).Port;

    public string AdminEmail { get; }

    public string AdminPassword { get; }

    /// <summary>The site's fresh App_Data directory (database, mail pickup, media, Lucene indexes); deleted on dispose.</summary>
    public string AppDataPath { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the site wrote to stdout and stderr so far (the last 200,000 characters).</summary>
    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    /// <summary>Where Academy.Web.dll is expected: next to the test assembly.</summary>
    public static string SiteDirectory => AppContext.BaseDirectory;

    /// <summary>
    /// Starts the site and waits until <c>GET /healthz</c> answers 200.
    /// <paramref name="environment"/> adds or overrides environment variables
    /// (for example <c>Academy__Email__...</c>); a null value removes one.
    /// </summary>
    public static async Task<SiteServer> StartAsync(
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? startupTimeout = null,
        CancellationToken cancellationToken = default)
    {
        // A limit, not a measurement: the site answers as soon as it can, but it starts next to the other test project
        // (test.sh runs both at once) and a busy 2-core machine has needed more than 90 s for a fresh setup.
        var timeout = startupTimeout ?? TimeSpan.FromSeconds(180);
        Exception? last = null;
        // A free port can be taken by someone else before Kestrel binds it: retry on that only.
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var server = Launch(environment);
            try
            {
                await server.WaitUntilHealthyAsync(timeout, cancellationToken);
                return server;
            }
            catch (Exception e)
            {
                var addressInUse = server.Log.Contains("address already in use", StringComparison.OrdinalIgnoreCase);
                server.Dispose();
                last = e;
                if (!addressInUse) throw;
            }
        }
        throw last!;
    }

    private static SiteServer Launch(IReadOnlyDictionary<string, string?>? environment)
    {
        var port = FreeLoopbackPort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var appData = Path.Combine(Path.GetTempPath(), "academy-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        environment = environment?.ToDictionary(e => e.Key, e => e.Value?.Replace(BaseUrlPlaceholder, baseUrl, StringComparison.Ordinal));
        var psi = StartInfo(appData, environment, ["--urls", baseUrl]);
        Directory.CreateDirectory(appData);
        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var server = new SiteServer(process, environment, baseUrl, appData,
            psi.Environment.TryGetValue("Academy__Setup__AdminEmail", out var email) && email is not null ? email : DefaultAdminEmail,
            psi.Environment.TryGetValue("Academy__Setup__AdminPassword", out var password) && password is not null ? password : DefaultAdminPassword);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        try
        {
            process.Start();
        }
        catch (Exception e)
        {
            TryDeleteDirectory(appData);
            throw new InvalidOperationException($"Could not start '{psi.FileName} {string.Join(' ', psi.ArgumentList)}': {e.Message}", e);
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>
    /// <c>dotnet Academy.Web.dll ARGS</c> in the site directory, with the test site's clean environment
    /// (fresh App_Data, SQLite, admin credentials) plus <paramref name="environment"/>.
    /// </summary>
    private static ProcessStartInfo StartInfo(string appData, IReadOnlyDictionary<string, string?>? environment, IEnumerable<string> args)
    {
        var siteDir = SiteDirectory;
        var siteDll = Path.Combine(siteDir, "Academy.Web.dll");
        if (!File.Exists(siteDll))
            throw new InvalidOperationException($"Academy.Web.dll was not found in {siteDir}. The E2E project must reference src/Academy.Web and be built first.");

        var psi = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = siteDir,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        psi.ArgumentList.Add(siteDll);
        foreach (var arg in args) psi.ArgumentList.Add(arg);

        // Start from a clean slate: nothing from the developer's shell may change the site under test.
        foreach (var key in psi.Environment.Keys.ToList())
        {
            if (key.StartsWith("Academy__", StringComparison.OrdinalIgnoreCase) ||
                key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) ||
                key.Equals("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase) ||
                key.Equals("DOTNET_URLS", StringComparison.OrdinalIgnoreCase))
                psi.Environment.Remove(key);
        }
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["Academy__AppDataPath"] = appData;
        psi.Environment["Academy__Database__Provider"] = "Sqlite";
        psi.Environment["Academy__Setup__AdminEmail"] = DefaultAdminEmail;
        psi.Environment["Academy__Setup__AdminPassword"] = DefaultAdminPassword;
        psi.Environment["Academy__Setup__Recipe"] = DefaultRecipe;
        // Journeys through /admin log in with a password only; the two-step journey switches this back on.
        psi.Environment["Academy__Users__TwoFactor__RequiredForStaff"] = "false";
        // Every journey logs in from 127.0.0.1; one shared site sees more than the 20 logins per 5 minutes a
        // real address may make. The throttle itself is covered by the unit tests (Users/LoginThrottleTests).
        psi.Environment["Academy__Users__LoginAttemptsPerWindow"] = "100000";
        // Hashing every test password with Identity's 100,000 PBKDF2 rounds costs CPU the journeys do not test.
        psi.Environment["Academy__Users__PasswordHashIterations"] = "1000";
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                if (value is null) psi.Environment.Remove(key);
                else psi.Environment[key] = value;
            }
        }
        return psi;
    }

    /// <summary>
    /// Runs the site's command line (for example <c>recipe run FILE</c>) against this site's database
    /// while the site keeps running, and returns its exit code and output.
    /// </summary>
    public async Task<(int ExitCode, string Output)> RunCommandAsync(IEnumerable<string> args, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var psi = StartInfo(AppDataPath, _environment, args);
        using var process = new Process { StartInfo = psi };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw new TimeoutException($"'{string.Join(' ', psi.ArgumentList)}' did not finish in time.\n--- output ---\n{output}");
        }
        process.WaitForExit(); // flush the asynchronous output readers
        lock (output) return (process.ExitCode, output.ToString());
    }

    /// <summary>Writes <paramref name="recipeJson"/> to a file in App_Data and runs it with <c>recipe run</c>; throws when it fails.</summary>
    public async Task RunRecipeAsync(string name, string recipeJson, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(AppDataPath, "e2e-recipes");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, name + ".recipe.json");
        await File.WriteAllTextAsync(file, recipeJson, cancellationToken);
        var (exitCode, output) = await RunCommandAsync(["recipe", "run", file], cancellationToken: cancellationToken);
        if (exitCode != 0)
            throw new InvalidOperationException($"recipe run {name} exited with {exitCode}.\n--- output ---\n{output}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log)
        {
            _log.AppendLine(line);
            if (_log.Length > MaxLogChars) _log.Remove(0, _log.Length - MaxLogChars);
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        string lastAnswer = "no answer yet";
        while (deadline.Elapsed < timeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                _process.WaitForExit(); // flush output
                throw new InvalidOperationException(
                    $"The site exited with code {_process.ExitCode} before /healthz answered 200.\n--- site output ---\n{Log}");
            }
            try
            {
                using var response = await http.GetAsync(BaseUrl + "/healthz", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK) return;
                lastAnswer = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                lastAnswer = e.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                lastAnswer = "request timed out";
            }
            await Task.Delay(250, cancellationToken);
        }
        throw new TimeoutException(
            $"The site at {BaseUrl} did not answer GET /healthz with 200 within {timeout.TotalSeconds:0} s (last: {lastAnswer}).\n--- site output ---\n{Log}");
    }

    private static string DotnetHost()
    {
        // The dotnet CLI tells child processes which host it is; the test host itself usually runs under it.
        var fromCli = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromCli) && File.Exists(fromCli)) return fromCli;
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) return self;
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root))
        {
            var candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            if (File.Exists(candidate)) return candidate;
        }
        return "dotnet";
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Not started or already gone.
        }
        finally
        {
            _process.Dispose();
            TryDeleteDirectory(AppDataPath);
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static void TryDeleteDirectory(string dir)
    {
        for (var i = 0; i < 5; i++)
        {
            try
            {
                if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
                return;
            }
            catch (Exception) when (i < 4)
            {
                Thread.Sleep(200);
            }
            catch (Exception)
            {
                return;
            }
        }
    }
}
