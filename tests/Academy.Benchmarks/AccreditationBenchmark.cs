using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Academy.Benchmarks;

/// <summary>What the completion run measured.</summary>
public sealed record CompletionResult(
    IReadOnlyList<(string SessionId, double PostMs, HttpStatusCode Status)> Saves,
    double? AllCertificatesSeconds, double? AllMailsSeconds, double? DoneSeconds, TimeSpan? ServerCpu,
    WorkflowCounts Final, int EmlFiles, IReadOnlyList<string> Problems);

/// <summary>
/// The accreditation scenario's own steps (the wrk part reuses the catalogue's loop in Program.cs): appending a large
/// ledger and register profiles straight into the database, then the coördinator saving the attendance of every
/// session of the group, timed until the workflow "Accreditatie-uren toekennen" has written a certificate, award
/// entries and a sent mail for every participant, with the database checked for doubles afterwards.
/// </summary>
public sealed partial class AccreditationBenchmark(
    BenchOptions options, SiteProcess site, SiteClient client, AccreditationSeed seeded, AccreditationDatabase database, string mailFolder)
{
    /// <summary>Part of the certificate mail's subject ("Je certificaat: {OfferingTitle}", src/Academy.Accreditation/Defaults/defaults.json).</summary>
    public const string MailSubjectPart = "benchmark accreditatie";

    /// <summary>
    /// Register numbers and consent for every participant (so the exports list them), <c>--my-entries</c> manual entries
    /// for the administrator (/mijn-leeruren) and <c>--ledger</c> awards of made-up people over three years, twelve
    /// organisations and eight themes (the dashboard). Returns the administrator's account id.
    /// </summary>
    public async Task<string> SeedLedgerAsync(string adminEmail, IReadOnlyList<string> organisationIds, IReadOnlyList<string> themeIds)
    {
        var watch = Stopwatch.StartNew();
        var registers = await database.RegistersAsync();
        var ids = await database.UserIdsAsync(seeded.ParticipantEmails.Append(adminEmail));
        if (!ids.TryGetValue(adminEmail.ToLowerInvariant(), out var adminId))
        {
            throw new BenchmarkException($"The administrator {adminEmail} has no account in AspNetUsers.");
        }
        var participantIds = seeded.ParticipantEmails.Select(e => ids.GetValueOrDefault(e.ToLowerInvariant())).OfType<string>().ToList();
        if (participantIds.Count != seeded.ParticipantEmails.Count)
        {
            throw new BenchmarkException($"Only {participantIds.Count} of the {seeded.ParticipantEmails.Count} seeded participants have an account.");
        }
        var accredited = registers.Where(r => SeedRecipe.AccreditationRegisters.Contains(r.Id)).ToList();
        await database.SeedRegisterProfilesAsync(participantIds, accredited);
        Console.WriteLine($"Register numbers and consent for {participantIds.Count} participants ({accredited.Count} registers) in {watch.Elapsed.TotalSeconds:0.0} s");

        var random = new Random(2026_12_01);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var firstDay = new DateOnly(today.Year - 2, 1, 1);
        var span = today.DayNumber - firstDay.DayNumber;
        var organisations = organisationIds.Take(12).ToList();
        var themes = themeIds.Take(8).ToList();
        DateOnly Day() => DateOnly.FromDayNumber(firstDay.DayNumber + random.Next(span + 1));
        string Themes() => string.Join('|', themes.OrderBy(_ => random.Next()).Take(random.Next(1, 3)));

        watch.Restart();
        var mine = Enumerable.Range(1, options.MyEntries).Select(n =>
        {
            var register = registers[n % registers.Count];
            return new LedgerSeedRow($"bench-manual:{n}", "Manual", adminId, adminEmail.ToLowerInvariant(), "Beheerder benchmark", register.Id,
                random.Next(1, 9), Day(), $"bench-extern-{n % 40}", $"Externe scholing {n % 40 + 1} (benchmark)", null, organisations[0], Themes(),
                "Benchmark: handmatig bijgeschreven");
        }).ToList();
        await database.AppendLedgerAsync(mine);
        Console.WriteLine($"Ledger: {mine.Count} manual entries for {adminEmail} in {watch.Elapsed.TotalSeconds:0.0} s");

        watch.Restart();
        const int people = 5_000;
        var awards = Enumerable.Range(1, options.LedgerEntries).Select(n =>
        {
            var person = random.Next(1, people + 1);
            var register = registers[random.Next(registers.Count)];
            return new LedgerSeedRow($"bench-award:{n}", "Award", null, $"persoon{person:00000}@dashboard.benchmark.example.nl", $"Persoon {person}", register.Id,
                random.Next(1, 17), Day(), $"bench-aanbod-{n % 300}", $"Aanbod {n % 300 + 1} (benchmark)", 90_000_000L + n,
                organisations[person % organisations.Count], Themes(), null);
        }).ToList();
        await database.AppendLedgerAsync(awards);
        Console.WriteLine($"Ledger: {awards.Count} award entries of {people} people over {today.Year - 2}–{today.Year}, {organisations.Count} organisations, " +
                          $"{themes.Count} themes in {watch.Elapsed.TotalSeconds:0.0} s");
        return adminId;
    }

    /// <summary>
    /// Saves every session's attendance (everyone present) as the coördinator's form does, and waits until the workflow
    /// has finished for every participant: a certificate, one award per register and a sent mail each.
    /// </summary>
    public async Task<CompletionResult> CompleteGroupAsync(string cookie)
    {
        var n = seeded.ParticipantEmails.Count;
        var problems = new List<string>();
        var saves = new List<(string, double, HttpStatusCode)>();
        var cpuBefore = site.CpuTime();
        var clock = new Stopwatch();
        foreach (var sessionId in seeded.SessionIds)
        {
            var uri = new Uri(site.BaseAddress, $"/admin/presentie/{Uri.EscapeDataString(seeded.EditionId)}/{Uri.EscapeDataString(sessionId)}");
            var (html, token, pageCookie) = await SiteClient.FormPageAsync(client.Http, uri, cookie);
            var ids = EnrolmentField().Matches(html).Select(m => m.Groups["id"].Value).ToList();
            if (token is null || ids.Count != n)
            {
                throw new BenchmarkException($"{uri.AbsolutePath} shows {ids.Count} participant rows (expected {n}){(token is null ? " and no form" : "")}.");
            }
            var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
            for (var i = 0; i < ids.Count; i++)
            {
                fields.Add(new($"Lines[{i}].EnrolmentId", ids[i]));
                fields.Add(new($"Lines[{i}].Status", "aanwezig"));
                fields.Add(new($"Lines[{i}].Minutes", ""));
            }
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new FormUrlEncodedContent(fields) };
            request.Headers.Add("Cookie", pageCookie);
            clock.Restart();
            using var response = await client.Http.SendAsync(request);
            var postMs = clock.Elapsed.TotalMilliseconds;
            saves.Add((sessionId, postMs, response.StatusCode));
            Console.WriteLine($"    POST {uri.AbsolutePath}: {(int)response.StatusCode} in {postMs:0} ms ({n} lines)");
            if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther))
            {
                var body = await response.Content.ReadAsStringAsync();
                throw new BenchmarkException($"Saving the attendance of {sessionId} answered {(int)response.StatusCode}: {Regex.Replace(body, "<[^>]+>", " ")[..Math.Min(400, body.Length)]}");
            }
        }

        // The clock keeps running from the completing save: its POST, the outbox, the workflow instances, PDFs and mails.
        double? certificatesAt = null, mailsAt = null, doneAt = null;
        WorkflowCounts counts;
        var lastPrint = TimeSpan.Zero;
        while (true)
        {
            counts = await database.CountsAsync(seeded.EditionId, MailSubjectPart);
            var elapsed = clock.Elapsed;
            if (certificatesAt is null && counts.Certificates >= n)
            {
                certificatesAt = elapsed.TotalSeconds;
            }
            if (mailsAt is null && counts.MailsSent >= n)
            {
                mailsAt = elapsed.TotalSeconds;
            }
            if (counts.Certificates >= n && counts.Awards >= 2 * n && counts.MailsSent >= n)
            {
                doneAt = elapsed.TotalSeconds;
                break;
            }
            if (elapsed.TotalSeconds > options.WaitSeconds)
            {
                problems.Add($"not finished after {options.WaitSeconds} s (--wait): {counts}");
                break;
            }
            if (site.HasExited)
            {
                throw new BenchmarkException($"The site exited while the workflow ran. Last output:\n{site.Tail()}");
            }
            if (elapsed - lastPrint >= TimeSpan.FromSeconds(10))
            {
                lastPrint = elapsed;
                Console.WriteLine($"    after {elapsed.TotalSeconds:0} s: {counts} (load average {BenchmarkRun.LoadAverage()})");
            }
            await Task.Delay(250);
        }
        var cpuAfter = site.CpuTime();

        // Idempotency under load: once the site is idle again nothing may have been written twice.
        await site.WaitUntilIdleAsync(TimeSpan.FromSeconds(60));
        var final = await database.CountsAsync(seeded.EditionId, MailSubjectPart);
        if (final.Certificates != n || final.DistinctCertificateEnrolments != n)
        {
            problems.Add($"expected exactly {n} certificates for {n} enrolments, found {final.Certificates} for {final.DistinctCertificateEnrolments}");
        }
        if (final.Awards != 2 * n || final.DistinctAwards != 2 * n)
        {
            problems.Add($"expected exactly {2 * n} award entries ({n} participants × 2 registers), found {final.Awards} ({final.DistinctAwards} distinct)");
        }
        if (final.MailsSent + final.MailsQueued + final.MailsDead != n || final.MailsSent != n)
        {
            problems.Add($"expected exactly {n} certificate mails, all sent; found {final.MailsSent} sent, {final.MailsQueued} queued, {final.MailsDead} dead");
        }
        if (final.Faulted > 0)
        {
            problems.Add($"{final.Faulted} workflow instances faulted");
        }
        var eml = Directory.Exists(mailFolder) ? Directory.GetFiles(mailFolder, "*.eml").Length : 0;
        return new CompletionResult(saves, certificatesAt, mailsAt, doneAt, cpuBefore is not null && cpuAfter is not null ? cpuAfter - cpuBefore : null,
            final, eml, problems);
    }

    /// <summary>
    /// Downloads the PE-online export of the first register once: one line per participant (each has a valid number and
    /// consent), or a reason why not. Null when it is complete.
    /// </summary>
    public async Task<string?> CheckExportAsync(string cookie)
    {
        var path = $"/admin/accreditatie/edities/{Uri.EscapeDataString(seeded.EditionId)}/{SeedRecipe.AccreditationRegisters[0]}/pe-online.txt";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(site.BaseAddress, path));
        request.Headers.Add("Cookie", cookie);
        using var response = await client.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return $"GET {path} answered {(int)response.StatusCode}";
        }
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length;
        return lines == seeded.ParticipantEmails.Count ? null : $"{path} lists {lines} register numbers, expected {seeded.ParticipantEmails.Count}";
    }

    /// <summary>Prints the completion run as a small table.</summary>
    public void Print(CompletionResult r)
    {
        var n = seeded.ParticipantEmails.Count;
        static string S(double? seconds) => seconds is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "-";
        Console.WriteLine($"Completion to certificate mail ({options.Provider.ToString().ToLowerInvariant()}, {n} participants, {seeded.SessionIds.Count} sessions, 2 registers):");
        foreach (var (sessionId, ms, status) in r.Saves)
        {
            Console.WriteLine($"  attendance save {sessionId,-40} HTTP {(int)status}  {ms,8:0} ms");
        }
        Console.WriteLine($"  last (completing) save POST latency           {r.Saves[^1].PostMs,8:0} ms");
        Console.WriteLine($"  all {n} certificates issued after             {S(r.AllCertificatesSeconds),10}");
        Console.WriteLine($"  all {n} certificate mails sent after          {S(r.AllMailsSeconds),10}");
        Console.WriteLine($"  everything done (certificates, awards, mails) {S(r.DoneSeconds),10}" +
                          (r.DoneSeconds is > 0 ? $"  = {n / r.DoneSeconds.Value:0.0} participants/s" : ""));
        Console.WriteLine($"  server CPU from first save until done         {(r.ServerCpu is { } c ? c.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "-"),10}" +
                          (r.ServerCpu is { } cpu ? $"  = {cpu.TotalMilliseconds / n:0} ms per participant" : ""));
        Console.WriteLine($"  database afterwards: {r.Final}; .eml files in App_Data/mail: {r.EmlFiles}");
        Console.WriteLine(r.Problems.Count == 0
            ? $"  check: exactly {n} certificates, {2 * n} award entries and {n} sent mails - passed"
            : "  check FAILED: " + string.Join("; ", r.Problems));
    }

    [GeneratedRegex(@"name=""Lines\[\d+\]\.EnrolmentId"" value=""(?<id>\d+)""")]
    private static partial Regex EnrolmentField();
}
