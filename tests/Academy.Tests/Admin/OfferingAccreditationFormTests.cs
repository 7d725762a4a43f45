using Academy.Accreditation.Models;
using Academy.Leeragenda.Abstractions;
using Academy.Accreditation.Abstractions;
using System.Net;
using AngleSharp.Html.Dom;
using Academy.Core.Content;
using Academy.Core.Contracts;
using Academy.Leeragenda.Models;
using Academy.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Admin.AdminTestKit;

namespace Academy.Tests.Admin;

/// <summary>The aanbod form's completion rule, accreditations per register and trainers per group, and what they feed.</summary>
public sealed class OfferingAccreditationFormTests(OfferingAccreditationFormTests.Site site) : IClassFixture<OfferingAccreditationFormTests.Site>
{
    private readonly AcademyFactory factory = site.Factory;

    /// <summary>One SQLite site and one signed-in admin for the whole class (many theory cases would hit the login throttle).</summary>
    public sealed class Site : IDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private Browser? _admin;

        public AcademyFactory Factory { get; } = new();

        public async Task<Browser> AdminAsync()
        {
            await _gate.WaitAsync();
            try
            {
                return _admin ??= await AdminTestKit.AdminAsync(Factory);
            }
            finally
            {
                _gate.Release();
            }
        }

        public void Dispose()
        {
            Factory.Dispose();
            _gate.Dispose();
        }
    }

    private static string Unique(string title) => $"{title} {Guid.NewGuid().ToString("n")[..6]}";

    [Fact]
    public async Task Completion_accreditations_and_trainers_round_trip_and_reach_the_edition_catalog()
    {
        var admin = await site.AdminAsync();
        var before = await CountVersionsAsync(factory);
        var form = (await FilledNewFormAsync(admin, Unique("Accreditatie rondje")))
            .Set("CompletionRule", "minimumpercent")
            .Set("CompletionPercent", "80")
            .Set("Accreditations[0].RegisterId", "registerplein")
            .Set("Accreditations[0].Hours", "1,5")
            .Set("Accreditations[0].Code", "RP-26-9999")
            .Set("Accreditations[0].ValidFrom", "01-01-2026")
            .Set("Accreditations[0].ValidTo", "31-12-2027")
            .Set("Editions[0].TrainerEmails", "Trainer@Example.nl, tweede@example.nl\r\nderde@example.nl");

        // A second accreditation row comes from a submit button, without JavaScript, keeping what was typed.
        var added = await admin.SubmitAsync(form, "add-accreditation");
        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.Equal(before, await CountVersionsAsync(factory));
        Assert.Equal("1,5", added.Value("Accreditations[0].Hours"));
        Assert.Equal("registerplein", SelectedValue(added, "Accreditations[0].RegisterId"));
        Assert.Equal("", added.Value("Accreditations[1].Hours"));
        Assert.True(added.Document.GetElementById("Accreditations_1__RegisterId")?.HasAttribute("autofocus"));
        Assert.Contains("Accreditatie 2 is toegevoegd.", added.StatusMessage);
        Assert.Equal("80", added.Value("CompletionPercent"));
        Assert.Contains("tweede@example.nl", added.Document.GetElementById("Editions_0__TrainerEmails")?.TextContent);

        var saved = await admin.SubmitAsync(added.Form()
            .Set("Accreditations[1].RegisterId", "skj")
            .Set("Accreditations[1].Hours", "2"), "save-publish");
        Assert.True(saved.Status == HttpStatusCode.Redirect, string.Join(" | ", saved.ErrorSummary));
        var id = saved.Location!.Split('/').Last();

        var edit = await admin.GetAsync($"/admin/aanbod/{id}");
        Assert.True(edit.Document.GetElementById("CompletionRule_minimumpercent")?.HasAttribute("checked"));
        Assert.False(edit.Document.GetElementById("CompletionRule_allsessions")?.HasAttribute("checked"));
        Assert.Equal("80", edit.Value("CompletionPercent"));
        Assert.Equal("registerplein", SelectedValue(edit, "Accreditations[0].RegisterId"));
        Assert.Equal("1,5", edit.Value("Accreditations[0].Hours"));
        Assert.Equal("RP-26-9999", edit.Value("Accreditations[0].Code"));
        Assert.Equal("01-01-2026", edit.Value("Accreditations[0].ValidFrom"));
        Assert.Equal("31-12-2027", edit.Value("Accreditations[0].ValidTo"));
        Assert.Equal("skj", SelectedValue(edit, "Accreditations[1].RegisterId"));
        Assert.Equal("2", edit.Value("Accreditations[1].Hours"));
        Assert.Equal("", edit.Value("Accreditations[1].ValidTo"));
        Assert.Null(edit.Input("Accreditations[2].Hours"));
        Assert.Equal("trainer@example.nl\ntweede@example.nl\nderde@example.nl",
            edit.Document.GetElementById("Editions_0__TrainerEmails")?.TextContent.Trim().ReplaceLineEndings("\n"));
        Assert.Contains("Registerplein (kwaliteitsregister sociaal domein) (uren)",
            edit.Document.QuerySelectorAll("select[name='Accreditations[0].RegisterId'] option").Select(o => o.TextContent.Trim()));

        // What the accreditation module relies on: the published edition carries the rule, the hours and the trainers.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var item = await scope.ServiceProvider.GetRequiredService<ContentManager>().GetAsync(id, VersionOptions.Published);
            var editionId = Assert.Single(item!.As<EditionsPart>().Editions).EditionId;
            var catalog = scope.ServiceProvider.GetRequiredService<IEditionCatalog>();
            var info = await catalog.GetAsync(editionId);
            Assert.NotNull(info);
            Assert.Equal(new CompletionRuleInfo(CompletionRuleKind.MinimumPercent, 80), info.Completion());
            Assert.Equal(
                new[]
                {
                    new AccreditationInfo("registerplein", 1.5m, "RP-26-9999", new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31)),
                    new AccreditationInfo("skj", 2m, null, null, null),
                },
                info.Accreditations());
            Assert.Equal(["trainer@example.nl", "tweede@example.nl", "derde@example.nl"], info.TrainerEmails);
            var start = info.StartUtc!.Value;
            var forTrainer = await catalog.ListInPeriodAsync(start.AddDays(-1), start.AddDays(1), "DERDE@example.nl");
            Assert.Contains(forTrainer, e => e.EditionId == editionId);
            var forOther = await catalog.ListInPeriodAsync(start.AddDays(-1), start.AddDays(1), "iemand-anders@example.nl");
            Assert.DoesNotContain(forOther, e => e.EditionId == editionId);
        }

        // Back again: marked complete (the percentage is dropped), the first accreditation removed, no trainers.
        var removed = await admin.SubmitAsync(edit.Form(), "remove-accreditation:0");
        Assert.Equal(HttpStatusCode.OK, removed.Status);
        Assert.Equal("skj", SelectedValue(removed, "Accreditations[0].RegisterId"));
        Assert.Equal("2", removed.Value("Accreditations[0].Hours"));
        Assert.Null(removed.Input("Accreditations[1].Hours"));
        Assert.True(removed.Document.GetElementById("accreditatie-toevoegen")?.HasAttribute("autofocus"));
        var resaved = await admin.SubmitAsync(removed.Form()
            .Set("CompletionRule", "markedcomplete")
            .Set("Editions[0].TrainerEmails", ""), "save-publish");
        Assert.Equal(HttpStatusCode.Redirect, resaved.Status);

        var again = await admin.GetAsync($"/admin/aanbod/{id}");
        Assert.True(again.Document.GetElementById("CompletionRule_markedcomplete")?.HasAttribute("checked"));
        Assert.Equal("", again.Value("CompletionPercent"));
        Assert.Equal("skj", SelectedValue(again, "Accreditations[0].RegisterId"));
        Assert.Null(again.Input("Accreditations[1].Hours"));
        Assert.Equal("", again.Document.GetElementById("Editions_0__TrainerEmails")?.TextContent.Trim());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var offering = (await scope.ServiceProvider.GetRequiredService<ContentManager>().GetAsync(id, VersionOptions.Published))!;
            var part = offering.As<AccreditationPart>();
            Assert.Equal(CompletionRuleKind.MarkedComplete, part.CompletionRule);
            Assert.Null(part.CompletionPercent);
            Assert.Equal("skj", Assert.Single(part.Accreditations).RegisterId);
            Assert.Empty(offering.As<EditionsPart>().Editions[0].TrainerEmails);
        }
    }

    [Fact]
    public async Task Completion_rule_is_a_labelled_radio_group_and_a_new_offering_starts_with_all_sessions()
    {
        var admin = await site.AdminAsync();
        var page = await admin.GetAsync("/admin/aanbod/nieuw/Workshop");
        var legends = page.Document.QuerySelectorAll("fieldset > legend").Select(l => l.TextContent.Trim()).ToList();
        Assert.Contains("Wanneer is de deelname afgerond?", legends);
        Assert.Contains("Accreditaties", legends);
        Assert.Contains("Accreditatie 1", legends);
        Assert.Equal(
            ["Alle bijeenkomsten bijgewoond", "Minimaal een percentage van de tijd aanwezig", "Handmatig afgemeld (e-learning)"],
            page.Document.QuerySelectorAll("input[name=CompletionRule]").Select(r => page.Document.QuerySelector($"label[for={r.Id}]")!.TextContent.Trim()));
        Assert.True(page.Document.GetElementById("CompletionRule_allsessions")?.HasAttribute("checked"));
        Assert.Equal("Trainers (e-mailadressen, één per regel of gescheiden door komma's)",
            page.Document.QuerySelector("label[for=Editions_0__TrainerEmails]")?.TextContent.Trim());
        Assert.Equal("Register", page.Document.QuerySelector("label[for=Accreditations_0__RegisterId]")?.TextContent.Trim());
        var registers = page.Document.QuerySelectorAll("select[name='Accreditations[0].RegisterId'] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal("", registers[0]);
        Assert.Equal(["adviesraad-re-integratie", "registerplein", "skj"], registers.Skip(1).Order());

        // An empty accreditation row is ignored: the offering saves without one.
        var id = await CreateAsync(admin, Unique("Zonder accreditatie"));
        await using var scope = factory.Services.CreateAsyncScope();
        var item = await scope.ServiceProvider.GetRequiredService<ContentManager>().GetAsync(id, VersionOptions.Latest);
        Assert.Empty(item!.As<AccreditationPart>().Accreditations);
        Assert.Equal(CompletionRuleKind.AllSessions, item.As<AccreditationPart>().CompletionRule);
    }

    [Theory]
    [InlineData("#CompletionPercent", "Vul het percentage in dat deelnemers minimaal aanwezig moeten zijn", "CompletionRule", "minimumpercent", "CompletionPercent", "")]
    [InlineData("#CompletionPercent", "heel getal van 1 tot en met 100", "CompletionRule", "minimumpercent", "CompletionPercent", "150")]
    [InlineData("#CompletionPercent", "heel getal van 1 tot en met 100", "CompletionRule", "minimumpercent", "CompletionPercent", "veel")]
    [InlineData("#Accreditations_0__Hours", "Vul de uren of punten in als getal", "Accreditations[0].RegisterId", "registerplein", "Accreditations[0].Hours", "abc")]
    [InlineData("#Accreditations_0__Hours", "groter dan 0", "Accreditations[0].RegisterId", "registerplein", "Accreditations[0].Hours", "-2")]
    [InlineData("#Accreditations_0__Hours", "groter dan 0", "Accreditations[0].RegisterId", "registerplein", "Accreditations[0].Hours", "0")]
    [InlineData("#Accreditations_0__Hours", "hoogstens 1000", "Accreditations[0].RegisterId", "registerplein", "Accreditations[0].Hours", "1000,5")]
    [InlineData("#Accreditations_0__Hours", "twee cijfers achter de komma", "Accreditations[0].RegisterId", "registerplein", "Accreditations[0].Hours", "1,555")]
    [InlineData("#Accreditations_0__Hours", "Vul het aantal uren of punten in", "Accreditations[0].RegisterId", "registerplein", "Accreditations[0].Code", "RP-1")]
    [InlineData("#Accreditations_0__RegisterId", "Kies het register", "Accreditations[0].Hours", "4")]
    [InlineData("#Accreditations_0__RegisterId", "Het register 'bestaat-niet' bestaat niet.", "Accreditations[0].RegisterId", "bestaat-niet", "Accreditations[0].Hours", "4")]
    [InlineData("#Accreditations_0__ValidTo", "vóór de begindatum", "Accreditations[0].RegisterId", "registerplein", "Accreditations[0].Hours", "4",
        "Accreditations[0].ValidFrom", "01-06-2027", "Accreditations[0].ValidTo", "01-01-2027")]
    [InlineData("#Accreditations_0__ValidFrom", "De datum '31-02-2027' bestaat niet.", "Accreditations[0].RegisterId", "registerplein", "Accreditations[0].Hours", "4",
        "Accreditations[0].ValidFrom", "31-02-2027")]
    [InlineData("#Accreditations_0__Code", "De accreditatiecode is te lang", "Accreditations[0].RegisterId", "registerplein", "Accreditations[0].Hours", "4",
        "Accreditations[0].Code", "RP-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789")]
    [InlineData("#Accreditations_1__RegisterId", "Dit register staat al bij accreditatie 1.", "Accreditations[0].RegisterId", "skj", "Accreditations[0].Hours", "2",
        "Accreditations[1].RegisterId", "skj", "Accreditations[1].Hours", "3", "Accreditations[1].Code", "SKJ-2")]
    [InlineData("#Editions_0__TrainerEmails", "'geen-adres' is geen geldig e-mailadres.", "Editions[0].TrainerEmails", "trainer@example.nl\ngeen-adres")]
    [InlineData("#Editions_0__TrainerEmails", "'a@b' is geen geldig e-mailadres.", "Editions[0].TrainerEmails", "a@b")]
    public async Task Bad_input_keeps_what_was_typed_shows_a_dutch_message_and_saves_nothing(string href, string message, params string[] changes)
    {
        var admin = await site.AdminAsync();
        var before = await CountVersionsAsync(factory);
        var form = await FilledNewFormAsync(admin, Unique("Foute accreditatie"));
        for (var i = 0; i < changes.Length; i += 2)
        {
            form.Set(changes[i], changes[i + 1]);
        }

        var page = await admin.SubmitAsync(form, "save-publish");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.ErrorLinks, l => l.Href == href && l.Text.Contains(message, StringComparison.Ordinal));
        var target = page.Document.GetElementById(href[1..]);
        Assert.NotNull(target);
        Assert.Equal("true", target.GetAttribute("aria-invalid"));
        Assert.StartsWith("Fout: ", page.Document.Title);
        for (var i = 0; i < changes.Length; i += 2)
        {
            Assert.Equal(changes[i + 1].ReplaceLineEndings("\n"), FieldValue(page, changes[i])?.ReplaceLineEndings("\n"));
        }
        Assert.Equal("Groep 1", page.Value("Editions[0].Name"));
        Assert.Equal("95,00", page.Value("Cost"));
        Assert.Equal(before, await CountVersionsAsync(factory));
    }

    [Fact]
    public async Task Bad_input_on_an_existing_offering_leaves_its_stored_accreditations_alone()
    {
        var admin = await site.AdminAsync();
        var id = await CreateAsync(admin, Unique("Blijft staan"), "save-publish", form => form
            .Set("Accreditations[0].RegisterId", "registerplein").Set("Accreditations[0].Hours", "3"));
        var before = await CountVersionsAsync(factory);
        var edit = await admin.GetAsync($"/admin/aanbod/{id}");

        var page = await admin.SubmitAsync(edit.Form().Set("Accreditations[0].Hours", "-1").Set("Editions[0].TrainerEmails", "x@example.nl"), "save-draft");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("-1", page.Value("Accreditations[0].Hours"));

        // Hand-made posts with stale or odd row commands re-render the form; nothing is saved.
        var token = await admin.TokenAsync($"/admin/aanbod/{id}");
        foreach (var command in new[] { "remove-accreditation:99", "remove-accreditation:x", "remove-accreditation:-1", "save-draft" })
        {
            var response = await admin.PostAsync($"/admin/aanbod/{id}",
                [new("__RequestVerificationToken", token), new("Title", "x"), new("Accreditations[0].Hours", "abc"), new("command", command)]);
            Assert.Equal(HttpStatusCode.OK, response.Status);
        }
        // A completion rule that is not one of the three choices.
        var odd = await admin.SubmitAsync(edit.Form().Set("CompletionRule", "soms"), "save-draft");
        Assert.Equal(HttpStatusCode.OK, odd.Status);
        Assert.Contains(("#CompletionRule_allsessions", "Kies wanneer de deelname is afgerond."), odd.ErrorLinks);
        Assert.Equal(before, await CountVersionsAsync(factory));
        await using var scope = factory.Services.CreateAsyncScope();
        var item = await scope.ServiceProvider.GetRequiredService<ContentManager>().GetAsync(id, VersionOptions.Latest);
        Assert.Equal(3m, Assert.Single(item!.As<AccreditationPart>().Accreditations).Hours);
        Assert.Empty(item.As<EditionsPart>().Editions[0].TrainerEmails);
    }

    [Fact]
    public async Task Public_page_shows_each_accreditation_with_register_name_unit_and_code()
    {
        var admin = await site.AdminAsync();
        var title = Unique("Publieke accreditatie");
        await CreateAsync(admin, title, "save-publish", form => form
            .Set("Accreditations[0].RegisterId", "registerplein")
            .Set("Accreditations[0].Hours", "1,5")
            .Set("Accreditations[0].Code", "RP-26-4242")
            .Set("Accreditations[0].ValidTo", "31-12-2027")
            .Set("Accreditations[1].RegisterId", "skj")
            .Set("Accreditations[1].Hours", "2"));

        var page = await Anonymous(factory).GetAsync("/leeragenda/" + Academy.Core.Text.Slug.From(title));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var term = page.Document.QuerySelectorAll("dl.offering-facts dt").Single(dt => dt.TextContent.Trim() == "Accreditaties");
        var items = term.NextElementSibling!.QuerySelectorAll("li").Select(li => string.Join(" ", li.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal(
            [
                "Registerplein (kwaliteitsregister sociaal domein): 1,5 uren, accreditatiecode RP-26-4242 (geldig tot en met 31 december 2027)",
                "Kwaliteitsregister Jeugd (SKJ): 2 punten",
            ],
            items);

        // The seeded HARRIE training names its two registers too.
        var harrie = await Anonymous(factory).GetAsync("/leeragenda/harrie-training");
        var text = harrie.Document.QuerySelector("dl.offering-facts")!.TextContent;
        Assert.Contains("Registerplein (kwaliteitsregister sociaal domein): 12 uren", text);
        Assert.Contains("Register re-integratieprofessionals: 12 uren", text);
    }

    [Fact]
    public async Task Preview_shows_the_completion_rule_accreditations_and_trainers()
    {
        var admin = await site.AdminAsync();
        var preview = await admin.GetAsync("/admin/aanbod/harrie-training/voorbeeld");

        Assert.Equal(HttpStatusCode.OK, preview.Status);
        var text = string.Join(" ", preview.Document.QuerySelector("article")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Afgerond bij Alle bijeenkomsten bijgewoond", text);
        Assert.Contains("Registerplein (kwaliteitsregister sociaal domein): 12 uren, accreditatiecode RP-26-0198", text);
        Assert.Contains("Trainers: trainer@example.nl", text);
    }

    /// <summary>What the page shows in a control: an input's value, a text area's text, a select's chosen option.</summary>
    private static string? FieldValue(Page page, string name)
    {
        var element = page.Document.QuerySelector($"[name='{name}']");
        return element switch
        {
            IHtmlInputElement { Type: "radio" } => page.Document.QuerySelector($"input[name='{name}'][checked]")?.GetAttribute("value"),
            IHtmlInputElement input => input.GetAttribute("value") ?? "",
            IHtmlTextAreaElement area => area.TextContent,
            IHtmlSelectElement => SelectedValue(page, name),
            _ => null,
        };
    }

    private static string? SelectedValue(Page page, string name) =>
        page.Document.QuerySelector($"select[name='{name}'] option[selected]")?.GetAttribute("value");
}
