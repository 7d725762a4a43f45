using Academy.Testing;

namespace Academy.Tests.Upgrade;

/// <summary>The release-1 SQLite file after its first start with today's code, and a site set up today.</summary>
public sealed class ReleaseOneSqliteSites : IAsyncLifetime
{
    private readonly List<AcademyFactory> _sites = [];

    public AcademyFactory Upgraded { get; }
    public AcademyFactory Fresh { get; } = new();

    public ReleaseOneSqliteSites()
    {
        Upgraded = ReleaseDatabases.SqliteSite(ReleaseOneUpgradeTests.Release);
    }

    public Task InitializeAsync()
    {
        Start(Upgraded);
        Start(Fresh);
        return Task.CompletedTask;
    }

    public AcademyFactory Start(AcademyFactory site)
    {
        _ = site.Server;
        lock (_sites)
        {
            _sites.Add(site);
        }
        return site;
    }

    public async Task DisposeAsync()
    {
        foreach (var site in _sites)
        {
            await site.DisposeAsync();
        }
    }
}

public sealed class ReleaseOneUpgradeSqliteTests(ReleaseOneSqliteSites sites) : ReleaseOneUpgradeTests, IClassFixture<ReleaseOneSqliteSites>
{
    protected override Task<AcademyFactory> UpgradedAsync() => Task.FromResult(sites.Upgraded);
    protected override Task<AcademyFactory> FreshAsync() => Task.FromResult(sites.Fresh);
    protected override Task<AcademyFactory> NewUpgradedAsync() => Task.FromResult(sites.Start(ReleaseDatabases.SqliteSite(Release)));
}

/// <summary>The release-1 PostgreSQL dump loaded into a new database and started with today's code, and a site set up today.</summary>
public sealed class ReleaseOnePostgresSites : IAsyncLifetime
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly List<AcademyFactory> _sites = [];
    private AcademyFactory? _upgraded;
    private AcademyFactory? _fresh;

    public async Task<AcademyFactory> UpgradedAsync(PostgresFixture postgres) =>
        _upgraded ??= await OnceAsync(() => _upgraded, () => NewUpgradedAsync(postgres));

    public async Task<AcademyFactory> FreshAsync(PostgresFixture postgres) =>
        _fresh ??= await OnceAsync(() => _fresh, async () => Start(new AcademyFactory(await postgres.CreateDatabaseAsync("fresh"))));

    public async Task<AcademyFactory> NewUpgradedAsync(PostgresFixture postgres) =>
        Start(await ReleaseDatabases.PostgresSiteAsync(postgres, ReleaseOneUpgradeTests.Release));

    private async Task<AcademyFactory> OnceAsync(Func<AcademyFactory?> current, Func<Task<AcademyFactory>> create)
    {
        await _lock.WaitAsync();
        try
        {
            return current() ?? await create();
        }
        finally
        {
            _lock.Release();
        }
    }

    private AcademyFactory Start(AcademyFactory site)
    {
        _ = site.Server;
        lock (_sites)
        {
            _sites.Add(site);
        }
        return site;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var site in _sites)
        {
            await site.DisposeAsync();
        }
        _lock.Dispose();
    }
}

public sealed class ReleaseOneUpgradePostgresTests(PostgresFixture postgres, ReleaseOnePostgresSites sites)
    : ReleaseOneUpgradeTests, IClassFixture<ReleaseOnePostgresSites>, IClassFixture<PostgresFixture>
{
    protected override Task<AcademyFactory> UpgradedAsync() => sites.UpgradedAsync(postgres);
    protected override Task<AcademyFactory> FreshAsync() => sites.FreshAsync(postgres);
    protected override Task<AcademyFactory> NewUpgradedAsync() => sites.NewUpgradedAsync(postgres);
}
