using Academy.Core.Data;
using Academy.Core.Recipes;
using Academy.Core.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Academy.Core.Hosting;

/// <summary>On start: brings the schema up to date and, for an empty site, runs the setup recipe and setup handlers.</summary>
public sealed class SetupService(IServiceScopeFactory scopes, RecipeExecutor recipes, RecipeLocator locator,
    IOptions<AcademyOptions> options, TimeProvider clock, ILogger<SetupService> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
        }

        await using var setupScope = scopes.CreateAsyncScope();
        var store = setupScope.ServiceProvider.GetRequiredService<DocumentStore>();
        var settings = await store.GetSiteSettingsAsync();
        if (settings.SetupCompletedUtc is not null)
        {
            return;
        }

        var setup = options.Value.Setup;
        var file = locator.Find(setup.Recipe) ?? throw new InvalidOperationException($"Setup recipe '{setup.Recipe}' not found in {locator.Folder}.");
        logger.LogInformation("First start: running setup recipe {Recipe}", Path.GetFileName(file));
        await recipes.ExecuteAsync(file, new RecipeRunOptions { SetupDate = setup.Date });

        var context = new SetupContext { Options = setup };
        foreach (var handler in setupScope.ServiceProvider.GetServices<ISetupHandler>())
        {
            await handler.SetupAsync(context);
        }
        store.Invalidate(nameof(SiteSettings));
        settings = await store.GetSiteSettingsAsync();
        settings.SetupCompletedUtc = clock.GetUtcNow().UtcDateTime;
        settings.SetupRecipe = Path.GetFileName(file);
        await store.SetSiteSettingsAsync(settings);
        foreach (var message in context.Messages)
        {
            Console.WriteLine(message);
        }
    }
}
