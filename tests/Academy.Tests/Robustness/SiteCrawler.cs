using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Academy.Testing;
using Academy.Tests.Admin;
using Academy.Users;

namespace Academy.Tests.Robustness;

/// <summary>A browser of the fuzz and crawl tests, logged in as a recipe role (or a visitor), that logs in again when it was logged out.</summary>
public sealed class SiteUser(string name, Browser browser, string? email, string? password)
{
    private string? _token;

    public string Name { get; } = name;

    public Browser Browser { get; } = browser;

    public bool LoggedIn => email is not null;

    public int Relogins { get; private set; }

    public static SiteUser Visitor(AcademyFactory factory) => new("bezoeker", AdminTestKit.Anonymous(factory), null, null);

    /// <summary>A new account in <paramref name="role"/>, logged in.</summary>
    public static async Task<SiteUser> OfRoleAsync(AcademyFactory factory, string role)
    {
        var email = $"fuzz-{Guid.NewGuid():n}@example.nl";
        return new(role, await AdminTestKit.UserWithEmailAsync(factory, role, email), email, AdminTestKit.UserPassword);
    }

    /// <summary>Whether the response sends the browser to the login page (the challenge of a route that needs a login).</summary>
    public static bool IsLoginRedirect(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location
        && (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]) == UsersStartup.LoginPath;

    /// <summary>An antiforgery token for this user's cookie and identity.</summary>
    public async Task<string> TokenAsync() => _token ??= await Browser.TokenAsync(UsersStartup.LoginPath);

    /// <summary>Sends the request; when it shows this user was logged out (a fuzzed logout), logs in again for the next one.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        var response = await Browser.Client.SendAsync(request);
        if (LoggedIn && IsLoginRedirect(response))
        {
            await Browser.LoginAsync(email!, password!);
            _token = null;
            Relogins++;
        }
        return response;
    }
}

/// <summary>A form found on a page: where it posts, what a browser would send, and its submit buttons.</summary>
public sealed record CrawledForm(string Action, IReadOnlyList<KeyValuePair<string, string>> Values, IReadOnlyList<KeyValuePair<string, string>> Buttons);

/// <summary>Follows the site's own links (breadth first, in document order, so the same site gives the same walk).</summary>
public static class SiteCrawler
{
    private static readonly string[] Skipped = [".pdf", ".ics", ".csv", ".xlsx", ".txt", "/api/", "/healthz"];

    public static async Task<(List<CrawledForm> Forms, List<(string Url, string Html)> Pages)> CrawlAsync(SiteUser user, IEnumerable<string> start, int maxPages)
    {
        var queue = new Queue<string>(start);
        var seen = new HashSet<string>(queue);
        var forms = new List<CrawledForm>();
        var pages = new List<(string, string)>();
        while (queue.Count > 0 && pages.Count < maxPages)
        {
            var url = queue.Dequeue();
            var page = await user.Browser.GetAsync(url);
            if (page.Status != HttpStatusCode.OK || page.Response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            pages.Add((url, page.Html));
            foreach (var element in page.Document.QuerySelectorAll<IHtmlFormElement>("form"))
            {
                if (!string.Equals(element.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                var form = HtmlForm.From(element);
                var action = string.IsNullOrEmpty(form.Action) ? url.Split('?')[0] : form.Action;
                var buttons = element.QuerySelectorAll<IHtmlButtonElement>("button[name]").Select(b => new KeyValuePair<string, string>(b.Name!, b.Value)).ToList();
                forms.Add(new CrawledForm(WebUtility.HtmlDecode(action), form.Values, buttons));
            }
            foreach (var href in page.Document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) && !Skipped.Any(s => href.Contains(s, StringComparison.Ordinal))
                    && seen.Add(href.Split('#')[0]))
                {
                    queue.Enqueue(href.Split('#')[0]);
                }
            }
        }
        return (forms, pages);
    }
}
