using Academy.Core.Hosting;
using Academy.Core.Recipes;

namespace Academy.Web;

/// <summary>
/// `dotnet run --project src/Academy.Web -- recipe list` and `… -- recipe run NAME|PATH [--date yyyy-MM-dd]`:
/// runs a recipe against the configured site's database and shows progress per step.
/// </summary>
public static class RecipeCommand
{
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var locator = app.Services.GetRequiredService<RecipeLocator>();
        if (args is ["list", ..])
        {
            foreach (var recipe in locator.List())
            {
                Console.WriteLine($"{recipe.Name,-28} {recipe.DisplayName}{(recipe.IsSetupRecipe ? " (setup)" : "")}");
            }
            return 0;
        }
        if (args is not ["run", var name, ..])
        {
            Console.Error.WriteLine("Gebruik: recipe list | recipe run NAAM|PAD [--date jjjj-mm-dd]");
            return 2;
        }
        var file = locator.Find(name);
        if (file is null)
        {
            Console.Error.WriteLine($"Recept '{name}' niet gevonden in {locator.Folder}.");
            return 2;
        }
        DateOnly? date = null;
        var dateIndex = Array.IndexOf(args, "--date");
        if (dateIndex > 0 && dateIndex + 1 < args.Length)
        {
            date = DateOnly.ParseExact(args[dateIndex + 1], "yyyy-MM-dd");
        }

        // The schema must exist before a recipe can write to it; this does not run the setup recipe.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Academy.Core.Data.SchemaMigrator>().MigrateAsync();
        }
        try
        {
            await app.Services.GetRequiredService<RecipeExecutor>().ExecuteAsync(file, new RecipeRunOptions { SetupDate = date, Progress = new ConsoleProgress() });
            Console.WriteLine($"Recept {Path.GetFileName(file)} uitgevoerd.");
            return 0;
        }
        catch (RecipeException ex)
        {
            Console.Error.WriteLine($"Fout: {ex.Message}");
            Console.Error.WriteLine("Er is niets geïmporteerd.");
            return 1;
        }
    }

    /// <summary>Reports synchronously so progress lines appear in order.</summary>
    private sealed class ConsoleProgress : IProgress<RecipeProgress>
    {
        public void Report(RecipeProgress p) => Console.WriteLine($"[{p.StepIndex + 1}/{p.StepCount}] {p.StepName}: {p.Message}");
    }
}
