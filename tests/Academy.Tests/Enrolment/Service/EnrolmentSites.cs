using Academy.Testing;

namespace Academy.Tests.Enrolment.Service;

/// <summary>One seeded site on SQLite for a whole test class.</summary>
public sealed class SqliteEnrolmentSite : IAsyncLifetime
{
    public AcademyFactory Factory { get; } = new();

    public Task InitializeAsync()
    {
        _ = Factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>
/// One seeded site on its own PostgreSQL database for a whole test class. Its pool stays well under the
/// server's max_connections (300) and waits long enough for a connection when 1,000 requests queue for it on a busy machine.
/// </summary>
public sealed class PostgresEnrolmentSite : IAsyncLifetime
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private AcademyFactory? _factory;

    public async Task<AcademyFactory> GetAsync(PostgresFixture postgres)
    {
        await _lock.WaitAsync();
        try
        {
            if (_factory is null)
            {
                var connectionString = await postgres.CreateDatabaseAsync("enrolment");
                var factory = new AcademyFactory(connectionString + ";Maximum Pool Size=60;Timeout=600;Command Timeout=600");
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

public sealed class EnrolmentServiceSqliteTests(SqliteEnrolmentSite site) : EnrolmentServiceTests, IClassFixture<SqliteEnrolmentSite>
{
    protected override Task<AcademyFactory> SiteAsync() => Task.FromResult(site.Factory);
}

[Collection("postgres")]
public sealed class EnrolmentServicePostgresTests(PostgresFixture postgres, PostgresEnrolmentSite site) : EnrolmentServiceTests, IClassFixture<PostgresEnrolmentSite>
{
    protected override Task<AcademyFactory> SiteAsync() => site.GetAsync(postgres);
}
