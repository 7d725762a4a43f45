using System.Net;
using System.Text.Json.Nodes;
using Academy.Accreditation.Abstractions;
using Academy.Accreditation.Models;
using Academy.Core.Content;
using Academy.Enrolment.Models;
using Academy.Tests.Admin;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Admin.AdminTestKit;

namespace Academy.Tests.Content;

/// <summary>
/// The offering editor composes the editors of the type's parts from the modules' drivers: each part's editor appears
/// only for types that have the part, its errors show at its own fields, and posting saves each part where it belongs.
/// </summary>
public sealed class PartEditorCompositionTests(AdminSite site) : IClassFixture<AdminSite>
{
    [Fact]
    public async Task A_module_part_editor_appears_only_for_types_that_have_the_part()
    {
        // An offering type without accreditation: the enrolment module's editor is there, the accreditation module's is not.
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentDefinitionManager>().StoreTypeAsync(new ContentTypeDefinition
            {
                Name = "Webinar",
                DisplayName = "Webinar",
                Stereotype = "Offering",
                Settings = new() { Creatable = true, Draftable = true, Listable = true },
                Parts = ["TitlePart", "AutoroutePart", "MarkdownBodyPart", "OfferingPart", "EnrolmentPart", "EditionsPart"],
            });
        }
        var admin = await AdminAsync(site.Factory);

        var webinar = await admin.GetAsync("/admin/aanbod/nieuw/Webinar");
        Assert.Equal(HttpStatusCode.OK, webinar.Status);
        Assert.NotNull(webinar.Input("RequiresApproval"));
        Assert.NotNull(webinar.Input("CancellationDays"));
        Assert.Null(webinar.Document.GetElementById("CompletionRule_allsessions"));
        Assert.Null(webinar.Document.QuerySelector("[name='Accreditations[0].RegisterId']"));

        var workshop = await admin.GetAsync("/admin/aanbod/nieuw/Workshop");
        Assert.NotNull(workshop.Input("RequiresApproval"));
        Assert.NotNull(workshop.Document.GetElementById("CompletionRule_allsessions"));
        Assert.NotNull(workshop.Document.QuerySelector("[name='Accreditations[0].RegisterId']"));
        // Page order: the catalogue's own fields, then enrolment, then completion and accreditation, then the groups.
        var html = workshop.Html;
        Assert.True(html.IndexOf("id=\"Cost\"", StringComparison.Ordinal) < html.IndexOf("id=\"RequiresApproval\"", StringComparison.Ordinal));
        Assert.True(html.IndexOf("id=\"CancellationDays\"", StringComparison.Ordinal) < html.IndexOf("id=\"CompletionRule_allsessions\"", StringComparison.Ordinal));
        Assert.True(html.IndexOf("id=\"accreditatie-toevoegen\"", StringComparison.Ordinal) < html.IndexOf("id=\"Editions\"", StringComparison.Ordinal));

        // Posting the type without the part writes no such part.
        var form = (await FilledNewFormAsync(admin, "Webinar zonder accreditatie " + Guid.NewGuid().ToString("n")[..6], "Webinar"))
            .Set("CancellationDays", "3");
        var saved = await admin.SubmitAsync(form, "save-draft");
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var item = await LatestAsync(saved.Location!);
        Assert.Equal(3, item.As<EnrolmentPart>().CancellationDays);
        Assert.False(item.Has<AccreditationPart>());
    }

    [Fact]
    public async Task A_parts_validation_error_shows_at_its_field_and_the_summary_links_to_it()
    {
        var admin = await AdminAsync(site.Factory);
        var form = (await FilledNewFormAsync(admin, "Foute delen " + Guid.NewGuid().ToString("n")[..6]))
            .Set("CancellationDays", "drie")
            .Set("CompletionRule", "minimumpercent")
            .Set("CompletionPercent", "150");
        var before = await CountVersionsAsync(site.Factory);

        var page = await admin.SubmitAsync(form, "save-draft");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(before, await CountVersionsAsync(site.Factory));
        // Each module's message sits at its own field, the field is marked invalid and points at the message.
        Assert.Contains("heel getal van 0 tot en met 365", page.Document.GetElementById("CancellationDays-fout")?.TextContent);
        Assert.Equal("true", page.Document.GetElementById("CancellationDays")?.GetAttribute("aria-invalid"));
        Assert.Contains("CancellationDays-fout", page.Document.GetElementById("CancellationDays")?.GetAttribute("aria-describedby"));
        Assert.Contains("heel getal van 1 tot en met 100", page.Document.GetElementById("CompletionPercent-fout")?.TextContent);
        // The one error summary links to both fields, in page order (enrolment before accreditation).
        var links = page.ErrorLinks.Select(l => l.Href).ToList();
        Assert.Equal(["#CancellationDays", "#CompletionPercent"], links);
        // The posted values come back as typed.
        Assert.Equal("drie", page.Value("CancellationDays"));
        Assert.Equal("150", page.Value("CompletionPercent"));
    }

    [Fact]
    public async Task Posting_saves_each_part_in_its_own_module_part()
    {
        var admin = await AdminAsync(site.Factory);
        var form = (await FilledNewFormAsync(admin, "Alle delen " + Guid.NewGuid().ToString("n")[..6]))
            .Set("RequiresApproval", "true")
            .Set("CancellationDays", "10")
            .Set("CompletionRule", "minimumpercent")
            .Set("CompletionPercent", "75")
            .Set("Accreditations[0].RegisterId", "skj")
            .Set("Accreditations[0].Hours", "2,5");

        var saved = await admin.SubmitAsync(form, "save-draft");

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var item = await LatestAsync(saved.Location!);
        Assert.Equal((true, 10), (item.As<EnrolmentPart>().RequiresApproval, item.As<EnrolmentPart>().CancellationDays));
        var accreditation = item.As<AccreditationPart>();
        Assert.Equal((CompletionRuleKind.MinimumPercent, 75), (accreditation.CompletionRule, accreditation.CompletionPercent!.Value));
        Assert.Equal(("skj", 2.5m), (Assert.Single(accreditation.Accreditations).RegisterId, accreditation.Accreditations[0].Hours));
        // The catalogue's part holds only catalogue data.
        var offering = (JsonObject)item.Content["OfferingPart"]!;
        foreach (var moved in new[] { "RequiresApproval", "CancellationDays", "CompletionRule", "CompletionPercent", "Accreditations" })
        {
            Assert.False(offering.ContainsKey(moved), moved);
        }
        Assert.Equal(95.00m, offering["CostEuros"]!.GetValue<decimal>());
    }

    private async Task<ContentItem> LatestAsync(string location)
    {
        var id = location["/admin/aanbod/".Length..].Split('/')[0];
        await using var scope = site.Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ContentManager>().GetAsync(id, VersionOptions.Latest))!;
    }
}
