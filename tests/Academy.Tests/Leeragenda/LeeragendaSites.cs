using Academy.Testing;

namespace Academy.Tests.Leeragenda;

/// <summary>One seeded site on SQLite for a whole test class.</summary>
public sealed class SqliteLeeragendaSite : SqliteSite;

/// <summary>
/// One seeded site on its own database of the shared private PostgreSQL server, for a whole test class.
/// Created on first use, because the server comes from the "postgres" collection fixture.
/// </summary>
public sealed class PostgresLeeragendaSite : PostgresSite
{
    protected override string DatabaseName => "leeragenda";
}

public sealed class LeeragendaSqliteTests(SqliteLeeragendaSite site) : LeeragendaTests, IClassFixture<SqliteLeeragendaSite>
{
    protected override Task<AcademyFactory> SiteAsync() => Task.FromResult(site.Factory);
}

public sealed class LeeragendaPostgresTests(PostgresFixture postgres, PostgresLeeragendaSite site) : LeeragendaTests, IClassFixture<PostgresLeeragendaSite>, IClassFixture<PostgresFixture>
{
    protected override Task<AcademyFactory> SiteAsync() => site.GetAsync(postgres);
}
