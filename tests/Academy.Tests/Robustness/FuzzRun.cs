using System.Diagnostics;
using System.Net;
using Academy.Testing;

namespace Academy.Tests.Robustness;

/// <summary>What a fuzz run sent and what came back.</summary>
public sealed record FuzzReport(int Requests, IReadOnlyList<string> ServerErrors, IReadOnlyList<string> ErrorLog,
    IReadOnlyList<string> UncoveredRoutes, int Targets, int TargetsPastBinding, TimeSpan Duration, IReadOnlyList<(string Url, string Html)> Pages)
{
    /// <summary>Where the time went: the crawl and the slowest kinds of request.</summary>
    public string Timings { get; init; } = "";
}

/// <summary>
/// Fuzzes every POST route of the site (from the endpoint data source) and every form the crawl finds: each target is
/// posted by a user whose role may use the route (a visitor for public routes), with that user's antiforgery token,
/// so the requests get past authorization and antiforgery into form reading and model binding.
/// </summary>
public static class FuzzRun
{
    public const int Seed = 20261203;

    public static async Task<FuzzReport> RunAsync(AcademyFactory factory, ErrorLog errors, int minimumRequests)
    {
        var clock = Stopwatch.StartNew();
        var users = new Dictionary<string, SiteUser> { ["bezoeker"] = SiteUser.Visitor(factory) };
        foreach (var role in RouteRoleMatrixTests.RecipeRoles)
        {
            users[role] = await SiteUser.OfRoleAsync(factory, role);
        }
        var permissions = await RouteRoleMatrixTests.RolePermissionsAsync(factory.Services);

        var endpoints = SiteEndpoint.All(factory.Services).Where(e => e.Method == "POST").ToList();
        SiteUser UserFor(SiteEndpoint e) => e.Rule == SiteEndpoint.Public ? users["bezoeker"]
            : e.Rule == SiteEndpoint.LoggedIn ? users["Professional"]
            : users[RouteRoleMatrixTests.RecipeRoles.First(r => e.Permissions.All(permissions[r].Contains))];

        // Real forms (real ids, real field names and submit commands): what each role sees on its own pages.
        var forms = new List<CrawledForm>();
        var pages = new List<(string Url, string Html)>();
        foreach (var (name, start, max) in new[]
        {
            ("bezoeker", new[] { "/", "/leeragenda", "/harrie", "/account/inloggen", "/account/uitloggen", "/certificaat" }, 15),
            ("Beheerder", ["/admin", "/admin/aanbod", "/admin/aanbod/nieuw/Workshop", "/admin/aanmeldingen", "/admin/accreditatie", "/admin/presentie",
                "/admin/workflows", "/admin/workflows/nieuw", "/admin/achtergrond", "/admin/e-mail", "/admin/accreditatie/leeruren"], 45),
            ("Professional", ["/leeragenda", "/mijn-aanmeldingen", "/mijn-registers", "/meldingen"], 10),
            ("Trainer", ["/presentie"], 10),
            ("Werkgever", ["/werkgever"], 10),
        })
        {
            var crawl = await SiteCrawler.CrawlAsync(users[name], start, max);
            forms.AddRange(crawl.Forms);
            pages.AddRange(crawl.Pages);
        }

        var crawlTime = clock.Elapsed;
        var caseTimes = new Dictionary<string, TimeSpan>();
        var targets = new List<(SiteEndpoint Endpoint, string Path, CrawledForm? Form)>();
        foreach (var endpoint in endpoints)
        {
            var found = forms.Where(f => BestMatch(endpoints, f.Action.Split('?')[0]) == endpoint)
                .DistinctBy(f => string.Join('&', f.Values.Select(v => v.Key)) + string.Join('&', f.Buttons.Select(b => b.Key)))
                .Take(3).ToList();
            targets.AddRange(found.Count > 0 ? found.Select(f => (endpoint, f.Action, (CrawledForm?)f)) : [(endpoint, endpoint.Fill(), null)]);
        }

        var fuzzer = new RequestFuzzer(Seed);
        var fixedCases = fuzzer.Cases("/", [], [], 0).Count();
        var randomPerTarget = Math.Max(10, (minimumRequests - fixedCases * targets.Count + targets.Count - 1) / targets.Count + 5);
        var serverErrors = new List<string>();
        var requests = 0;
        var pastBinding = 0;
        errors.Clear();
        foreach (var (endpoint, path, form) in targets)
        {
            var user = UserFor(endpoint);
            var reached = false;
            foreach (var fuzzCase in fuzzer.Cases(path, form?.Values ?? [], form?.Buttons ?? [], randomPerTarget))
            {
                using var request = fuzzCase.Build(await user.TokenAsync());
                var started = clock.Elapsed;
                using var response = await user.SendAsync(request);
                caseTimes[fuzzCase.Name] = caseTimes.GetValueOrDefault(fuzzCase.Name) + (clock.Elapsed - started);
                requests++;
                if ((int)response.StatusCode >= 500)
                {
                    serverErrors.Add($"{(int)response.StatusCode} for POST {request.RequestUri} ({fuzzCase.Name}) as {user.Name}");
                }
                // Past antiforgery into the action: anything but the 400 page and the login redirect.
                reached |= response.StatusCode != HttpStatusCode.BadRequest && !SiteUser.IsLoginRedirect(response);
            }
            pastBinding += reached ? 1 : 0;
        }

        var uncovered = endpoints.Where(e => targets.All(t => t.Endpoint != e)).Select(e => e.Key).ToList();
        return new FuzzReport(requests, serverErrors, errors.Entries, uncovered, targets.Count, pastBinding, clock.Elapsed, pages)
        {
            Timings = $"crawl of {pages.Count} pages {crawlTime.TotalSeconds:0.0} s, {requests} requests to {targets.Count} targets, total {clock.Elapsed.TotalSeconds:0.0} s; slowest: "
                + string.Join(", ", caseTimes.OrderByDescending(c => c.Value).Take(6).Select(c => $"{c.Key} {c.Value.TotalSeconds:0.0} s")),
        };
    }

    /// <summary>The POST route a form's action belongs to: the matching pattern with the fewest parameters.</summary>
    private static SiteEndpoint? BestMatch(IEnumerable<SiteEndpoint> endpoints, string path) =>
        endpoints.Where(e => e.Matches(path)).OrderBy(e => e.Pattern.Count(c => c == '{')).FirstOrDefault();
}
