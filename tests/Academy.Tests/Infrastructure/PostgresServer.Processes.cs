using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Academy.Testing;

/// <summary>Finding the server binaries, the unprivileged OS user, a free port, and running the tools as processes.</summary>
public sealed partial class PostgresServer
{
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
}
