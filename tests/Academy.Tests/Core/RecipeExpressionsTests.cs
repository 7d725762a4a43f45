using System.Text.Json.Nodes;
using Academy.Core.Recipes;

namespace Academy.Tests.Core;

public class RecipeExpressionsTests
{
    private static readonly DateOnly Wednesday = new(2026, 11, 25);

    [Fact]
    public void Date_expression_is_a_weekday_n_weeks_after_the_setup_week_in_Amsterdam_time()
    {
        var root = JsonNode.Parse("""{ "a": "[date:+1w di 09:30]", "b": "[date:+2w vr 13:00]" }""")!;
        RecipeExpressions.Resolve(root, Wednesday, Path.GetTempPath(), "test.recipe.json");

        // Week of 25 Nov 2026 starts Monday 23 Nov; +1 week Tuesday = 1 Dec (CET, UTC+1).
        Assert.Equal("2026-12-01T08:30:00Z", root["a"]!.GetValue<string>());
        Assert.Equal("2026-12-11T12:00:00Z", root["b"]!.GetValue<string>());
    }

    [Fact]
    public void Date_expression_counts_back_with_a_minus()
    {
        var root = JsonNode.Parse("""{ "a": "[date:-1w di 09:00]", "b": "[date:-0w ma 13:00]" }""")!;
        RecipeExpressions.Resolve(root, Wednesday, Path.GetTempPath(), "test.recipe.json");
        // One week before the week of 25 Nov 2026: Tuesday 17 Nov; "-0w ma" is the Monday of the setup week.
        Assert.Equal("2026-11-17T08:00:00Z", root["a"]!.GetValue<string>());
        Assert.Equal("2026-11-23T12:00:00Z", root["b"]!.GetValue<string>());
    }

    [Fact]
    public void Date_expression_respects_summer_time()
    {
        var root = JsonNode.Parse("""{ "a": "[date:+30w ma 10:00]" }""")!;
        RecipeExpressions.Resolve(root, Wednesday, Path.GetTempPath(), "test.recipe.json");
        // Monday 21 June 2027 is in CEST (UTC+2).
        Assert.Equal("2027-06-21T08:00:00Z", root["a"]!.GetValue<string>());
    }

    [Fact]
    public void Malformed_date_expression_names_its_json_path()
    {
        var root = JsonNode.Parse("""{ "steps": [ { "x": "[date:next tuesday]" } ] }""")!;
        var ex = Assert.Throws<RecipeException>(() => RecipeExpressions.Resolve(root, Wednesday, Path.GetTempPath(), "bad.recipe.json"));
        Assert.Equal("$.steps[0].x", ex.JsonPath);
    }

    [Fact]
    public void File_expression_reads_a_file_and_refuses_paths_outside_the_root()
    {
        var root = Directory.CreateTempSubdirectory().FullName;
        Directory.CreateDirectory(Path.Combine(root, "content"));
        File.WriteAllText(Path.Combine(root, "content", "tekst.md"), "# Kop");
        var json = JsonNode.Parse("""{ "a": "[file:content/tekst.md]" }""")!;
        RecipeExpressions.Resolve(json, Wednesday, root, "r.recipe.json");
        Assert.Equal("# Kop", json["a"]!.GetValue<string>());

        var escape = JsonNode.Parse("""{ "a": "[file:../../etc/passwd]" }""")!;
        Assert.Throws<RecipeException>(() => RecipeExpressions.Resolve(escape, Wednesday, root, "r.recipe.json"));
        var missing = JsonNode.Parse("""{ "a": "[file:content/bestaat-niet.md]" }""")!;
        Assert.Throws<RecipeException>(() => RecipeExpressions.Resolve(missing, Wednesday, root, "r.recipe.json"));
    }
}
