using Academy.Accreditation.Abstractions;
using Academy.Accreditation.Models;
using Academy.Core.Content;
using Academy.Core.Recipes;
using Academy.Enrolment.Models;
using Academy.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Content;

/// <summary>Recipes written before the split (enrolment and accreditation settings inside OfferingPart) still import them.</summary>
public sealed class OldShapeRecipeTests(AcademyFactory factory) : IClassFixture<AcademyFactory>
{
    [Fact]
    public async Task Settings_in_the_old_OfferingPart_land_in_the_enrolment_and_accreditation_parts()
    {
        _ = factory.Server;
        var start = DateTime.UtcNow.Date.AddDays(40).AddHours(8).ToString("yyyy-MM-ddTHH:mm:ssZ");
        var json = $$"""
            { "name": "oude-vorm", "steps": [ { "name": "Content", "Data": [ {
              "ContentItemId": "oude-vorm-workshop", "ContentType": "Workshop", "Published": true,
              "TitlePart": { "Title": "Workshop in de oude vorm" }, "AutoroutePart": { "Path": "workshop-oude-vorm" },
              "OfferingPart": { "Summary": "Uit een oud recept.", "Form": "Fysiek", "CostEuros": 0,
                "RequiresApproval": true, "CancellationDays": 4, "CompletionRule": "MinimumPercent", "CompletionPercent": 80,
                "Accreditations": [ { "RegisterId": "skj", "Hours": 3, "Code": "SKJ-OUD" } ] },
              "EditionsPart": { "Editions": [ { "EditionId": "oude-vorm-groep", "Name": "Groep 1", "Capacity": 10,
                "Sessions": [ { "SessionId": "oude-vorm-1", "Start": "{{start}}", "End": "{{start}}", "Place": "Arnhem" } ] } ] } } ] } ] }
            """.Replace("\"End\": \"" + start + "\"", "\"End\": \"" + start.Replace("T08", "T10") + "\"");
        var folder = Path.Combine(Directory.CreateTempSubdirectory().FullName, "recipes");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "oude-vorm.recipe.json");
        await File.WriteAllTextAsync(file, json);

        await factory.Services.GetRequiredService<RecipeExecutor>().ExecuteAsync(file);

        await using var scope = factory.Services.CreateAsyncScope();
        var item = (await scope.ServiceProvider.GetRequiredService<ContentManager>().GetAsync("oude-vorm-workshop"))!;
        Assert.Equal((true, 4), (item.As<EnrolmentPart>().RequiresApproval, item.As<EnrolmentPart>().CancellationDays));
        var accreditation = item.As<AccreditationPart>();
        Assert.Equal((CompletionRuleKind.MinimumPercent, 80), (accreditation.CompletionRule, accreditation.CompletionPercent!.Value));
        Assert.Equal(("skj", 3m, "SKJ-OUD"), (accreditation.Accreditations[0].RegisterId, accreditation.Accreditations[0].Hours, accreditation.Accreditations[0].Code));
        Assert.False(item.Content["OfferingPart"]!.AsObject().ContainsKey("RequiresApproval"));
        Assert.Equal("Uit een oud recept.", item.As<Academy.Leeragenda.Models.OfferingPart>().Summary);
    }
}
