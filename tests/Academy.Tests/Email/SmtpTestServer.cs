using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using MimeKit;

namespace Academy.Testing;

/// <summary>A mail as the test SMTP server received it.</summary>
public sealed record ReceivedMail(
    string? MessageId,
    string To,
    string? ToName,
    string From,
    string Subject,
    string? Text,
    string? Html,
    IReadOnlyList<string> AttachmentNames,
    IReadOnlyList<string> EnvelopeTo,
    MimeMessage Message);

/// <summary>
/// A real SMTP server on loopback (tests/smtp/server.js, node's smtp-server package) that accepts every mail.
/// Point the site at it with <see cref="Configure"/> (or <see cref="Settings"/>), start it, and read what
/// arrived with <see cref="MessagesAsync"/>. It can be stopped and started again on the same port (to play
/// an unreachable server); the received mails are kept across restarts.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "academy-smtp", Guid.NewGuid().ToString("n"));
    private Process? _process;

    public SmtpTestServer(int? port = null)
    {
        Port = port ?? FreePort();
        Directory.CreateDirectory(_folder);
        MailFile = Path.Combine(_folder, "received.jsonl");
    }

    public int Port { get; }

    /// <summary>One JSON line per received mail.</summary>
    public string MailFile { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>A slow server: each mail waits this long before it is stored and accepted (0 = at once).</summary>
    public int DelayMilliseconds { get; init; }

    /// <summary>The n-th mail (from 1) is never answered but written to <see cref="HeldFile"/> (0 = none); see tests/smtp/server.js.</summary>
    public int HoldMail { get; init; }

    public string HeldFile => MailFile + ".held";

    /// <summary>The site's settings for this server: Academy:Email:Smtp:Host/Port/Security.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Academy:Email:Smtp:Host"] = "127.0.0.1",
        ["Academy:Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Academy:Email:Smtp:Security"] = "None",
    };

    /// <summary>
    /// Copies <see cref="Settings"/> into a site's configuration, e.g. <c>smtp.Configure(factory.Settings)</c>
    /// before the factory's first use. (This file depends on nothing but MimeKit, so other test projects can link it.)
    /// </summary>
    public void Configure(IDictionary<string, string> settings)
    {
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }
    }

    /// <summary>A server on a free port, already listening.</summary>
    public static async Task<SmtpTestServer> StartNewAsync()
    {
        var server = new SmtpTestServer();
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            return;
        }
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ScriptPath());
        start.ArgumentList.Add(Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(MailFile);
        foreach (var (name, value) in new[] { ("--delay", DelayMilliseconds), ("--hold", HoldMail) }.Where(o => o.Item2 > 0))
        {
            start.ArgumentList.Add(name);
            start.ArgumentList.Add(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        _process = process;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !line.StartsWith("listening", StringComparison.Ordinal))
        {
            var error = await process.StandardError.ReadToEndAsync(CancellationToken.None);
            await StopAsync();
            throw new InvalidOperationException($"The test SMTP server did not start: {line} {error}");
        }
        // Keep draining its output so the pipe never fills up.
        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
    }

    public async Task StopAsync()
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        finally
        {
            process.Dispose();
        }
    }

    /// <summary>Every mail received so far, in arrival order.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> MessagesAsync()
    {
        if (!File.Exists(MailFile))
        {
            return [];
        }
        var lines = await File.ReadAllLinesAsync(MailFile);
        return lines.Where(l => l.Length > 0).Select(Parse).ToList();
    }

    /// <summary>Waits (up to <paramref name="timeout"/>, default 15 s) until at least <paramref name="count"/> mails arrived; for tests with the background worker on.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForMessagesAsync(int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var messages = await MessagesAsync();
            if (messages.Count >= count || DateTime.UtcNow > until)
            {
                return messages;
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until the server holds its <see cref="HoldMail"/>-th mail (the client waits for a reply) and returns it; null after the timeout.</summary>
    public async Task<ReceivedMail?> WaitForHeldAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (File.Exists(HeldFile) && (await File.ReadAllLinesAsync(HeldFile)).FirstOrDefault(l => l.Length > 0) is { } line)
            {
                return Parse(line);
            }
            await Task.Delay(20);
        }
        return null;
    }

    private static ReceivedMail Parse(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var raw = Convert.FromBase64String(root.GetProperty("raw").GetString()!);
        var message = MimeMessage.Load(new MemoryStream(raw));
        var to = message.To.Mailboxes.FirstOrDefault();
        return new ReceivedMail(
            message.MessageId,
            to?.Address ?? "",
            string.IsNullOrEmpty(to?.Name) ? null : to.Name,
            message.From.Mailboxes.FirstOrDefault()?.Address ?? "",
            message.Subject ?? "",
            message.TextBody,
            message.HtmlBody,
            message.Attachments.Select(a => a.ContentDisposition?.FileName ?? a.ContentType.Name ?? "").ToList(),
            root.GetProperty("envelopeTo").EnumerateArray().Select(e => e.GetString() ?? "").ToList(),
            message);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>tests/smtp/server.js, found by walking up from the test binaries to the repository.</summary>
    private static string ScriptPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "smtp", "server.js");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("tests/smtp/server.js not found above " + AppContext.BaseDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
