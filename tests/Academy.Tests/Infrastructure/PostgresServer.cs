using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Academy.Testing;

/// <summary>
/// A private, throw-away PostgreSQL server for tests.
/// <para>
/// It uses the server binaries of the newest <c>/usr/lib/postgresql/*/bin</c> (Debian's
/// <c>postgresql</c> package; override with the environment variable <c>ACADEMY_PG_BIN</c>),
/// initialises a fresh cluster in a temporary directory, listens on a free loopback port only,
/// trusts every local connection (role <c>academy</c>, a superuser) and trades durability for
/// speed (fsync off). When the test process runs as root the server runs as an unprivileged
/// system user (<c>postgres</c> if it exists, otherwise <c>academytest</c>, created on demand with
/// useradd; <c>ACADEMY_PG_OS_USER</c> overrides the name),
/// because PostgreSQL refuses to run as root.
/// </para>
/// <para>
/// Databases are created with the <c>createdb</c> binary, so this class has no compile-time
/// dependency on Npgsql. Use <see cref="ConnectionString"/> to talk to them with Npgsql.
/// </para>
/// </summary>
public sealed partial class PostgresServer : IAsyncDisposable, IDisposable
{
    public const string SuperUser = "academy";
    public const string Host = "127.0.0.1";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(120);
    private readonly SemaphoreSlim _createLock = new(1, 1);
    private readonly string? _runAsUser;
    private int _disposed;

    private PostgresServer(string binDir, string rootDir, string? runAsUser)
    {
        BinDir = binDir;
        RootDirectory = rootDir;
        _runAsUser = runAsUser;
    }

    /// <summary>The directory holding initdb, pg_ctl, postgres, createdb and psql.</summary>
    public string BinDir { get; }

    /// <summary>The temporary directory owning the cluster, the socket and the log; deleted on dispose.</summary>
    public string RootDirectory { get; }

    public string DataDirectory => Path.Combine(RootDirectory, "data");

    public string LogFile => Path.Combine(RootDirectory, "postgres.log");

    /// <summary>The loopback TCP port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>The OS user the server runs as (null: the current user).</summary>
    public string? OsUser => _runAsUser;

    /// <summary>An Npgsql connection string for <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) =>
        $"Host={Host};Port={Port};Username={SuperUser};Database={database};Include Error Detail=true";

    /// <summary>Starts a fresh server. Throws <see cref="InvalidOperationException"/> with a readable reason when it cannot.</summary>
    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var binDir = FindBinDirectory();
        var runAs = IsRoot() ? await EnsureUnprivilegedUserAsync(cancellationToken) : null;

        // As root the server user must be able to reach the directory, so stay out of $TMPDIR
        // (which could live under /root) and use /tmp.
        var baseTemp = runAs is not null && Directory.Exists("/tmp") ? "/tmp" : Path.GetTempPath();
        var root = Path.Combine(baseTemp, "academy-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);

        var server = new PostgresServer(binDir, root, runAs);
        try
        {
            await server.InitAndStartAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Creates database <paramref name="name"/> (letters, digits and underscores; it must not exist yet)
    /// and returns its connection string.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!DatabaseNameRegex().IsMatch(name))
            throw new ArgumentException($"Database name '{name}' must match {DatabaseNameRegex()} (lower-case letters, digits, underscores, at most 63 characters).", nameof(name));
        ObjectDisposedException.ThrowIf(_disposed != 0, this);

        await _createLock.WaitAsync(cancellationToken);
        try
        {
            var result = await RunAsync(Tool("createdb"),
                ["-h", Host, "-p", Port.ToString(), "-U", SuperUser, "-E", "UTF8", "--no-password", name],
                asServerUser: false, cancellationToken);
            if (result.ExitCode != 0)
                throw new InvalidOperationException($"createdb {name} failed (exit {result.ExitCode}):\n{result.Output}");
        }
        finally
        {
            _createLock.Release();
        }
        return ConnectionString(name);
    }

    /// <summary>
    /// Runs SQL through <c>psql</c> (unaligned, tuples only, stop on the first error) and returns its
    /// standard output. Handy for tests that must not depend on a driver.
    /// </summary>
    public async Task<string> PsqlAsync(string database, string sql, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var result = await RunAsync(Tool("psql"),
            ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", Host, "-p", Port.ToString(), "-U", SuperUser, "-d", database, "-c", sql],
            asServerUser: false, cancellationToken);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"psql failed (exit {result.ExitCode}) running: {sql}\n{result.Output}");
        return result.StdOut;
    }

    /// <summary>Runs a file of SQL (a plain <c>pg_dump</c>, say) through <c>psql -f</c>, stopping on the first error.</summary>
    public async Task PsqlFileAsync(string database, string file, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var result = await RunAsync(Tool("psql"),
            ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", Host, "-p", Port.ToString(), "-U", SuperUser, "-d", database, "-f", file],
            asServerUser: false, cancellationToken);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"psql -f {file} failed (exit {result.ExitCode}):\n{result.Output}");
    }

    private async Task InitAndStartAsync(CancellationToken ct)
    {
        if (_runAsUser is not null)
        {
            var chown = await RunAsync("chown", ["-R", _runAsUser, RootDirectory], asServerUser: false, ct);
            if (chown.ExitCode != 0)
                throw new InvalidOperationException($"chown {_runAsUser} {RootDirectory} failed:\n{chown.Output}");
        }
        else if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(RootDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var init = await RunAsync(Tool("initdb"),
            ["-D", DataDirectory, "--auth=trust", "-U", SuperUser, "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions"],
            asServerUser: true, ct);
        if (init.ExitCode != 0)
            throw new InvalidOperationException($"initdb failed (exit {init.ExitCode}){UserNote()}:\n{init.Output}");

        // A port picked by binding port 0 can be taken by someone else before the server binds it: retry.
        Exception? last = null;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Port = FreeLoopbackPort();
            var options = $"-h {Host} -p {Port} -k {RootDirectory} -F -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
            var start = await RunAsync(Tool("pg_ctl"),
                ["start", "-w", "-t", "60", "-D", DataDirectory, "-l", LogFile, "-o", options],
                asServerUser: true, ct);
            if (start.ExitCode == 0)
            {
                AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
                return;
            }
            last = new InvalidOperationException(
                $"pg_ctl start failed (exit {start.ExitCode}) on port {Port}{UserNote()}:\n{start.Output}\n--- server log ({LogFile}) ---\n{ReadLog()}");
        }
        throw last!;
    }

    private string UserNote() => _runAsUser is null ? "" : $" (running as OS user '{_runAsUser}')";

    private string ReadLog()
    {
        try { return File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no log file)"; }
        catch (Exception e) { return $"(log unreadable: {e.Message})"; }
    }

    private string Tool(string name)
    {
        var path = Path.Combine(BinDir, name);
        if (File.Exists(path)) return path;
        // Client tools normally sit next to the server binaries; fall back to the PATH (Debian's postgresql-client wrappers).
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException($"PostgreSQL tool '{name}' not found in {BinDir} nor on PATH.");
    }

    /// <summary>Finds the newest <c>/usr/lib/postgresql/N/bin</c> that holds initdb, pg_ctl and postgres.</summary>
    public static string FindBinDirectory()
    {
        string[] required = ["initdb", "pg_ctl", "postgres"];
        var overrideDir = Environment.GetEnvironmentVariable("ACADEMY_PG_BIN");
        if (!string.IsNullOrWhiteSpace(overrideDir))
        {
            var missing = required.Where(t => !File.Exists(Path.Combine(overrideDir, t))).ToList();
            if (missing.Count > 0)
                throw new InvalidOperationException($"ACADEMY_PG_BIN={overrideDir} lacks {string.Join(", ", missing)}.");
            return overrideDir;
        }

        const string root = "/usr/lib/postgresql";
        var candidates = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: ParseVersion(Path.GetFileName(d))))
                .Where(c => c.Version is not null && required.All(t => File.Exists(Path.Combine(c.Dir, t))))
                .OrderByDescending(c => c.Version)
                .ToList()
            : [];
        if (candidates.Count == 0)
            throw new InvalidOperationException(
                "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found under /usr/lib/postgresql/*/bin. " +
                "Install them with `apt-get install -y postgresql` (./test.sh does this), or point ACADEMY_PG_BIN at a bin directory.");
        return candidates[0].Dir;

        static Version? ParseVersion(string s) =>
            Version.TryParse(s.Contains('.') ? s : s + ".0", out var v) ? v : null;
    }

    private static bool IsRoot()
    {
        if (OperatingSystem.IsWindows()) return false;
        try { return geteuid() == 0; }
        catch (Exception) { return Environment.UserName == "root"; }
    }

    [DllImport("libc", SetLastError = false)]
    private static extern uint geteuid();

    private static readonly SemaphoreSlim UserLock = new(1, 1);

    private static async Task<string> EnsureUnprivilegedUserAsync(CancellationToken ct)
    {
        // ACADEMY_PG_OS_USER names the user to use (created when missing); by default 'postgres'
        // (Debian's postgresql package creates it) or else 'academytest'.
        var configured = Environment.GetEnvironmentVariable("ACADEMY_PG_OS_USER");
        string[] candidates = string.IsNullOrWhiteSpace(configured) ? ["postgres", "academytest"] : [configured];
        var toCreate = candidates[^1];

        await UserLock.WaitAsync(ct);
        try
        {
            foreach (var candidate in candidates)
                if (await UserExistsAsync(candidate, ct)) return candidate;

            var add = await RunProcessAsync("useradd",
                ["--system", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", "--user-group", toCreate],
                null, null, ct);
            // Another test process may have created it at the same moment.
            if (await UserExistsAsync(toCreate, ct)) return toCreate;
            throw new InvalidOperationException(
                $"Running as root, PostgreSQL needs an unprivileged OS user; none of {string.Join(", ", candidates)} exists and useradd {toCreate} failed (exit {add.ExitCode}):\n{add.Output}");
        }
        finally
        {
            UserLock.Release();
        }
    }

    private static async Task<bool> UserExistsAsync(string user, CancellationToken ct)
    {
        try { return (await RunProcessAsync("id", ["-u", user], null, null, ct)).ExitCode == 0; }
        catch (System.ComponentModel.Win32Exception) { return false; }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private Task<ProcessResult> RunAsync(string file, IReadOnlyList<string> args, bool asServerUser, CancellationToken ct)
    {
        if (asServerUser && _runAsUser is not null)
        {
            // runuser (util-linux) switches user without PAM prompts; setpriv is the fallback.
            if (File.Exists("/usr/sbin/runuser") || File.Exists("/sbin/runuser") || File.Exists("/usr/bin/runuser"))
                return RunProcessAsync("runuser", ["-u", _runAsUser, "--", file, .. args], RootDirectory, _runAsUser, ct);
            return RunProcessAsync("setpriv",
                ["--reuid", _runAsUser, "--regid", _runAsUser, "--init-groups", "--", file, .. args], RootDirectory, _runAsUser, ct);
        }
        return RunProcessAsync(file, args, RootDirectory, null, ct);
    }

    private static async Task<ProcessResult> RunProcessAsync(string file, IReadOnlyList<string> args, string? workingDirectory, string? asUser, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        // Keep the cluster independent of the caller's libpq settings and locale.
        foreach (var v in new[] { "PGDATA", "PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGPASSWORD", "PGSERVICE", "PGOPTIONS", "PGSSLMODE" })
            psi.Environment.Remove(v);
        psi.Environment["LC_ALL"] = "C";
        psi.Environment["LANG"] = "C";
        if (asUser is not null)
        {
            psi.Environment["HOME"] = workingDirectory ?? "/tmp";
            psi.Environment["USER"] = asUser;
            psi.Environment["LOGNAME"] = asUser;
        }

        using var process = new Process { StartInfo = psi };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Could not start '{file}': {e.Message}", e);
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            process.WaitForExit(); // flush the asynchronous readers
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            if (ct.IsCancellationRequested) throw;
            throw new TimeoutException($"'{file} {string.Join(' ', args)}' did not finish within {CommandTimeout.TotalSeconds:0} s.\n{stdout}{stderr}");
        }
        string o, e2;
        lock (stdout) o = stdout.ToString();
        lock (stderr) e2 = stderr.ToString();
        return new ProcessResult(process.ExitCode, o, e2);
    }

    private sealed record ProcessResult(int ExitCode, string StdOut, string StdErr)
    {
        public string Output => (StdOut + StdErr).Trim();
    }

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                RunAsync(Tool("pg_ctl"), ["stop", "-D", DataDirectory, "-m", "immediate", "-w", "-t", "30"], asServerUser: true, CancellationToken.None)
                    .GetAwaiter().GetResult();
            }
        }
        catch (Exception)
        {
            // Best effort: a server we cannot stop must not hide the test result.
        }
        finally
        {
            TryDeleteDirectory(RootDirectory);
            _createLock.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        // pg_ctl stop -m immediate is quick; run it off the caller's thread.
        return new ValueTask(Task.Run(Dispose));
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

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseNameRegex();
}

/// <summary>
/// One private PostgreSQL server for every test class in the "postgres" collection
/// (<c>[Collection("postgres")]</c>). Each test should create its own database with
/// <see cref="CreateDatabaseAsync"/> so tests never see each other's data.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;
    private int _counter;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL fixture has not been initialised.");

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }

    /// <summary>The connection string of <paramref name="database"/> on the shared server.</summary>
    public string ConnectionString(string database) => Server.ConnectionString(database);

    /// <summary>
    /// Creates a fresh database with a unique name starting with <paramref name="prefix"/> and
    /// returns its connection string.
    /// </summary>
    public Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        var safe = new string(prefix.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        if (safe.Length > 40) safe = safe[..40];
        if (safe.Length == 0 || char.IsAsciiDigit(safe[0])) safe = "db_" + safe;
        var name = $"{safe}_{Interlocked.Increment(ref _counter)}_{Guid.NewGuid().ToString("N")[..8]}";
        return Server.CreateDatabaseAsync(name);
    }
}

[CollectionDefinition("postgres")]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
}
