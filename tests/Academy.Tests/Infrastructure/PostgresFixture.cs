namespace Academy.Testing;

/// <summary>
/// The private PostgreSQL server of the test run, for a test class in the "postgres" collection
/// (<c>[Collection("postgres")]</c>) or with <c>IClassFixture&lt;PostgresFixture&gt;</c> (such classes run in
/// parallel with the others). Every fixture hands out the same server, started on first use and stopped when the
/// test process exits. Each test should create its own database with <see cref="CreateDatabaseAsync"/> so tests
/// never see each other's data.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(() => PostgresServer.StartAsync(), LazyThreadSafetyMode.ExecutionAndPublication);
    private static int s_counter;
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL fixture has not been initialised.");

    public async Task InitializeAsync() => _server = await Shared.Value;

    /// <summary>Leaves the shared server running for the other fixtures; it stops when the test process exits.</summary>
    public Task DisposeAsync() => Task.CompletedTask;

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
        var name = $"{safe}_{Interlocked.Increment(ref s_counter)}_{Guid.NewGuid().ToString("N")[..8]}";
        return Server.CreateDatabaseAsync(name);
    }
}

[CollectionDefinition("postgres")]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
}
