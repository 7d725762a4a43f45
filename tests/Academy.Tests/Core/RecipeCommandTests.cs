using System.Diagnostics;

namespace Academy.Tests.Core;

/// <summary>The `recipe` command-line verb, run as the real program against a fresh SQLite folder.</summary>
public class RecipeCommandTests
{
    private static async Task<(int ExitCode, string Output)> RunAsync(string appData, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Academy.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["Academy__AppDataPath"] = appData;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    [Fact]
    public async Task Runs_a_recipe_with_progress_and_reports_a_bad_one_without_importing()
    {
        var appData = Directory.CreateTempSubdirectory("academy-cli").FullName;
        try
        {
            var (code, output) = await RunAsync(appData, "recipe", "run", "midden-gelderland", "--date", "2026-11-23");
            Assert.True(code == 0, output);
            // Modules add steps to the recipe; the count is not what this test is about.
            Assert.Matches(@"\[1/\d+\] Settings", output);
            Assert.Matches(@"\[5/\d+\] Content", output);
            Assert.Contains("uitgevoerd", output);

            var folder = Directory.CreateDirectory(Path.Combine(appData, "extra", "recipes")).FullName;
            var bad = Path.Combine(folder, "kapot.recipe.json");
            await File.WriteAllTextAsync(bad, """{ "name": "kapot", "steps": [ { "name": "Content", "Data": [ { "ContentItemId": "x", "ContentType": "Bestaatniet" } ] } ] }""");
            (code, output) = await RunAsync(appData, "recipe", "run", bad);
            Assert.Equal(1, code);
            Assert.Contains("$.steps[0].Data[0].ContentType", output);
            Assert.Contains("Er is niets geïmporteerd", output);

            (code, output) = await RunAsync(appData, "recipe", "list");
            Assert.Equal(0, code);
            Assert.Contains("midden-gelderland", output);
        }
        finally
        {
            Directory.Delete(appData, recursive: true);
        }
    }
}
