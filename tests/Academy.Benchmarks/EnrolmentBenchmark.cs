using System.Diagnostics;
using System.Net;

namespace Academy.Benchmarks;

/// <summary>A seeded user, logged in: its Cookie header, the antiforgery token bound to it, and its own connection.</summary>
public sealed record LoggedInUser(string Email, string Cookie, string Token, HttpClient Http);

/// <summary>How one enrol POST ended: the status code (0 when the request failed), where it redirected, and how long it took.</summary>
public readonly record struct EnrolAnswer(int Status, string? Location, double Milliseconds, string? Failure);

/// <summary>
/// The enrolment scenario (--enrolment): all seeded users log in; then all POST /aanmelden/{edition} at the same
/// moment on a small edition (the burst, checked in the database: exactly Capacity confirmed, the rest waitlisted
/// with sequences 1..N), and then workers keep enrolling users on the big editions for a while (the sustained run).
/// </summary>
public sealed class EnrolmentBenchmark(BenchOptions options, SiteProcess site, SiteClient client, EnrolmentSeed seed, EnrolmentDatabase database, Func<string> loadAverage)
{
    /// <summary>The password of every seeded user (the Users recipe step checks it against the password policy).</summary>
    public const string UserPassword = "Benchmark-Aanmelden-2026!";

    private readonly List<string> _failures = [];

    /// <summary>Runs prepare, burst, check and sustained run; false when something failed (already printed).</summary>
    public async Task<bool> RunAsync()
    {
        var users = await PrepareAsync();
        try
        {
            await BurstAsync(users);
            await SustainedAsync(users);
        }
        finally
        {
            foreach (var user in users)
            {
                user.Http.Dispose();
            }
        }
        foreach (var failure in _failures)
        {
            Console.Error.WriteLine("FAILED: " + failure);
        }
        return _failures.Count == 0;
    }

    /// <summary>Logs every user in (cores × 2 at a time), then fetches each user's antiforgery token over that user's own connection.</summary>
    private async Task<List<LoggedInUser>> PrepareAsync()
    {
        var parallel = Environment.ProcessorCount * 2;
        Console.WriteLine();
        Console.WriteLine($"[1/3] Prepare: logging in {seed.UserEmails.Count} users, {parallel} at a time (load average {loadAverage()})");
        var watch = Stopwatch.StartNew();
        var cookies = new string[seed.UserEmails.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, cookies.Length), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, _) =>
            cookies[i] = await client.LogInAsync(seed.UserEmails[i], UserPassword));
        var loginTime = watch.Elapsed;

        // A second pass, after all logins, so every user's connection is fresh (not closed as idle) at the burst.
        watch.Restart();
        var offering = new Uri(site.BaseAddress, seed.OfferingPath);
        var fallback = new Uri(site.BaseAddress, "/account/uitloggen");
        var users = new LoggedInUser?[cookies.Length];
        var fromFallback = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, cookies.Length), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, _) =>
        {
            var http = NewClient(maxConnections: 1);
            // The offering page's enrol form carries the token; any form of the same user would do (the logout page has one).
            var form = await SiteClient.FormTokenAsync(http, offering, cookies[i]);
            if (form is null)
            {
                Interlocked.Increment(ref fromFallback);
                form = await SiteClient.FormTokenAsync(http, fallback, cookies[i])
                       ?? throw new BenchmarkException($"Neither {offering.AbsolutePath} nor {fallback.AbsolutePath} has a form with an antiforgery token.");
            }
            users[i] = new LoggedInUser(seed.UserEmails[i], form.Value.Cookie, form.Value.Token, http);
        });
        Console.WriteLine($"    logins: {loginTime.TotalSeconds:0.0} s ({cookies.Length / loginTime.TotalSeconds:0} per second); " +
                          $"tokens: {watch.Elapsed.TotalSeconds:0.0} s" +
                          (fromFallback > 0 ? $" ({fromFallback} from {fallback.AbsolutePath}: {seed.OfferingPath} has no form with a token)" : $" (from {seed.OfferingPath})"));
        return users.Select(u => u!).ToList();
    }

    /// <summary>Every user POSTs to the burst edition at once; then the database must hold Capacity confirmed and the rest waitlisted 1..N.</summary>
    private async Task BurstAsync(List<LoggedInUser> users)
    {
        Console.WriteLine();
        Console.WriteLine($"[2/3] Burst: {users.Count} simultaneous POST /aanmelden/{seed.BurstEditionId} on {options.BurstCapacity} seats (load average {loadAverage()})");
        var cpuBefore = site.CpuTime();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = users.Select(async user =>
        {
            await gate.Task;
            return await EnrolAsync(user.Http, user, seed.BurstEditionId);
        }).ToList();
        var watch = Stopwatch.StartNew();
        gate.SetResult();
        var answers = await Task.WhenAll(requests);
        var wall = watch.Elapsed;
        var cpu = site.CpuTime() - cpuBefore;

        var latencies = answers.Select(a => a.Milliseconds).Order().ToList();
        Console.WriteLine($"    all answered in {wall.TotalMilliseconds:0} ms ({users.Count / wall.TotalSeconds:0} requests/s); " +
                          $"latency p50 {Percentile(latencies, 50):0} ms, p99 {Percentile(latencies, 99):0} ms, max {latencies[^1]:0} ms; server CPU {cpu?.TotalSeconds:0.0} s");
        CheckAnswers("burst", answers);

        // What was stored, read from the database itself.
        var rows = (await database.RowsAsync([seed.BurstEditionId])).Where(r => r.Status is not ("Cancelled" or "Declined" or "Expired")).ToList();
        var confirmed = rows.Count(r => r.Status == "Confirmed");
        var waitlisted = rows.Where(r => r.Status == "Waitlisted").ToList();
        var sequences = waitlisted.Select(r => r.WaitlistSequence ?? 0).Order().ToList();
        var expectedConfirmed = Math.Min(options.BurstCapacity, users.Count);
        var expectedWaitlisted = users.Count - expectedConfirmed;
        var gapless = sequences.SequenceEqual(Enumerable.Range(1, expectedWaitlisted).Select(n => (long)n));
        var other = rows.Count - confirmed - waitlisted.Count;
        var ok = confirmed == expectedConfirmed && waitlisted.Count == expectedWaitlisted && gapless && other == 0;
        Console.WriteLine($"    database: {confirmed} Confirmed, {waitlisted.Count} Waitlisted" + (other > 0 ? $", {other} other" : "") +
                          $", waitlist sequences {(sequences.Count == 0 ? "none" : $"{sequences[0]}..{sequences[^1]}")}, " +
                          $"{(gapless ? "distinct and without gaps" : $"{sequences.Distinct().Count()} distinct, NOT 1..{expectedWaitlisted}")} — " +
                          (ok ? "as expected" : $"MISMATCH (expected {expectedConfirmed} Confirmed and {expectedWaitlisted} Waitlisted 1..{expectedWaitlisted})"));
        if (!ok)
        {
            _failures.Add($"burst: the database holds {confirmed} Confirmed and {waitlisted.Count} Waitlisted (sequences gapless: {gapless}, other: {other}), " +
                          $"expected {expectedConfirmed} and {expectedWaitlisted}.");
        }
    }

    /// <summary>
    /// For the set duration, workers enrol (user, edition) pairs on the big editions, taken round-robin over the editions so
    /// nobody is enrolled twice on one edition; success is counted in the database afterwards (the POST always redirects).
    /// </summary>
    private async Task SustainedAsync(List<LoggedInUser> users)
    {
        var editions = seed.BigEditionIds;
        var pairs = (long)users.Count * editions.Count;
        Console.WriteLine();
        Console.WriteLine($"[3/3] Sustained: {options.Connections} workers enrolling users on {editions.Count} editions for {options.DurationSeconds} s " +
                          $"({pairs} distinct user/edition pairs available; load average {loadAverage()})");
        var idle = await site.WaitUntilIdleAsync(TimeSpan.FromSeconds(30));
        if (idle.TotalSeconds > 2)
        {
            Console.WriteLine($"    waited {idle.TotalSeconds:0} s for the site to finish the burst's background work (outbox, mails)");
        }

        using var http = NewClient(options.Connections);
        var answers = new List<EnrolAnswer>[options.Connections];
        var perSecond = new int[options.DurationSeconds + 2];
        long next = -1;
        var cpuBefore = site.CpuTime();
        var watch = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(options.DurationSeconds);
        var workers = Enumerable.Range(0, options.Connections).Select(w => Task.Run(async () =>
        {
            var mine = answers[w] = [];
            long i;
            while (watch.Elapsed < deadline && (i = Interlocked.Increment(ref next)) < pairs)
            {
                var user = users[(int)(i / editions.Count % users.Count)];
                var answer = await EnrolAsync(http, user, editions[(int)(i % editions.Count)]);
                mine.Add(answer);
                if (answer.Status == 302)
                {
                    Interlocked.Increment(ref perSecond[Math.Min((int)watch.Elapsed.TotalSeconds, perSecond.Length - 1)]);
                }
            }
        })).ToList();
        await Task.WhenAll(workers);
        var elapsed = watch.Elapsed;
        var cpu = site.CpuTime() - cpuBefore;

        var all = answers.SelectMany(a => a).ToList();
        var latencies = all.Select(a => a.Milliseconds).Order().ToList();
        var stored = (await database.RowsAsync(editions)).Count(r => r.Status == "Confirmed");
        Console.WriteLine($"    {all.Count} requests in {elapsed.TotalSeconds:0.0} s: {stored} enrolments stored = {stored / elapsed.TotalSeconds:0} enrolments/s; " +
                          $"latency p50 {Percentile(latencies, 50):0.0} ms, p99 {Percentile(latencies, 99):0.0} ms, max {(latencies.Count == 0 ? 0 : latencies[^1]):0} ms; " +
                          $"server CPU {(cpu is { } c && all.Count > 0 ? $"{c.TotalMilliseconds / all.Count:0.0} ms per request" : "unknown")}");
        Console.WriteLine($"    redirects per second: {string.Join(' ', perSecond.Take((int)Math.Ceiling(elapsed.TotalSeconds)))}");
        CheckAnswers("sustained", all);
        var redirects = all.Count(a => a.Status == 302);
        if (stored != redirects)
        {
            _failures.Add($"sustained: {redirects} POSTs redirected but {stored} enrolments are stored (each pair is new, so every POST should enrol).");
        }
        if (next >= pairs)
        {
            Console.WriteLine($"    note: all {pairs} user/edition pairs were used before the time was up; use more --users or --editions.");
        }
    }

    /// <summary>Prints the status codes; anything but a redirect to the offering page counts as an error.</summary>
    private void CheckAnswers(string phase, IReadOnlyCollection<EnrolAnswer> answers)
    {
        var expected = seed.OfferingPath + "#groepen";
        var groups = answers
            .GroupBy(a => a.Failure is not null ? "failed: " + a.Failure
                : a.Status == 302 && a.Location == expected ? "302 to the offering page"
                : a.Status is 301 or 302 or 303 ? $"{a.Status} to {a.Location}"
                : a.Status.ToString())
            .OrderByDescending(g => g.Count());
        Console.WriteLine($"    answers: {string.Join(", ", groups.Select(g => $"{g.Count()} × {g.Key}"))}");
        var errors = answers.Count(a => a.Failure is not null || a.Status != 302 || a.Location != expected);
        var serverErrors = answers.Count(a => a.Status >= 500);
        if (errors > 0)
        {
            _failures.Add($"{phase}: {errors} of {answers.Count} answers were not a redirect to {expected} ({serverErrors} server errors).");
        }
    }

    /// <summary>One enrol POST as the offering page's form sends it: the user's cookie and antiforgery token.</summary>
    private async Task<EnrolAnswer> EnrolAsync(HttpClient http, LoggedInUser user, string editionId)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(site.BaseAddress, "/aanmelden/" + Uri.EscapeDataString(editionId)))
            {
                Content = new FormUrlEncodedContent([new("__RequestVerificationToken", user.Token)]),
            };
            request.Headers.Add("Cookie", user.Cookie);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            await response.Content.LoadIntoBufferAsync();
            var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery + l.Fragment : l.OriginalString) : null;
            return new EnrolAnswer((int)response.StatusCode, location, Stopwatch.GetElapsedTime(start).TotalMilliseconds, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return new EnrolAnswer(0, null, Stopwatch.GetElapsedTime(start).TotalMilliseconds, e.GetType().Name + ": " + e.Message);
        }
    }

    /// <summary>A client that sends cookies only as explicit Cookie headers (so one handler can serve many users) and does not follow redirects.</summary>
    private static HttpClient NewClient(int maxConnections) => new(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = maxConnections,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
        ConnectTimeout = TimeSpan.FromSeconds(30),
    })
    {
        Timeout = TimeSpan.FromMinutes(5),
    };

    private static double Percentile(IReadOnlyList<double> sorted, double percent) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
