using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Playwright;

namespace Academy.E2E.Infrastructure;

/// <summary>
/// Runs axe-core (from the repository's node_modules, installed by <c>npm ci</c>) in a page and
/// checks it against WCAG 2.0, 2.1 and 2.2 level A and AA.
/// </summary>
public static class Axe
{
    public static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    private static readonly Lazy<string> Script = new(LoadScript);

    /// <summary>Fails the test with a readable list when axe finds any WCAG A/AA violation on the page.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string because)
    {
        var violations = await RunAsync(page);
        if (violations.Count == 0) return;

        var message = new StringBuilder();
        message.AppendLine($"axe found {violations.Count} accessibility violation(s) on {page.Url} — {because}:");
        foreach (var v in violations)
        {
            message.AppendLine($"- {v.Id} [{v.Impact ?? "?"}] {v.Help} ({v.Nodes.Count} element(s)) {v.HelpUrl}");
            foreach (var node in v.Nodes.Take(3))
            {
                message.AppendLine($"    target: {string.Join(" ", node.Target)}");
                message.AppendLine($"    html:   {Shorten(node.Html, 300)}");
                if (!string.IsNullOrWhiteSpace(node.FailureSummary))
                    message.AppendLine($"    fix:    {Shorten(System.Text.RegularExpressions.Regex.Replace(node.FailureSummary, @"\s+", " ").Trim(), 300)}");
            }
        }
        Assert.Fail(message.ToString());
    }

    /// <summary>Runs axe with the WCAG A/AA tags and returns the violations (empty when the page passes).</summary>
    public static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page)
    {
        await InjectAsync(page);
        var json = await page.EvaluateAsync<string>(
            """
            async (tags) => {
              const result = await axe.run(document, {
                runOnly: { type: 'tag', values: tags },
                resultTypes: ['violations']
              });
              return JSON.stringify(result.violations.map(v => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({
                  target: n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : String(t)),
                  html: n.html,
                  failureSummary: n.failureSummary || ''
                }))
              })));
            }
            """,
            WcagTags);
        return JsonSerializer.Deserialize<List<AxeViolation>>(json, JsonOptions) ?? [];
    }

    private static async Task InjectAsync(IPage page)
    {
        if (await page.EvaluateAsync<bool>("() => typeof window.axe === 'object' && typeof window.axe.run === 'function'"))
            return;
        try
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = Script.Value });
        }
        catch (PlaywrightException)
        {
            // A strict Content-Security-Policy blocks inline script tags when the context does not
            // bypass CSP; evaluating through the DevTools protocol is not subject to it.
        }
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object' && typeof window.axe.run === 'function'"))
            await page.EvaluateAsync("(source) => { (0, eval)(source); }", Script.Value);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object' && typeof window.axe.run === 'function'"))
            throw new InvalidOperationException($"axe-core could not be injected into {page.Url}.");
    }

    private static string LoadScript()
    {
        var root = RepositoryRoot();
        var path = Path.Combine(root, "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(path))
            throw new InvalidOperationException($"{path} is missing: run `npm ci` in {root} (./test.sh does this).");
        return File.ReadAllText(path);
    }

    /// <summary>The directory holding Academy.sln, found by walking up from the test assembly.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Academy.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"Academy.sln was not found in {AppContext.BaseDirectory} or any parent directory.");
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };
}

public sealed record AxeViolation(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("impact")] string? Impact,
    [property: JsonPropertyName("help")] string Help,
    [property: JsonPropertyName("helpUrl")] string HelpUrl,
    [property: JsonPropertyName("nodes")] IReadOnlyList<AxeNode> Nodes);

public sealed record AxeNode(
    [property: JsonPropertyName("target")] IReadOnlyList<string> Target,
    [property: JsonPropertyName("html")] string Html,
    [property: JsonPropertyName("failureSummary")] string? FailureSummary);
