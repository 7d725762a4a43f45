using Academy.Testing;

namespace Academy.Tests.Leeragenda;

/// <summary>One seeded site on SQLite for a whole test class.</summary>
public sealed class SqliteLeeragendaSite : IAsyncLifetime
{
    public AcademyFactory Factory { get; } = new();

    public Task InitializeAsync()
    {
        // Starting the server runs the setup recipe once, before the first test.
        _ = Factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>
/// One seeded site on its own database of the shared private PostgreSQL server, for a whole test class.
/// Created on first use, because the server comes from the "postgres" collection fixture.
/// </summary>
public sealed class PostgresLeeragendaSite : IAsyncLifetime
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private AcademyFactory? _factory;

    public async Task<AcademyFactory> GetAsync(PostgresFixture postgres)
    {
        if (_factory is not null)
        {
            return _factory;
        }
        await _lock.WaitAsync();
        try
        {
            if (_factory is null)
            {
                var connectionString = await postgres.CreateDatabaseAsync("leeragenda");
                var factory = new AcademyFactory(connectionString);
                _ = factory.Server;
                _factory = factory;
            }
            return _factory;
        }
        finally
        {
            _lock.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        _lock.Dispose();
    }
}

public sealed class LeeragendaSqliteTests(SqliteLeeragendaSite site) : LeeragendaTests, IClassFixture<SqliteLeeragendaSite>
{
    protected override Task<AcademyFactory> SiteAsync() => Task.FromResult(site.Factory);
}

[Collection("postgres")]
public sealed class LeeragendaPostgresTests(PostgresFixture postgres, PostgresLeeragendaSite site) : LeeragendaTests, IClassFixture<PostgresLeeragendaSite>
{
    protected override Task<AcademyFactory> SiteAsync() => site.GetAsync(postgres);
}
