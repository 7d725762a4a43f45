namespace Academy.Benchmarks;

public sealed partial class BenchmarkRun
{
    /// <summary>
    /// The community fan-out scenario (CommunityFanoutBenchmark): a reply in a group whose members all follow it, timed as a
    /// POST and until every notification is written, then the daily digest for many people, timed until every mail is queued.
    /// </summary>
    private async Task<int> RunCommunityFanoutAsync(IReadOnlyDictionary<string, string> environment, SiteClient client, System.Diagnostics.Stopwatch totalWatch)
    {
        var recipeFile = RecipeFile(CommunityFanoutBenchmark.RecipeName);
        CommunityFanoutBenchmark.WriteRecipe(recipeFile, AdminEmail, Options.Members, Options.DigestPeople);
        var seed = await SeedAsync(environment, recipeFile);
        Console.WriteLine($"Seeding: {Options.Members + Options.DigestPeople} accounts and a group in {seed.Elapsed.TotalSeconds:0.0} s — {seed.LastLine}");

        var database = EnrolmentDatabase.ForSite(Options.Provider, environment);
        var accounts = new AccreditationDatabase(database);
        var memberIds = await accounts.UserIdsAsync(CommunityFanoutBenchmark.MemberEmails(Options.Members));
        var readerIds = await accounts.UserIdsAsync(CommunityFanoutBenchmark.ReaderEmails(Options.DigestPeople));
        var benchmark = new CommunityFanoutBenchmark(Options, _site!, client, database);

        Console.WriteLine();
        Console.WriteLine($"[fan-out] the administrator starts a topic and replies in a group of {memberIds.Count} followers (load average {LoadAverage()})");
        var cookie = await client.LogInAsync(AdminEmail, _adminPassword);
        var fanout = await benchmark.RunFanoutAsync(cookie, memberIds);
        Console.WriteLine($"[digest] the daily digest for {readerIds.Count} people, {CommunityFanoutBenchmark.DigestItems} notifications each (load average {LoadAverage()})");
        var (digestSeconds, digestMails) = await benchmark.RunDigestAsync(readerIds, fanout.TopicId);

        Console.WriteLine();
        Console.WriteLine($"{"step",-36} {"POST ms",8} {"all written s",14} {"notifications",14}");
        foreach (var r in fanout.Results)
        {
            Console.WriteLine($"{r.Step,-36} {r.PostMs,8:0} {(r.AllWrittenSeconds is { } s ? s.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "timed out"),14} {r.Written,14}");
        }
        Console.WriteLine($"{"daily digest",-36} {"",8} {digestSeconds,14:0.00} {digestMails,9} mails");
        var reply = fanout.Results[^1];
        Console.WriteLine($"Target: reply POST < 100 ms: {(reply.PostMs < 100 ? "met" : "NOT met")} ({reply.PostMs:0} ms)");
        Console.WriteLine($"Server peak RSS (VmHWM): {Mb(_site!.StatusKilobytes("VmHWM"))}; server CPU time in total: {_site.CpuTime()?.TotalSeconds:0.0} s");
        Console.WriteLine($"Total time: {totalWatch.Elapsed.TotalSeconds:0} s; load average now {LoadAverage()}");
        WarnIfBusy();
        var ok = fanout.Results.All(r => r.AllWrittenSeconds is not null) && digestMails == readerIds.Count;
        if (!ok)
        {
            Console.Error.WriteLine($"Not every notification or digest mail was written. Server log: {_site.LogFile}. Last lines:\n{_site.Tail()}");
            return 1;
        }
        _failed = false;
        return 0;
    }
}
