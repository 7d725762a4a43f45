using Academy.Testing;

namespace Academy.Tests.Enrolment.Service;

/// <summary>One seeded site on SQLite for a whole test class.</summary>
public sealed class SqliteEnrolmentSite : SqliteSite;

/// <summary>
/// One seeded site on its own PostgreSQL database for a whole test class. Its pool stays well under the
/// server's max_connections (300) and waits long enough for a connection when 1,000 requests queue for it on a busy machine.
/// </summary>
public sealed class PostgresEnrolmentSite : PostgresSite
{
    protected override string DatabaseName => "enrolment";

    protected override string ConnectionOptions => ";Maximum Pool Size=60;Timeout=600;Command Timeout=600";
}

public sealed class EnrolmentServiceSqliteTests(SqliteEnrolmentSite site) : EnrolmentServiceTests, IClassFixture<SqliteEnrolmentSite>
{
    protected override Task<AcademyFactory> SiteAsync() => Task.FromResult(site.Factory);
}

public sealed class EnrolmentServicePostgresTests(PostgresFixture postgres, PostgresEnrolmentSite site) : EnrolmentServiceTests, IClassFixture<PostgresEnrolmentSite>, IClassFixture<PostgresFixture>
{
    protected override Task<AcademyFactory> SiteAsync() => site.GetAsync(postgres);
}
