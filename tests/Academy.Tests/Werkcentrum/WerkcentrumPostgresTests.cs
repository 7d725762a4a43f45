using Academy.Testing;

namespace Academy.Tests.Werkcentrum;

/// <summary>The setup recipes and the Werkcentrum pages on PostgreSQL.</summary>
public sealed class WerkcentrumPostgresTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    public static TheoryData<string> OtherRecipes => new("flevoland", "stedendriehoek");

    [Theory]
    [MemberData(nameof(OtherRecipes))]
    public async Task Setup_recipe_gives_a_working_site_on_postgres(string recipe)
    {
        using var factory = new AcademyFactory(await postgres.CreateDatabaseAsync("wc_" + recipe));
        factory.Settings["Academy:Setup:Recipe"] = recipe;
        await WerkcentrumScenarios.RecipeSiteServesItsContentAsync(factory, recipe);
    }

    [Fact]
    public async Task Midden_gelderland_recipe_site_serves_werkcentrum_pages_feeds_json_ld_and_editor_on_postgres()
    {
        using var factory = new AcademyFactory(await postgres.CreateDatabaseAsync("wc_midden_gelderland"));
        await WerkcentrumScenarios.RecipeSiteServesItsContentAsync(factory, "midden-gelderland");
        await WerkcentrumScenarios.PublicPagesShowTheRecipeContentAsync(factory);
        await WerkcentrumScenarios.FeedsAreValidAndEscapedAsync(factory);
        await WerkcentrumScenarios.JsonLdDescribesThePlaceAsync(factory);
        await WerkcentrumScenarios.AdminEditorCreatesAnInlooppuntAsync(factory);
    }
}
