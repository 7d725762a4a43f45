namespace Academy.Core.Recipes;

/// <summary>A recipe problem, located by file, step and JSON path, with a Dutch explanation.</summary>
public sealed class RecipeException(string file, string? step, string jsonPath, string message, Exception? inner = null)
    : Exception($"{Path.GetFileName(file)}{(step is null ? "" : $" — stap '{step}'")} — {jsonPath}: {message}", inner)
{
    public string File { get; } = file;
    public string? Step { get; } = step;
    public string JsonPath { get; } = jsonPath;
    public string Reason { get; } = message;
}
