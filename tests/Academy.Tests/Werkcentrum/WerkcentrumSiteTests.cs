using Academy.Testing;

namespace Academy.Tests.Werkcentrum;

/// <summary>The Midden-Gelderland site on SQLite, shared by the Werkcentrum tests that do not need a site of their own.</summary>
public sealed class WerkcentrumSqliteSite : SqliteSite;

/// <summary>The Werkcentrum pages, feeds, JSON-LD and admin editor on SQLite.</summary>
public sealed class WerkcentrumSiteTests(WerkcentrumSqliteSite site) : IClassFixture<WerkcentrumSqliteSite>
{
    [Fact]
    public Task Public_pages_show_the_recipe_content_and_filter_by_place() =>
        WerkcentrumScenarios.PublicPagesShowTheRecipeContentAsync(site.Factory);

    [Fact]
    public Task Rss_and_atom_parse_hold_the_items_and_escape_titles() =>
        WerkcentrumScenarios.FeedsAreValidAndEscapedAsync(site.Factory);

    [Fact]
    public Task Detail_page_has_schema_org_place_json_ld_with_opening_hours() =>
        WerkcentrumScenarios.JsonLdDescribesThePlaceAsync(site.Factory);

    [Fact]
    public Task Admin_editor_refuses_bad_hours_in_dutch_and_publishes_good_ones() =>
        WerkcentrumScenarios.AdminEditorCreatesAnInlooppuntAsync(site.Factory);
}

/// <summary>Each setup recipe sets up a site from an empty SQLite database that serves its leeragenda and inlooppunten.</summary>
public sealed class WerkcentrumRecipeTests
{
    public static TheoryData<string> Recipes => new(WerkcentrumScenarios.Recipes);

    [Theory]
    [MemberData(nameof(Recipes))]
    public async Task Setup_recipe_gives_a_working_site_on_sqlite(string recipe)
    {
        using var factory = new AcademyFactory();
        factory.Settings["Academy:Setup:Recipe"] = recipe;
        await WerkcentrumScenarios.RecipeSiteServesItsContentAsync(factory, recipe);
    }
}
