using Academy.Testing;

namespace Academy.Tests.Pages;

public sealed class SiteInfoSqliteSite : SqliteSite
{
    public SiteInfoSqliteSite() => SiteInfoScenarios.WithPublicBaseUrl(Factory);
}

/// <summary>See <see cref="SiteInfoScenarios"/>; on SQLite.</summary>
public sealed class SiteInfoTests(SiteInfoSqliteSite site) : IClassFixture<SiteInfoSqliteSite>
{
    [Fact]
    public Task Sitemap_lists_published_offerings_and_pages_but_no_drafts_and_no_admin() =>
        SiteInfoScenarios.SitemapListsPublishedPagesOnlyAsync(site.Factory);

    [Fact]
    public Task Robots_txt_allows_public_pages_disallows_admin_and_account_and_names_the_sitemap() =>
        SiteInfoScenarios.RobotsTxtNamesTheSitemapAsync(site.Factory);

    [Fact]
    public Task Accessibility_statement_shows_the_defaults_and_what_the_administrator_saved() =>
        SiteInfoScenarios.AccessibilityStatementIsEditableAsync(site.Factory);

    [Fact]
    public Task Contact_page_shows_the_region_contact_details_and_the_footer_links_to_it() =>
        SiteInfoScenarios.ContactPageShowsTheRecipeDetailsAsync(site.Factory);
}

/// <summary>See <see cref="SiteInfoScenarios"/>; on PostgreSQL.</summary>
public sealed class SiteInfoPostgresTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Sitemap_robots_statement_and_contact_work_on_postgres()
    {
        await using var factory = SiteInfoScenarios.WithPublicBaseUrl(new AcademyFactory(await postgres.CreateDatabaseAsync("siteinfo")));
        await SiteInfoScenarios.SitemapListsPublishedPagesOnlyAsync(factory);
        await SiteInfoScenarios.RobotsTxtNamesTheSitemapAsync(factory);
        await SiteInfoScenarios.AccessibilityStatementIsEditableAsync(factory);
        await SiteInfoScenarios.ContactPageShowsTheRecipeDetailsAsync(factory);
    }
}
