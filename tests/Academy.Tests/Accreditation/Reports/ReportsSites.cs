using Academy.Testing;

namespace Academy.Tests.Accreditation.Reports;

public sealed class SqliteReportsSite : SqliteSite;

public sealed class PostgresReportsSite : PostgresSite
{
    protected override string DatabaseName => "reports";
}

public sealed class ReportsPageSqliteTests(SqliteReportsSite site) : ReportsPageTests, IClassFixture<SqliteReportsSite>
{
    protected override Task<AcademyFactory> SiteAsync() => Task.FromResult(site.Factory);
}

public sealed class ReportsPagePostgresTests(PostgresFixture postgres, PostgresReportsSite site) : ReportsPageTests, IClassFixture<PostgresReportsSite>, IClassFixture<PostgresFixture>
{
    protected override Task<AcademyFactory> SiteAsync() => site.GetAsync(postgres);
}
