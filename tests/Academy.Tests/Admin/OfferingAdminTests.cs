using System.Net;
using Academy.Core.Content;
using Academy.Leeragenda.Models;
using Academy.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Admin.AdminTestKit;

namespace Academy.Tests.Admin;

/// <summary>The aanbod admin's forms: listing, creating, validating, the no-JavaScript row commands, deleting.</summary>
public sealed partial class OfferingAdminTests(AdminSite site) : IClassFixture<AdminSite>
{
    private readonly AcademyFactory factory = site.Factory;

    private static string Unique(string title) => $"{title} {Guid.NewGuid().ToString("n")[..6]}";

    [Fact]
    public async Task List_shows_offerings_of_all_offering_types_with_status_and_filters()
    {
        var admin = await AdminAsync(factory);
        var title = Unique("Lijsttest intervisie");
        var id = await CreateAsync(admin, title);

        var list = await admin.GetAsync("/admin/aanbod");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal("Aanbod", list.Document.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(list.Document.QuerySelector("a[href='/admin/aanbod/nieuw']"));
        var row = list.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(title));
        Assert.Contains("Workshop", row.TextContent);
        Assert.Contains("Concept", row.TextContent);
        Assert.NotNull(row.QuerySelector($"a[href='/admin/aanbod/{id}']"));
        Assert.NotNull(row.QuerySelector("time"));
        foreach (var label in new[] { "filter-q", "filter-type", "filter-status" })
        {
            Assert.NotNull(list.Document.QuerySelector($"label[for={label}]"));
        }

        var byText = await admin.GetAsync("/admin/aanbod?q=" + Uri.EscapeDataString(title.ToUpperInvariant()));
        Assert.Single(byText.Document.QuerySelectorAll("tbody tr"));
        var published = await admin.GetAsync("/admin/aanbod?status=gepubliceerd&q=" + Uri.EscapeDataString(title));
        Assert.Empty(published.Document.QuerySelectorAll("tbody tr"));
        var otherType = await admin.GetAsync("/admin/aanbod?type=Cursus&q=" + Uri.EscapeDataString(title));
        Assert.Empty(otherType.Document.QuerySelectorAll("tbody tr"));

        // The seeded aanbod is listed too, 25 to a page; nonsense parameters are ignored.
        var all = await admin.GetAsync("/admin/aanbod?page=abc&status=x&type=Bestaat-niet");
        Assert.Equal(HttpStatusCode.OK, all.Status);
        var rows = all.Document.QuerySelectorAll("tbody tr").Length;
        Assert.InRange(rows, 2, 25);
        if (rows == 25)
        {
            var next = all.Document.QuerySelector("nav a[rel=next]");
            Assert.Equal("/admin/aanbod?page=2", next?.GetAttribute("href"));
            var second = await admin.GetAsync("/admin/aanbod?page=2");
            Assert.Equal(HttpStatusCode.OK, second.Status);
            Assert.NotNull(second.Document.QuerySelector("nav a[rel=prev]"));
            Assert.Empty(second.Document.QuerySelectorAll("tbody tr th").Select(t => t.TextContent)
                .Intersect(all.Document.QuerySelectorAll("tbody tr th").Select(t => t.TextContent)));
        }
    }

    [Fact]
    public async Task New_offering_starts_with_choosing_a_creatable_type()
    {
        var admin = await AdminAsync(factory);
        var choose = await admin.GetAsync("/admin/aanbod/nieuw");
        Assert.Equal(HttpStatusCode.OK, choose.Status);
        var radios = choose.Document.QuerySelectorAll("input[type=radio][name=type]").Select(r => r.GetAttribute("value")).ToList();
        Assert.Contains("Workshop", radios);
        Assert.DoesNotContain("Taxonomy", radios);
        Assert.DoesNotContain("Page", radios);
        Assert.Equal("Workshop", choose.Document.QuerySelector("label[for=type-Workshop]")?.TextContent.Trim());

        var chosen = await admin.GetAsync("/admin/aanbod/nieuw?type=Workshop");
        Assert.Equal(HttpStatusCode.Redirect, chosen.Status);
        Assert.Equal("/admin/aanbod/nieuw/Workshop", chosen.Location);

        var none = await admin.GetAsync("/admin/aanbod/nieuw?type=");
        Assert.Equal(HttpStatusCode.OK, none.Status);
        Assert.Contains("Kies een soort aanbod.", none.ErrorSummary);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/aanbod/nieuw/Taxonomy")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/aanbod/nieuw/BestaatNiet")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/aanbod/bestaat-niet")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/aanbod/thema")).Status);
    }

    [Fact]
    public async Task Edit_form_labels_every_input_and_groups_editions_and_sessions()
    {
        var admin = await AdminAsync(factory);
        var page = await admin.GetAsync("/admin/aanbod/nieuw/Workshop");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var form = page.Document.QuerySelector("form.utrecht-form")!;
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));

        foreach (var control in form.QuerySelectorAll("input:not([type=hidden]), select, textarea"))
        {
            var id = control.GetAttribute("id");
            Assert.False(string.IsNullOrEmpty(id), $"{control.OuterHtml} has no id");
            Assert.True(page.Document.QuerySelector($"label[for='{id}']") is not null, $"{control.OuterHtml} has no label");
        }
        Assert.Equal("Titel", page.Document.QuerySelector("label[for=Title]")?.TextContent.Trim());
        Assert.Equal("Naam van de groep", page.Document.QuerySelector("label[for=Editions_0__Name]")?.TextContent.Trim());
        Assert.Equal("Aantal plaatsen", page.Document.QuerySelector("label[for=Editions_0__Capacity]")?.TextContent.Trim());
        Assert.Equal("Datum", page.Document.QuerySelector("label[for=Editions_0__Sessions_0__Date]")?.TextContent.Trim());
        Assert.Contains("Markdown", page.Document.GetElementById("Markdown-hint")?.TextContent);
        Assert.Equal("Markdown-hint", page.Document.GetElementById("Markdown")?.GetAttribute("aria-describedby"));
        var legends = page.Document.QuerySelectorAll("fieldset > legend").Select(l => l.TextContent.Trim()).ToList();
        Assert.Contains("Thema", legends);
        Assert.Contains("Doelgroep", legends);
        Assert.Contains("Vorm", legends);
        Assert.Contains("Groep 1", legends);
        Assert.Contains("Bijeenkomst 1 van groep 1", legends);
        Assert.Contains("Lesmateriaal", legends); // the Workshop type's LinkField
        Assert.NotNull(page.Input("Fields[0].Url"));
        Assert.True(page.Document.QuerySelectorAll("select[name=OrganiserId] option").Length > 1);
        Assert.True(page.Document.QuerySelectorAll("input[name=Themes]").Length > 0);
        var buttons = form.QuerySelectorAll("button:not([aria-hidden])").Select(b => b.TextContent.Trim()).ToList();
        Assert.Contains("Opslaan als concept", buttons);
        Assert.Contains("Opslaan en publiceren", buttons);
        Assert.Contains("Voorbeeld bekijken", buttons);
        Assert.Contains("Groep toevoegen", buttons);
        Assert.Contains(buttons, b => b.StartsWith("Bijeenkomst toevoegen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Add_and_remove_commands_rerender_the_form_without_losing_input_or_saving()
    {
        var admin = await AdminAsync(factory);
        var before = await CountVersionsAsync(factory);
        var title = Unique("Zonder JavaScript");
        var form = (await FilledNewFormAsync(admin, title))
            .SetAll("Themes", "inclusief-werkgeverschap")
            .Set("Form", "hybride")
            .Set("Editions[0].Sessions[0].OnlineUrl", "https://example.nl/meet");

        var added = await admin.SubmitAsync(form, "add-session:0");

        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.Equal(title, added.Value("Title"));
        Assert.Equal("Groep 1", added.Value("Editions[0].Name"));
        Assert.Equal("12", added.Value("Editions[0].Capacity"));
        Assert.Equal(FutureDate(), added.Value("Editions[0].Sessions[0].Date"));
        Assert.Equal("09:30", added.Value("Editions[0].Sessions[0].StartTime"));
        Assert.Equal("Werkcentrum, Kadestraat 1", added.Value("Editions[0].Sessions[0].Location"));
        Assert.Equal("https://example.nl/meet", added.Value("Editions[0].Sessions[0].OnlineUrl"));
        Assert.Equal("95,00", added.Value("Cost"));
        Assert.True(added.Document.QuerySelector("input[name=Themes][value=inclusief-werkgeverschap]")?.HasAttribute("checked"));
        Assert.True(added.Document.GetElementById("Form_hybride")?.HasAttribute("checked"));
        Assert.Equal("", added.Value("Editions[0].Sessions[1].Date"));
        Assert.True(added.Document.GetElementById("Editions_0__Sessions_1__Date")?.HasAttribute("autofocus"));
        Assert.Contains("toegevoegd", added.StatusMessage);
        Assert.Equal(before, await CountVersionsAsync(factory));

        // Add a group, fill the second session, then remove the first session: values shift with their rows.
        var twoGroups = await admin.SubmitAsync(added.Form()
            .Set("Editions[0].Sessions[1].Date", FutureDate(52))
            .Set("Editions[0].Sessions[1].StartTime", "13:00")
            .Set("Editions[0].Sessions[1].EndTime", "16:00"), "add-edition");
        Assert.NotNull(twoGroups.Input("Editions[1].Name"));
        Assert.NotNull(twoGroups.Input("Editions[1].Sessions[0].Date"));

        var removed = await admin.SubmitAsync(twoGroups.Form(), "remove-session:0:0");
        Assert.Equal(HttpStatusCode.OK, removed.Status);
        Assert.Equal(FutureDate(52), removed.Value("Editions[0].Sessions[0].Date"));
        Assert.Equal("13:00", removed.Value("Editions[0].Sessions[0].StartTime"));
        Assert.Null(removed.Input("Editions[0].Sessions[1].Date"));

        var groupRemoved = await admin.SubmitAsync(removed.Form(), "remove-edition:1");
        Assert.Null(groupRemoved.Input("Editions[1].Name"));
        Assert.Equal(before, await CountVersionsAsync(factory));

        // Saving now stores one group with the one remaining session.
        var saved = await admin.SubmitAsync(groupRemoved.Form(), "save-draft");
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var id = saved.Location!.Split('/').Last();
        await using var scope = factory.Services.CreateAsyncScope();
        var item = await scope.ServiceProvider.GetRequiredService<ContentManager>().GetAsync(id, VersionOptions.Latest);
        var edition = Assert.Single(item!.As<EditionsPart>().Editions);
        var session = Assert.Single(edition.Sessions);
        Assert.Equal("13:00", Academy.Core.Recipes.AmsterdamTime.ToLocal(session.Start).ToString("HH:mm"));
        Assert.Equal(OfferingForm.Hybride, item.As<OfferingPart>().Form);
        Assert.Equal(["inclusief-werkgeverschap"], item.As<OfferingPart>().Themes);
    }

    [Fact]
    public async Task Preview_shows_the_draft_with_rendered_markdown_and_a_not_published_notice()
    {
        var admin = await AdminAsync(factory);
        var title = Unique("Voorbeeldtest");
        var form = await FilledNewFormAsync(admin, title);
        var saved = await admin.SubmitAsync(form, "preview");
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.EndsWith("/voorbeeld", saved.Location);

        var preview = await admin.GetAsync(saved.Location!);
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains("Voorbeeld — niet gepubliceerd", preview.Html);
        Assert.Equal(title, preview.Document.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("Programma", preview.Document.QuerySelector(".admin-preview__body h2")?.TextContent.Trim());
        Assert.Equal("Oefenen", preview.Document.QuerySelector(".admin-preview__body strong")?.TextContent.Trim());
        var text = preview.Document.QuerySelector("article")!.TextContent;
        Assert.Contains("€ 95,00", text);
        Assert.Contains("09:30–12:00", text);
        Assert.NotNull(preview.Document.QuerySelector("nav.admin-nav")); // inside the admin layout
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/aanbod/bestaat-niet/voorbeeld")).Status);
    }

    [Fact]
    public async Task Delete_asks_for_confirmation_then_removes_the_offering()
    {
        var admin = await AdminAsync(factory);
        var title = Unique("Te verwijderen");
        var id = await CreateAsync(admin, title);

        var confirm = await admin.GetAsync($"/admin/aanbod/{id}/verwijderen");
        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        Assert.Contains($"Weet u zeker dat u '{title}' (Workshop) wilt verwijderen?", confirm.Document.Body!.TextContent.Replace("\n", " "));

        var deleted = await admin.SubmitAsync(confirm.Form(), null);
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.Equal("/admin/aanbod", deleted.Location);
        var list = await admin.GetAsync("/admin/aanbod");
        Assert.Contains("is verwijderd", list.StatusMessage);
        Assert.DoesNotContain(title, list.Document.QuerySelector("table")?.TextContent ?? "");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/aanbod/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/aanbod/{id}/verwijderen")).Status);
        var token = await admin.TokenAsync("/admin/aanbod/nieuw/Workshop");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/admin/aanbod/{id}/verwijderen", [new("__RequestVerificationToken", token)])).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/admin/aanbod/{id}/publiceren", [new("__RequestVerificationToken", token)])).Status);
    }

    [Fact]
    public async Task Saving_an_unchanged_published_offering_does_not_start_a_draft()
    {
        var admin = await AdminAsync(factory);
        var id = await CreateAsync(admin, Unique("Ongewijzigd"), command: "save-publish", change: form => form
            .SetAll("Themes", "inclusief-werkgeverschap")
            .Set("Fields[0].Url", "https://example.nl/materiaal")
            .Set("Fields[0].Text", "Werkboek"));
        var before = await CountVersionsAsync(factory);

        var edit = await admin.GetAsync($"/admin/aanbod/{id}");
        Assert.Equal("https://example.nl/materiaal", edit.Value("Fields[0].Url"));
        var saved = await admin.SubmitAsync(edit.Form(), "save-draft");

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var after = await admin.GetAsync($"/admin/aanbod/{id}");
        Assert.Contains("geen wijzigingen", after.StatusMessage);
        Assert.Equal("Gepubliceerd", after.Document.QuerySelector("#publicatiestatus")?.TextContent.Trim());
        Assert.Equal(before, await CountVersionsAsync(factory));
    }

    [Fact]
    public async Task Seeded_offerings_round_trip_through_the_form_unchanged()
    {
        var admin = await AdminAsync(factory);
        var list = await admin.GetAsync("/admin/aanbod?status=gepubliceerd");
        var links = list.Document.QuerySelectorAll("tbody th a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            var edit = await admin.GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, edit.Status);
            var preview = await admin.GetAsync(link + "/voorbeeld");
            Assert.Equal(HttpStatusCode.OK, preview.Status);
            var saved = await admin.SubmitAsync(edit.Form(), "save-draft");
            Assert.True(saved.Status == HttpStatusCode.Redirect, $"{link}: {(int)saved.Status} {string.Join(" | ", saved.ErrorSummary)}");
            var after = await admin.GetAsync(link);
            Assert.True(after.StatusMessage?.Contains("geen wijzigingen") == true, $"{link}: {after.StatusMessage}");
        }
    }

    [Fact]
    public async Task Post_without_antiforgery_token_is_rejected()
    {
        var admin = await AdminAsync(factory);
        var id = await CreateAsync(admin, Unique("Antiforgery"));
        var response = await admin.PostAsync($"/admin/aanbod/{id}/publiceren", []);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }
}
