using Microsoft.Playwright;

namespace Academy.E2E.Infrastructure;

/// <summary>
/// One running site and one headless Chromium for every test class in the "site" collection
/// (<c>[Collection("site")]</c>). Each <see cref="NewPageAsync"/> call gets its own browser
/// context (fresh cookies and storage), so tests do not share a login unless they want to.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    /// <summary>Debian's chromium; override with ACADEMY_CHROMIUM. Playwright never downloads browsers here.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("ACADEMY_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
    ];

    private readonly List<IBrowserContext> _contexts = [];
    private SiteServer? _site;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public SiteServer Site => _site ?? throw new InvalidOperationException("The site fixture has not been initialised.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The site fixture has not been initialised.");

    public string BaseUrl => Site.BaseUrl;

    public string AdminEmail => Site.AdminEmail;

    public string AdminPassword => Site.AdminPassword;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Chromium was not found at {ChromiumPath}. Install Debian's chromium (`apt-get install -y chromium`; ./test.sh does this) or set ACADEMY_CHROMIUM.");

        // Start the browser while the site sets itself up.
        var siteTask = SiteServer.StartAsync();
        try
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
                Timeout = 60_000,
            });
        }
        catch
        {
            // Do not orphan the site process when the browser cannot start.
            try { (await siteTask).Dispose(); } catch (Exception) { }
            await CloseBrowserAsync();
            throw;
        }

        try
        {
            _site = await siteTask;
        }
        catch
        {
            await CloseBrowserAsync();
            throw;
        }
    }

    /// <summary>
    /// A page in a new browser context: Dutch locale, Amsterdam time zone, relative URLs resolve
    /// against <see cref="BaseUrl"/>. CSP is bypassed by default so axe can be injected; pass
    /// <paramref name="configure"/> to change options (for example <c>o =&gt; o.BypassCSP = false</c>
    /// in a test that checks the Content-Security-Policy itself).
    /// </summary>
    public async Task<IPage> NewPageAsync(Action<BrowserNewContextOptions>? configure = null)
    {
        var options = new BrowserNewContextOptions
        {
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
            BaseURL = BaseUrl,
            BypassCSP = true,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        };
        configure?.Invoke(options);
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        lock (_contexts) _contexts.Add(context);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await CloseBrowserAsync();
        _site?.Dispose();
        _site = null;
    }

    private async Task CloseBrowserAsync()
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
        if (_browser is not null)
        {
            try { await _browser.CloseAsync(); } catch (PlaywrightException) { }
            _browser = null;
        }
        _playwright?.Dispose();
        _playwright = null;
    }
}

[CollectionDefinition("site")]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
}
