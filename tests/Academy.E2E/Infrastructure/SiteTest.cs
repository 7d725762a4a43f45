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
