using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Core.Content;
using Academy.Core.Data;
using Academy.Core.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Academy.Core.Recipes;

public sealed class RecipeRunOptions
{
    /// <summary>The date relative dates are counted from; today (Amsterdam) when not set.</summary>
    public DateOnly? SetupDate { get; init; }
    public IProgress<RecipeProgress>? Progress { get; init; }
}

/// <summary>
/// Runs a recipe: parses it, resolves its expressions, checks every step has a handler, then runs all
/// steps in one transaction. Any error rolls the whole recipe back and is reported with file, step and path.
/// </summary>
public sealed class RecipeExecutor(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RecipeExecutor> logger)
{
    private static readonly JsonDocumentOptions ParseOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public async Task ExecuteAsync(string file, RecipeRunOptions? options = null)
    {
        options ??= new RecipeRunOptions();
        var root = Parse(file);
        var setupDate = options.SetupDate ?? AmsterdamTime.Today(clock);
        RecipeExpressions.Resolve(root, setupDate, RecipeLocator.ContentRootOf(file), file);

        var steps = root["steps"] as JsonArray ?? throw new RecipeException(file, null, "$.steps", "Het recept heeft geen lijst 'steps'.");
        await using var scope = scopes.CreateAsyncScope();
        var handlers = scope.ServiceProvider.GetServices<IRecipeStepHandler>().ToDictionary(h => h.Name, StringComparer.Ordinal);
        var stepObjects = new List<JsonObject>();
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i] is not JsonObject step || RecipeStepContext.OptionalString(step, "name") is not { Length: > 0 } name)
            {
                throw new RecipeException(file, null, $"$.steps[{i}]", "Elke stap is een object met een 'name'.");
            }
            if (!handlers.ContainsKey(name))
            {
                throw new RecipeException(file, name, $"$.steps[{i}].name", $"Onbekende stap '{name}'. Bekende stappen: {string.Join(", ", handlers.Keys.Order())}.");
            }
            stepObjects.Add(step);
        }

        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AcademyDbContext>();
        var content = services.GetRequiredService<ContentManager>();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            try
            {
                for (var i = 0; i < stepObjects.Count; i++)
                {
                    var context = new RecipeStepContext(file, i, stepObjects[i], services, options.Progress, stepObjects.Count);
                    context.Report("bezig");
                    await handlers[context.Name].ExecuteAsync(context);
                    context.Report("klaar");
                }
                await transaction.CommitAsync();
            }
            catch (Exception ex)
            {
                await transaction.RollbackAsync();
                content.DiscardPendingNotifications();
                ForgetCachedState(services);
                if (ex is RecipeException)
                {
                    throw;
                }
                throw new RecipeException(file, null, "$", $"Het recept kon niet worden uitgevoerd: {ex.Message}", ex);
            }
        }
        ForgetCachedState(services);
        await content.NotifyChangesAsync();
        logger.LogInformation("Recipe {File} ran {Count} steps", Path.GetFileName(file), stepObjects.Count);
    }

    private static JsonObject Parse(string file)
    {
        if (!File.Exists(file))
        {
            throw new RecipeException(file, null, "$", "Het receptbestand bestaat niet.");
        }
        try
        {
            return JsonNode.Parse(File.ReadAllText(file), documentOptions: ParseOptions) as JsonObject
                ?? throw new RecipeException(file, null, "$", "Een recept is een JSON-object.");
        }
        catch (JsonException ex)
        {
            throw new RecipeException(file, null, ex.Path ?? "$", $"Ongeldige JSON op regel {ex.LineNumber + 1}, positie {ex.BytePositionInLine + 1}.", ex);
        }
    }

    /// <summary>Caches may hold what a rolled-back or just-committed recipe wrote; drop them.</summary>
    private static void ForgetCachedState(IServiceProvider services)
    {
        services.GetRequiredService<ContentDefinitionManager>().Invalidate();
        services.GetRequiredService<DocumentStore>().Invalidate(nameof(SiteSettings));
    }
}
