using System.Data.Common;
using System.Diagnostics;
using Academy.E2E.Infrastructure;
using Academy.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Academy.Tests.Email;

/// <summary>
/// Crash = crash: the real site (a separate Kestrel process) sends a few hundred queued mails to a slow SMTP
/// server and is killed with SIGKILL in the middle of a hand-over; restarted on the same database it delivers
/// every mail within a minute, each Message-Id exactly once.
/// <para>
/// The kill lands while the server holds one mail unanswered (its data sent, no "250" yet): the moment a crash
/// most often hits a slow server, and the one that leaves a mail marked "being handed over" plus the rest of the
/// dead process's batch under its lease. The server discards the held mail when the client vanishes, as a real
/// one does. A kill in the milliseconds between a "250" and the update that records it could still deliver a
/// mail twice (documented in docs/reliability.md); that case is covered without a process by MailLeaseTests.
/// </para>
/// </summary>
public static class MailCrashScenario
{
    public const int Mails = 300;
    /// <summary>Late in the run, so the killed process leaves sent mails, a batch under its lease and free mails behind.</summary>
    private const int HeldMail = 250;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(string? postgres)
    {
        var appData = Path.Combine(Path.GetTempPath(), "academy-crash", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(appData);
        try
        {
            await QueueMailsAsync(appData, postgres);
            await using var smtp = new SmtpTestServer { DelayMilliseconds = 5, HoldMail = HeldMail };
            await smtp.StartAsync();
            var environment = Environment(appData, postgres, smtp);

            ReceivedMail? held;
            var first = await SiteServer.StartAsync(environment);
            try
            {
                held = await smtp.WaitForHeldAsync(TimeSpan.FromMinutes(3));
                Assert.True(held is not null, $"The site never handed over mail {HeldMail}.\n{first.Log}");
                var state = await StateAsync(appData, postgres);
                Assert.Equal(HeldMail - 1, state.Count(m => m.Status == "Sent"));
                Assert.Equal([held.MessageId], state.Where(m => m.Status == "HandingOver").Select(m => m.MessageId));
                Assert.Contains(state, m => m.Status == "Queued" && m.Leased); // the rest of the killed process's batch
            }
            finally
            {
                first.Dispose(); // Process.Kill: SIGKILL, no shutdown code runs
            }
            var sinceKill = Stopwatch.StartNew();

            await using var second = await SiteServer.StartAsync(environment);
            var total = (await StateAsync(appData, postgres)).Count;
            var received = await smtp.WaitForMessagesAsync(total, Limit - sinceKill.Elapsed);
            var took = sinceKill.Elapsed;
            if (received.Count < total || took > Limit)
            {
                var left = (await StateAsync(appData, postgres)).Where(m => m.Status != "Sent").GroupBy(m => (m.Status, m.Leased));
                Assert.Fail($"{received.Count} of {total} mails arrived in {took.TotalSeconds:0.0} s after the kill; not sent: "
                    + string.Join(", ", left.Select(g => $"{g.Count()} {g.Key.Status}{(g.Key.Leased ? " leased" : "")}")) + $"\n{second.Log}");
            }

            var final = await SettledAsync(appData, postgres);
            received = await smtp.MessagesAsync();
            Assert.Equal(final.Select(m => m.MessageId).Order(), received.Select(m => m.MessageId!).Order());
            Assert.Single(received, m => m.MessageId == held.MessageId);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(appData, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Sets the database up and queues the mails with the site's own mail queue (in process, worker off).</summary>
    private static async Task QueueMailsAsync(string appData, string? postgres)
    {
        await using var factory = postgres is null ? new AcademyFactory() : new AcademyFactory(postgres);
        factory.Settings["Academy:AppDataPath"] = appData;
        var drafts = Enumerable.Range(1, Mails).Select(i => MailTestKit.Draft($"crash-{i:000}", $"deelnemer{i:000}@example.nl")).ToArray();
        await MailTestKit.QueueAsync(factory.Services, drafts);
    }

    private static Dictionary<string, string?> Environment(string appData, string? postgres, SmtpTestServer smtp)
    {
        var environment = smtp.Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => (string?)s.Value);
        environment["Academy__AppDataPath"] = appData;
        if (postgres is not null)
        {
            environment["Academy__Database__Provider"] = "Postgres";
            environment["Academy__Database__ConnectionString"] = postgres;
        }
        return environment;
    }

    private sealed record MailRow(string MessageId, string Status, bool Leased);

    /// <summary>Waits (briefly) until no mail is left unsent, so no late duplicate can still be on its way.</summary>
    private static async Task<List<MailRow>> SettledAsync(string appData, string? postgres)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var rows = await StateAsync(appData, postgres);
            if (rows.All(m => m.Status == "Sent") || DateTime.UtcNow > deadline)
            {
                Assert.All(rows, m => Assert.Equal("Sent", m.Status));
                return rows;
            }
            await Task.Delay(100);
        }
    }

    /// <summary>The mail table as the site left it, read straight from its database.</summary>
    private static async Task<List<MailRow>> StateAsync(string appData, string? postgres)
    {
        await using DbConnection connection = postgres is null
            ? new SqliteConnection($"Data Source={Path.Combine(appData, "academy.db")};Pooling=False")
            : new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "MessageId", "Status", "LeaseOwner" FROM "MailMessages" """;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<MailRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new MailRow(reader.GetString(0), reader.GetString(1), !reader.IsDBNull(2)));
        }
        return rows;
    }
}
