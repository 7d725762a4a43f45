using Academy.Core.Content;
using Academy.Core.Data;
using Academy.Core.Recipes;
using Academy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Core;

/// <summary>Every bad recipe is reported with file, step and JSON path, and imports nothing.</summary>
public class RecipeTests(AcademyFactory factory) : IClassFixture<AcademyFactory>
{
    private const string GoodDefinition = """
        { "name": "ContentDefinition", "ContentTypes": [ { "Name": "ProbeerType", "DisplayName": "Probeer", "Stereotype": "Test",
          "Parts": ["TitlePart", "AutoroutePart", "MarkdownBodyPart"],
          "Fields": [ { "Name": "Aantal", "Type": "NumericField" } ] } ] }
        """;

    private static string GoodItem(string id = "probeer-item", string title = "Probeer item") => $$"""
        { "ContentItemId": "{{id}}", "ContentType": "ProbeerType", "Published": true,
          "TitlePart": { "Title": "{{title}}" }, "MarkdownBodyPart": { "Markdown": "Tekst" },
          "ProbeerType": { "Aantal": { "Value": 3 } } }
        """;

    private static string Recipe(params string[] steps) => $$"""{ "name": "probeer", "steps": [ {{string.Join(",", steps)}} ] }""";

    private async Task<RecipeException?> RunAsync(string json)
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory().FullName, "recipes");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "probeer.recipe.json");
        await File.WriteAllTextAsync(file, json);
        try
        {
            await factory.Services.GetRequiredService<RecipeExecutor>().ExecuteAsync(file);
            return null;
        }
        catch (RecipeException ex)
        {
            Assert.Equal(file, ex.File);
            Assert.Contains("probeer.recipe.json", ex.Message);
            return ex;
        }
    }

    private async Task AssertNothingImportedAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
        Assert.False(await db.ContentDefinitions.AnyAsync(d => d.Name == "ProbeerType"));
        Assert.False(await db.ContentItems.AnyAsync(i => i.ContentItemId.StartsWith("probeer")));
    }

    [Fact]
    public async Task Malformed_json_is_reported_with_its_line()
    {
        var ex = await RunAsync("{ \"name\": \"probeer\",\n \"steps\": [ { \"name\": \"Settings\", } \n ");
        Assert.NotNull(ex);
        Assert.Contains("Ongeldige JSON op regel", ex.Reason);
        await AssertNothingImportedAsync();
    }

    [Fact]
    public async Task Unknown_step_is_reported_and_no_earlier_step_runs()
    {
        var ex = await RunAsync(Recipe(GoodDefinition, """{ "name": "Toverstap" }"""));
        Assert.NotNull(ex);
        Assert.Equal("$.steps[1].name", ex.JsonPath);
        Assert.Equal("Toverstap", ex.Step);
        await AssertNothingImportedAsync();
    }

    [Fact]
    public async Task Unknown_content_type_rolls_back_the_definition_step_too()
    {
        var ex = await RunAsync(Recipe(GoodDefinition,
            $$"""{ "name": "Content", "Data": [ {{GoodItem()}}, { "ContentItemId": "probeer-2", "ContentType": "Bestaatniet" } ] }"""));
        Assert.NotNull(ex);
        Assert.Equal("Content", ex.Step);
        Assert.Equal("$.steps[1].Data[1].ContentType", ex.JsonPath);
        await AssertNothingImportedAsync();
    }

    [Fact]
    public async Task Unknown_part_in_a_definition_is_reported()
    {
        var ex = await RunAsync(Recipe("""{ "name": "ContentDefinition", "ContentTypes": [ { "Name": "ProbeerType", "Parts": ["TitlePart", "VliegendePart"] } ] }"""));
        Assert.NotNull(ex);
        Assert.Equal("$.steps[0].ContentTypes[0].Parts[1]", ex.JsonPath);
        await AssertNothingImportedAsync();
    }

    [Fact]
    public async Task Unknown_field_type_is_reported()
    {
        var ex = await RunAsync(Recipe("""{ "name": "ContentDefinition", "ContentTypes": [ { "Name": "ProbeerType", "Parts": ["TitlePart"], "Fields": [ { "Name": "X", "Type": "KleurVeld" } ] } ] }"""));
        Assert.NotNull(ex);
        Assert.Equal("$.steps[0].ContentTypes[0].Fields[0].Type", ex.JsonPath);
        await AssertNothingImportedAsync();
    }

    [Fact]
    public async Task Part_or_field_the_type_does_not_have_is_reported()
    {
        var withPart = GoodItem().Replace("\"Published\": true,", "\"Published\": true, \"OfferingPart\": {},");
        var ex = await RunAsync(Recipe(GoodDefinition, $$"""{ "name": "Content", "Data": [ {{withPart}} ] }"""));
        Assert.NotNull(ex);
        Assert.Equal("$.steps[1].Data[0].OfferingPart", ex.JsonPath);

        var withField = GoodItem().Replace("\"Aantal\": { \"Value\": 3 }", "\"Kleur\": { \"Text\": \"rood\" }");
        ex = await RunAsync(Recipe(GoodDefinition, $$"""{ "name": "Content", "Data": [ {{withField}} ] }"""));
        Assert.NotNull(ex);
        Assert.Equal("$.steps[1].Data[0].ProbeerType.Kleur", ex.JsonPath);
        await AssertNothingImportedAsync();
    }

    [Fact]
    public async Task Missing_required_values_are_reported()
    {
        var noId = GoodItem().Replace("\"ContentItemId\": \"probeer-item\",", "");
        var ex = await RunAsync(Recipe(GoodDefinition, $$"""{ "name": "Content", "Data": [ {{noId}} ] }"""));
        Assert.NotNull(ex);
        Assert.Equal("$.steps[1].Data[0].ContentItemId", ex.JsonPath);

        ex = await RunAsync(Recipe(GoodDefinition, $$"""{ "name": "Content", "Data": [ {{GoodItem(title: "")}} ] }"""));
        Assert.NotNull(ex);
        Assert.Equal("$.steps[1].Data[0].TitlePart.Title", ex.JsonPath);
        Assert.Contains("titel", ex.Reason);

        ex = await RunAsync(Recipe("""{ "name": "Content" }"""));
        Assert.NotNull(ex);
        Assert.Equal("$.steps[0].Data", ex.JsonPath);
        await AssertNothingImportedAsync();
    }

    [Fact]
    public async Task Wrongly_typed_values_are_reported_with_their_path()
    {
        var badNumber = GoodItem().Replace("{ \"Value\": 3 }", "{ \"Value\": \"drie\" }");
        var ex = await RunAsync(Recipe(GoodDefinition, $$"""{ "name": "Content", "Data": [ {{badNumber}} ] }"""));
        Assert.NotNull(ex);
        Assert.StartsWith("$.steps[1].Data[0].ProbeerType", ex.JsonPath);
        await AssertNothingImportedAsync();
    }

    [Fact]
    public async Task Duplicate_ids_are_reported()
    {
        var ex = await RunAsync(Recipe(GoodDefinition, $$"""{ "name": "Content", "Data": [ {{GoodItem()}}, {{GoodItem(title: "Tweede")}} ] }"""));
        Assert.NotNull(ex);
        Assert.Equal("$.steps[1].Data[1].ContentItemId", ex.JsonPath);
        Assert.Contains("twee keer", ex.Reason);
        await AssertNothingImportedAsync();
    }

    [Fact]
    public async Task Running_a_recipe_twice_leaves_no_duplicates_and_no_new_versions()
    {
        var json = Recipe(GoodDefinition, $$"""{ "name": "Content", "Data": [ {{GoodItem("tweemaal-item-id", "Tweemaal item")}} ] }""")
            .Replace("ProbeerType", "TweemaalType");
        Assert.Null(await RunAsync(json));
        Assert.Null(await RunAsync(json));

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
        Assert.Equal(1, await db.ContentItems.CountAsync(i => i.ContentItemId == "tweemaal-item-id"));
        Assert.Equal(1, await db.ContentDefinitions.CountAsync(d => d.Name == "TweemaalType"));
        Assert.Equal(1, await db.Set<AutorouteEntry>().CountAsync(e => e.ContentItemId == "tweemaal-item-id"));
        var item = await scope.ServiceProvider.GetRequiredService<ContentManager>().GetAsync("tweemaal-item-id");
        Assert.Equal("tweemaal-item", item!.As<AutoroutePart>().Path);
        Assert.Equal(3m, item.Field<NumericField>("TweemaalType", "Aantal")!.Value);
    }

    [Fact]
    public async Task The_setup_recipe_ran_on_first_start_and_running_it_again_changes_nothing()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
        var before = await db.ContentItems.CountAsync();
        Assert.True(before >= 25, $"setup recipe imported {before} items");

        var file = scope.ServiceProvider.GetRequiredService<RecipeLocator>().Find("midden-gelderland")!;
        await factory.Services.GetRequiredService<RecipeExecutor>().ExecuteAsync(file, new RecipeRunOptions { SetupDate = AcademyFactory.SetupDate });
        Assert.Equal(before, await db.ContentItems.CountAsync());
    }
}
