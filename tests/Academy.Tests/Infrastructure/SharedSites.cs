namespace Academy.Testing;

/// <summary>One seeded site on SQLite for a whole test class (derive a named fixture from it).</summary>
public abstract class SqliteSite : IAsyncLifetime
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
public abstract class PostgresSite : IAsyncLifetime
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private AcademyFactory? _factory;

    /// <summary>Prefix of the database name (each site gets a fresh database).</summary>
    protected abstract string DatabaseName { get; }

    /// <summary>Appended to the connection string, e.g. pool settings.</summary>
    protected virtual string ConnectionOptions => "";

    public async Task<AcademyFactory> GetAsync(PostgresFixture postgres)
    {
        await _lock.WaitAsync();
        try
        {
            if (_factory is null)
            {
                var connectionString = await postgres.CreateDatabaseAsync(DatabaseName);
                var factory = new AcademyFactory(connectionString + ConnectionOptions);
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
