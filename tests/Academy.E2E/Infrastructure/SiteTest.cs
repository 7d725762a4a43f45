using Academy.Testing;
using Microsoft.Playwright;

namespace Academy.E2E.Infrastructure;

/// <summary>
/// Base class of the E2E test classes (all in <c>[Collection("site")]</c>, so they share one site and one
/// browser and run one after the other). Every page a test opens gets its own browser context, and those
/// contexts are closed when the test ends — also when it fails.
/// </summary>
public abstract class SiteTest(SiteFixture site) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    protected SiteFixture Site => site;

    /// <summary>A page in a fresh, anonymous browser context (see <see cref="SiteFixture.NewPageAsync"/>).</summary>
    protected Task<IPage> NewPageAsync(Action<BrowserNewContextOptions>? configure = null) =>
        Track(site.NewPageAsync(configure));

    /// <summary>A page in a fresh browser context signed in as the site's administrator (role Beheerder).</summary>
    protected Task<IPage> NewAdminPageAsync(Action<BrowserNewContextOptions>? configure = null) =>
        Track(site.NewAdminPageAsync(configure));

    /// <summary>A page in a fresh browser context signed in as <paramref name="email"/>.</summary>
    protected Task<IPage> NewSignedInPageAsync(string email, string password) =>
        Track(site.NewSignedInPageAsync(email, password));

    /// <summary>
    /// Waits (up to 30 s: the site's background worker sends the mail) for the first mail to
    /// <paramref name="to"/> whose subject contains <paramref name="subject"/>; fails when none arrives.
    /// </summary>
    protected async Task<ReceivedMail> MailAsync(string to, string subject)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var mail = (await site.Mail.MessagesAsync()).FirstOrDefault(m =>
                m.EnvelopeTo.Concat([m.To]).Any(a => a.Equals(to, StringComparison.OrdinalIgnoreCase)) &&
                m.Subject.Contains(subject, StringComparison.Ordinal));
            if (mail is not null) return mail;
            if (DateTime.UtcNow > until)
            {
                var seen = string.Join("\n", (await site.Mail.MessagesAsync()).Select(m => $"  {m.To}: {m.Subject}"));
                Assert.Fail($"No mail to {to} with subject containing '{subject}' arrived. Mails so far:\n{seen}\n--- site output ---\n{site.Site.Log[^Math.Min(4000, site.Site.Log.Length)..]}");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>Opens <paramref name="path"/>, expects a 2xx answer and a visible h1, and runs axe-core on the page.</summary>
    protected static async Task CheckPageAsync(IPage page, string path, string? because = null)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response is { Ok: true }, $"GET {path} answered {response?.Status}.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, because ?? path);
    }

    /// <summary>The first link in the page's main content whose path matches <paramref name="pattern"/>.</summary>
    protected static async Task<string> FirstLinkAsync(IPage page, string pattern)
    {
        var hrefs = await page.Locator("main a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var href = hrefs.FirstOrDefault(h => System.Text.RegularExpressions.Regex.IsMatch(h, pattern));
        Assert.True(href is not null, $"{page.Url} has no link matching {pattern}; links: {string.Join(", ", hrefs)}");
        return href!;
    }

    /// <summary>The first link in a mail's text or HTML body whose URL contains <paramref name="pathPart"/>.</summary>
    protected static string LinkIn(ReceivedMail mail, string pathPart)
    {
        var body = (mail.Text ?? "") + " " + (mail.Html ?? "");
        var match = System.Text.RegularExpressions.Regex.Match(body, @"https?://[^\s""'<>)\]]*" + System.Text.RegularExpressions.Regex.Escape(pathPart) + @"[^\s""'<>)\]]*");
        Assert.True(match.Success, $"The mail '{mail.Subject}' has no link containing {pathPart}:\n{mail.Text}");
        // A link that ends a sentence in the plain-text part: the full stop is not part of it (as mail clients read it).
        return System.Net.WebUtility.HtmlDecode(match.Value).TrimEnd('.', ',', ';', ':', '!', '?');
    }

    private async Task<IPage> Track(Task<IPage> opening)
    {
        var page = await opening;
        lock (_contexts) _contexts.Add(page.Context);
        return page;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        List<IBrowserContext> contexts;
        lock (_contexts)
        {
            contexts = [.. _contexts];
            _contexts.Clear();
        }
        foreach (var context in contexts)
        {
            try { await context.CloseAsync(); } catch (PlaywrightException) { }
        }
    }
}
