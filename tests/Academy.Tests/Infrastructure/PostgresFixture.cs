namespace Academy.Testing;

/// <summary>
/// One private PostgreSQL server for every test class in the "postgres" collection
/// (<c>[Collection("postgres")]</c>). Each test should create its own database with
/// <see cref="CreateDatabaseAsync"/> so tests never see each other's data.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;
    private int _counter;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL fixture has not been initialised.");

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }

    /// <summary>The connection string of <paramref name="database"/> on the shared server.</summary>
    public string ConnectionString(string database) => Server.ConnectionString(database);

    /// <summary>
    /// Creates a fresh database with a unique name starting with <paramref name="prefix"/> and
    /// returns its connection string.
    /// </summary>
    public Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        var safe = new string(prefix.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        if (safe.Length > 40) safe = safe[..40];
        if (safe.Length == 0 || char.IsAsciiDigit(safe[0])) safe = "db_" + safe;
        var name = $"{safe}_{Interlocked.Increment(ref _counter)}_{Guid.NewGuid().ToString("N")[..8]}";
        return Server.CreateDatabaseAsync(name);
    }
}

[CollectionDefinition("postgres")]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
}
