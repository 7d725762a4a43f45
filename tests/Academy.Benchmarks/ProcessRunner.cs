using System.Diagnostics;
using System.Text;

namespace Academy.Benchmarks;

/// <summary>How a child process ended: its exit code (null when it timed out and was killed) and its combined output.</summary>
public sealed record ProcessOutcome(int? ExitCode, string Output, TimeSpan Elapsed);

/// <summary>Runs a child process to completion within a time limit, collecting stdout and stderr together.</summary>
public static class ProcessRunner
{
    /// <exception cref="System.ComponentModel.Win32Exception">The program could not be started.</exception>
    public static async Task<ProcessOutcome> RunAsync(ProcessStartInfo startInfo, TimeSpan timeout)
    {
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        using var process = new Process { StartInfo = startInfo };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        var watch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        int? exitCode;
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
            process.WaitForExit();
            exitCode = process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            exitCode = null;
        }
        watch.Stop();
        lock (output)
        {
            return new ProcessOutcome(exitCode, output.ToString(), watch.Elapsed);
        }
    }
}
