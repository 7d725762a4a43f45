using Academy.Testing;

namespace Academy.Tests.Infrastructure;

public sealed class PostgresServerTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Private_server_creates_a_database_and_answers_a_query()
    {
        var connectionString = await postgres.CreateDatabaseAsync("pgcheck");
        var database = connectionString.Split(';').Single(p => p.StartsWith("Database=", StringComparison.Ordinal))["Database=".Length..];

        var output = await postgres.Server.PsqlAsync(database, "SELECT 1");

        Assert.Equal("1", output.Trim());
        Assert.Contains($"Port={postgres.Server.Port}", connectionString);
        Assert.Contains("Host=127.0.0.1", connectionString);
    }

    [Fact]
    public async Task Server_is_utf8_and_databases_are_isolated()
    {
        var a = DatabaseName(await postgres.CreateDatabaseAsync("iso_a"));
        var b = DatabaseName(await postgres.CreateDatabaseAsync("iso_b"));

        await postgres.Server.PsqlAsync(a, "CREATE TABLE t (naam text); INSERT INTO t VALUES ('coördinator')");

        Assert.Equal("UTF8", (await postgres.Server.PsqlAsync(a, "SHOW server_encoding")).Trim());
        Assert.Equal("coördinator", (await postgres.Server.PsqlAsync(a, "SELECT naam FROM t")).Trim());
        Assert.Equal("0", (await postgres.Server.PsqlAsync(b, "SELECT count(*) FROM pg_tables WHERE tablename = 't'")).Trim());
        Assert.Equal("300", (await postgres.Server.PsqlAsync(b, "SHOW max_connections")).Trim());
    }

    [Fact]
    public async Task Rejects_unsafe_database_names()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => postgres.Server.CreateDatabaseAsync("x; DROP DATABASE postgres"));
    }

    private static string DatabaseName(string connectionString) =>
        connectionString.Split(';').Single(p => p.StartsWith("Database=", StringComparison.Ordinal))["Database=".Length..];
}
