using Academy.Testing;
using Academy.Tests.Enrolment.Service;

namespace Academy.Tests.Enrolment.Pages;

// The page tests run on one site per class, on SQLite and on PostgreSQL (the enrolment service's site fixtures).

public sealed class MyEnrolmentsPageSqliteTests(SqliteEnrolmentSite site) : MyEnrolmentsPageTests, IClassFixture<SqliteEnrolmentSite>
{
    protected override Task<AcademyFactory> SiteAsync() => Task.FromResult(site.Factory);
}

public sealed class MyEnrolmentsPagePostgresTests(PostgresFixture postgres, PostgresEnrolmentSite site) : MyEnrolmentsPageTests, IClassFixture<PostgresEnrolmentSite>, IClassFixture<PostgresFixture>
{
    protected override Task<AcademyFactory> SiteAsync() => site.GetAsync(postgres);
}

public sealed class EnrolmentAdminPageSqliteTests(SqliteEnrolmentSite site) : EnrolmentAdminPageTests, IClassFixture<SqliteEnrolmentSite>
{
    protected override Task<AcademyFactory> SiteAsync() => Task.FromResult(site.Factory);
}

public sealed class EnrolmentAdminPagePostgresTests(PostgresFixture postgres, PostgresEnrolmentSite site) : EnrolmentAdminPageTests, IClassFixture<PostgresEnrolmentSite>, IClassFixture<PostgresFixture>
{
    protected override Task<AcademyFactory> SiteAsync() => site.GetAsync(postgres);
}
