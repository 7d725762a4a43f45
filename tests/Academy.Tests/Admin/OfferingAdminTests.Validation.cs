using System.Net;
using Academy.Core.Content;
using Academy.Leeragenda.Models;
using Academy.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Admin.AdminTestKit;

namespace Academy.Tests.Admin;

/// <summary>The aanbod admin's validation: Dutch messages at their fields, input kept, nothing saved, never a server error.</summary>
public sealed partial class OfferingAdminTests
{
    [Fact]
    public async Task Missing_title_is_reported_in_dutch_with_the_input_kept_and_nothing_saved()
    {
        var admin = await AdminAsync(factory);
        var before = await CountVersionsAsync(factory);
        var form = (await FilledNewFormAsync(admin, "")).Set("Summary", "Blijft staan");

        var page = await admin.SubmitAsync(form, "save-draft");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(("#Title", "Vul een titel in."), page.ErrorLinks);
        Assert.Equal("alert", page.Document.GetElementById("foutmeldingen")?.GetAttribute("role"));
        var title = page.Document.GetElementById("Title")!;
        Assert.Equal("true", title.GetAttribute("aria-invalid"));
        Assert.Contains("Title-fout", title.GetAttribute("aria-describedby"));
        Assert.Equal("Vul een titel in.", page.Document.GetElementById("Title-fout")?.TextContent.Replace("Fout:", "").Trim());
        Assert.StartsWith("Fout: ", page.Document.Title);
        Assert.Equal("Blijft staan", page.Document.GetElementById("Summary")?.TextContent);
        Assert.Equal("Groep 1", page.Value("Editions[0].Name"));
        Assert.Equal("95,00", page.Value("Cost"));
        Assert.Equal(before, await CountVersionsAsync(factory));
    }

    [Fact]
    public async Task Capacity_zero_is_reported_next_to_the_capacity()
    {
        var admin = await AdminAsync(factory);
        var before = await CountVersionsAsync(factory);
        var form = (await FilledNewFormAsync(admin, Unique("Capaciteit"))).Set("Editions[0].Capacity", "0");

        var page = await admin.SubmitAsync(form, "save-draft");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(("#Editions_0__Capacity", "Het aantal plaatsen moet minimaal 1 zijn."), page.ErrorLinks);
        Assert.Equal("true", page.Document.GetElementById("Editions_0__Capacity")?.GetAttribute("aria-invalid"));
        Assert.NotNull(page.Document.GetElementById("Editions_0__Capacity-fout"));
        Assert.Equal("0", page.Value("Editions[0].Capacity"));
        Assert.Equal(before, await CountVersionsAsync(factory));
    }

    [Fact]
    public async Task End_before_start_is_reported_at_the_end_time()
    {
        var admin = await AdminAsync(factory);
        var before = await CountVersionsAsync(factory);
        var form = (await FilledNewFormAsync(admin, Unique("Tijden")))
            .Set("Editions[0].Sessions[0].StartTime", "14:00")
            .Set("Editions[0].Sessions[0].EndTime", "13:00");

        var page = await admin.SubmitAsync(form, "save-publish");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(("#Editions_0__Sessions_0__EndTime", "Het einde van een bijeenkomst moet na het begin liggen."), page.ErrorLinks);
        Assert.Equal("true", page.Document.GetElementById("Editions_0__Sessions_0__EndTime")?.GetAttribute("aria-invalid"));
        Assert.Equal("14:00", page.Value("Editions[0].Sessions[0].StartTime"));
        Assert.Equal(before, await CountVersionsAsync(factory));
    }

    [Fact]
    public async Task Duplicate_slug_is_reported_at_the_web_address()
    {
        var admin = await AdminAsync(factory);
        var first = Unique("Eerste");
        await CreateAsync(admin, first);
        var slug = Academy.Core.Text.Slug.From(first);
        var before = await CountVersionsAsync(factory);

        var form = (await FilledNewFormAsync(admin, Unique("Tweede"))).Set("Slug", slug);
        var page = await admin.SubmitAsync(form, "save-draft");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(("#Slug", $"Het webadres '{slug}' is al in gebruik."), page.ErrorLinks);
        Assert.Equal("true", page.Document.GetElementById("Slug")?.GetAttribute("aria-invalid"));
        Assert.Equal(before, await CountVersionsAsync(factory));
    }

    [Fact]
    public async Task Malformed_numbers_dates_and_commands_give_messages_never_a_server_error()
    {
        var admin = await AdminAsync(factory);
        var before = await CountVersionsAsync(factory);
        var form = (await FilledNewFormAsync(admin, Unique("Rommel")))
            .Set("Editions[0].Capacity", "abc")
            .Set("Editions[0].Sessions[0].Date", "32-13-2026")
            .Set("Editions[0].Sessions[0].StartTime", "25:99")
            .Set("Editions[0].Sessions[0].OnlineUrl", "geen webadres")
            .Set("Cost", "veel")
            .Set("Form", "vliegend")
            .Set("Fields[0].Url", "niet-een-url");

        var page = await admin.SubmitAsync(form, "save-draft");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var links = page.ErrorLinks.Select(l => l.Href).ToList();
        Assert.Contains("#Editions_0__Capacity", links);
        Assert.Contains("#Editions_0__Sessions_0__Date", links);
        Assert.Contains("#Editions_0__Sessions_0__StartTime", links);
        Assert.Contains("#Editions_0__Sessions_0__OnlineUrl", links);
        Assert.Contains("#Cost", links);
        Assert.Contains("#Form_fysiek", links);
        Assert.Contains("#Fields_0__Url", links);
        Assert.Contains(page.ErrorSummary, m => m.Contains("32-13-2026", StringComparison.Ordinal));
        Assert.Equal("abc", page.Value("Editions[0].Capacity"));
        Assert.Equal("32-13-2026", page.Value("Editions[0].Sessions[0].Date"));
        foreach (var (href, _) in page.ErrorLinks)
        {
            Assert.NotNull(page.Document.GetElementById(href![1..]));
        }
        Assert.Equal(before, await CountVersionsAsync(factory));

        // Hand-made posts: odd indices, unknown commands, a huge capacity, an impossible spring-forward time.
        var token = await admin.TokenAsync("/admin/aanbod/nieuw/Workshop");
        foreach (var values in new[]
        {
            new Dictionary<string, string> { ["Title"] = "x", ["Editions[abc].Name"] = "y", ["command"] = "remove-session:x:y" },
            new Dictionary<string, string> { ["Title"] = "x", ["Editions[0].Capacity"] = "99999999999999999999", ["command"] = "save-draft" },
            new Dictionary<string, string> { ["Title"] = "x", ["Editions[0].Name"] = "G", ["Editions[0].Capacity"] = "5", ["Editions[0].Sessions[0].Date"] = "29-03-2026", ["Editions[0].Sessions[0].StartTime"] = "02:30", ["Editions[0].Sessions[0].EndTime"] = "04:00", ["command"] = "save-draft" },
            new Dictionary<string, string> { ["Title"] = "x", ["Editions[0].Sessions[0].Date"] = "01-01-0001", ["Editions[0].Sessions[0].StartTime"] = "00:00", ["Editions[0].Sessions[0].EndTime"] = "01:00", ["command"] = "save-draft" },
            new Dictionary<string, string> { ["Title"] = new string('x', 400), ["Cost"] = "1e30", ["command"] = "save-draft" },
            new Dictionary<string, string> { ["Themes"] = "bestaat-niet", ["OrganiserId"] = "onbekend", ["command"] = "preview" },
            new Dictionary<string, string> { ["command"] = "add-session:999" },
            // A big programme: 150 sessions are more fields than ASP.NET Core's default form limit of 1024.
            Enumerable.Range(0, 150).SelectMany(i => new[]
            {
                ($"Editions[0].Sessions[{i}].Date", "32-13-2026"), ($"Editions[0].Sessions[{i}].StartTime", "09:00"),
                ($"Editions[0].Sessions[{i}].EndTime", "10:00"), ($"Editions[0].Sessions[{i}].Location", "Zaal"),
                ($"Editions[0].Sessions[{i}].Place", "Arnhem"), ($"Editions[0].Sessions[{i}].OnlineUrl", ""),
                ($"Editions[0].Sessions[{i}].SessionId", ""), ($"Editions[0].Sessions[{i}].EndDate", ""),
            }).ToDictionary(x => x.Item1, x => x.Item2),
        })
        {
            values["__RequestVerificationToken"] = token;
            var response = await admin.PostAsync("/admin/aanbod/nieuw/Workshop", values);
            Assert.True(response.Status == HttpStatusCode.OK, $"{(int)response.Status} for {string.Join("&", values.Select(v => v.Key + "=" + v.Value))}\n{response.Html}");
        }
        Assert.Equal(before, await CountVersionsAsync(factory));
    }
}
