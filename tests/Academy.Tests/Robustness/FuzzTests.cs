using Academy.Testing;
using AngleSharp.Html.Parser;

namespace Academy.Tests.Robustness;

/// <summary>
/// The deterministic fuzz test of finding 6 (fixed seed, bounded): thousands of malformed requests over every POST route
/// and every form the crawl finds, and not one answer of 500 or more, nor an error in the log.
/// </summary>
public sealed class FuzzTests(RobustSite site) : IClassFixture<RobustSite>
{
    public const int MinimumRequests = 2000;

    [Fact]
    public async Task Malformed_requests_to_every_post_route_never_get_a_server_error_on_sqlite()
    {
        var report = await FuzzRun.RunAsync(site.Factory, site.Errors, MinimumRequests);
        AssertClean(report);
        AssertNoInlineScriptOrStyle(report.Pages);
    }

    internal static void AssertClean(FuzzReport report)
    {
        Assert.True(report.ServerErrors.Count == 0,
            $"{report.ServerErrors.Count} of {report.Requests} requests got a server error:\n" + string.Join('\n', report.ServerErrors.Take(5))
            + "\nLogged:\n" + string.Join('\n', report.ErrorLog.Distinct().Take(5)) + "\n" + report.Timings);
        Assert.True(report.ErrorLog.Count == 0, "Errors logged during the fuzz run:\n" + string.Join('\n', report.ErrorLog.Distinct().Take(30)));
        Assert.True(report.Requests >= MinimumRequests, $"Only {report.Requests} requests were sent.");
        Assert.True(report.UncoveredRoutes.Count == 0, "POST routes without fuzzing:\n" + string.Join('\n', report.UncoveredRoutes));
        // Most targets must have been reached past authorization and antiforgery, or the run proves little.
        Assert.True(report.TargetsPastBinding * 10 >= report.Targets * 9,
            $"Only {report.TargetsPastBinding} of {report.Targets} fuzz targets got past antiforgery into the action.");
    }

    /// <summary>The Content-Security-Policy allows no inline script or style: no page may need them.</summary>
    private static void AssertNoInlineScriptOrStyle(IReadOnlyList<(string Url, string Html)> pages)
    {
        var parser = new HtmlParser();
        var problems = new List<string>();
        foreach (var (url, html) in pages)
        {
            var document = parser.ParseDocument(html);
            problems.AddRange(document.QuerySelectorAll("script:not([src])").Where(s => s.GetAttribute("type") != "application/ld+json")
                .Select(_ => $"{url}: inline <script>"));
            problems.AddRange(document.QuerySelectorAll("style").Select(_ => $"{url}: <style> element"));
            problems.AddRange(document.All.Where(e => e.HasAttribute("style")).Select(e => $"{url}: style attribute on <{e.LocalName}>"));
            problems.AddRange(document.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.Ordinal))
                .Select(a => $"{url}: event handler attribute {a.Name}"));
            problems.AddRange(document.QuerySelectorAll("a[href^='javascript:']").Select(_ => $"{url}: javascript: link"));
        }
        Assert.True(pages.Count > 40, $"The crawl found only {pages.Count} pages.");
        Assert.True(problems.Count == 0, "Inline script or style that the Content-Security-Policy blocks:\n" + string.Join('\n', problems.Distinct().Take(30)));
    }
}

/// <summary>A robustness site on its own database of the private PostgreSQL server.</summary>
public sealed class PostgresRobustSite(string connectionString) : RobustSite(connectionString);

/// <summary>The fuzz test on PostgreSQL, which refuses what SQLite stores (NUL characters, over-long index keys).</summary>
public sealed class FuzzPostgresTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Malformed_requests_to_every_post_route_never_get_a_server_error_on_postgres()
    {
        using var site = new PostgresRobustSite(await postgres.CreateDatabaseAsync("fuzz"));
        FuzzTests.AssertClean(await FuzzRun.RunAsync(site.Factory, site.Errors, FuzzTests.MinimumRequests));
    }
}
