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
