using Academy.Core.Settings;
using Academy.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Infrastructure;

/// <summary>Test sites of one kind start from one run of the setup recipe (SetupSnapshots), each on its own copy.</summary>
public sealed class SetupSnapshotTests
{
    [Fact]
    public Task Sqlite_sites_of_one_kind_share_one_setup_run_but_not_their_data() =>
        SetupSnapshotScenarios.SharedSetupOwnDataAsync(() => Task.FromResult(new AcademyFactory()));

    [Fact]
    public async Task A_site_with_another_setup_recipe_runs_that_recipe()
    {
        await using var flevoland = new AcademyFactory();
        flevoland.Settings["Academy:Setup:Recipe"] = "flevoland";
        await using var standard = new AcademyFactory();

        var other = await SetupSnapshotScenarios.SettingsAsync(flevoland);
        var usual = await SetupSnapshotScenarios.SettingsAsync(standard);

        Assert.Equal("flevoland.recipe.json", other.SetupRecipe);
        Assert.Equal("midden-gelderland.recipe.json", usual.SetupRecipe);
        Assert.NotEqual(usual.RegionName, other.RegionName);
    }
}

public sealed class SetupSnapshotPostgresTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public Task Postgres_sites_of_one_kind_share_one_setup_run_but_not_their_data() =>
        SetupSnapshotScenarios.SharedSetupOwnDataAsync(async () => new AcademyFactory(await postgres.CreateDatabaseAsync("snapshot")));
}

internal static class SetupSnapshotScenarios
{
    public static async Task SharedSetupOwnDataAsync(Func<Task<AcademyFactory>> create)
    {
        await using var first = await create();
        await using var second = await create();

        var one = await SettingsAsync(first);
        var two = await SettingsAsync(second);

        // The second site did not run the recipe again: it started from the same setup (its time is copied along).
        Assert.NotNull(one.SetupCompletedUtc);
        Assert.Equal(one.SetupCompletedUtc, two.SetupCompletedUtc);
        Assert.Equal("midden-gelderland.recipe.json", two.SetupRecipe);

        // Each site writes to its own database.
        await using (var scope = first.Services.CreateAsyncScope())
        {
            one.SiteName = "Alleen in de eerste testsite";
            await scope.ServiceProvider.GetRequiredService<DocumentStore>().SetSiteSettingsAsync(one);
        }
        Assert.Equal("Alleen in de eerste testsite", (await SettingsAsync(first)).SiteName);
        Assert.NotEqual("Alleen in de eerste testsite", (await SettingsAsync(second)).SiteName);
    }

    public static async Task<SiteSettings> SettingsAsync(AcademyFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DocumentStore>().GetSiteSettingsAsync();
    }
}
