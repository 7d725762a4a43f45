using System.Net;
using System.Text;
using Academy.Meldingen.Models;
using Academy.Meldingen.Services;
using Academy.Tests.Admin;
using Microsoft.EntityFrameworkCore;

namespace Academy.Tests.Meldingen;

/// <summary>The data parts of meldingen, run on SQLite and on PostgreSQL.</summary>
public static class MeldingenScenarios
{
    /// <summary>A gids claims, notes, refers and closes; each step is in the history with who and what.</summary>
    public static async Task ClaimReferAndCloseAreKeptInHistoryAsync(MeldingenSite site)
    {
        var reference = await site.AskValidAsync(site.Visitor());
        var id = (await site.MeldingAsync(reference)).Id;
        var gids = await site.GidsAsync("anna");

        var queue = await gids.GetAsync("/gids/meldingen?status=open");
        Assert.Equal(HttpStatusCode.OK, queue.Status);
        Assert.NotNull(queue.Document.QuerySelector($"tr[data-melding='{reference}']"));

        await StepAsync(gids, id, "oppakken", [], "Je hebt de melding opgepakt.");
        await StepAsync(gids, id, "notitie", [new("note", "Gebeld, voicemail ingesproken.")], "Je notitie is opgeslagen.");
        await StepAsync(gids, id, "doorverwijzen", [new("organisation", "uwv-midden-gelderland")], "De doorverwijzing is opgeslagen.");
        var closed = await StepAsync(gids, id, "afsluiten", [], "De melding is afgesloten.");

        var steps = closed.Document.QuerySelectorAll("#melding-geschiedenis li").Select(li => li.GetAttribute("data-stap")).ToList();
        Assert.Equal(["Created", "Claimed", "Note", "Referred", "Closed"], steps);
        Assert.Contains("UWV Midden-Gelderland", closed.Document.QuerySelector("#melding-geschiedenis li[data-stap=Referred]")!.TextContent);
        Assert.Contains("Gebeld, voicemail ingesproken.", closed.Document.QuerySelector("#melding-geschiedenis li[data-stap=Note]")!.TextContent);
        Assert.Contains("Gids", closed.Document.QuerySelector("#melding-geschiedenis li[data-stap=Closed]")!.TextContent);
        var melding = await site.MeldingAsync(reference);
        Assert.Equal(MeldingStatus.Closed, melding.Status);
        Assert.Equal("uwv-midden-gelderland", melding.ReferredToId);
        Assert.NotNull(melding.ClosedUtc);
        Assert.NotNull((await gids.GetAsync("/gids/meldingen?status=afgesloten")).Document.QuerySelector($"tr[data-melding='{reference}']"));

        // Closed is closed: no more notes.
        var late = await StepAsync(gids, id, "notitie", [new("note", "Nog iets")], null);
        Assert.Contains("al afgesloten", late.Document.QuerySelector("#foutmelding")!.TextContent);
    }

    /// <summary>Two gidsen claim the same melding at once: one wins, the other is told so in Dutch; one claim step.</summary>
    public static async Task TwoClaimsAtOnceHaveOneWinnerAsync(MeldingenSite site)
    {
        var reference = await site.AskValidAsync(site.Visitor());
        var id = (await site.MeldingAsync(reference)).Id;
        var first = await site.GidsAsync("eerste");
        var second = await site.GidsAsync("tweede");
        var tokens = await Task.WhenAll(first.TokenAsync($"/gids/meldingen/{id}"), second.TokenAsync($"/gids/meldingen/{id}"));

        var posts = await Task.WhenAll(
            first.PostAsync($"/gids/meldingen/{id}/oppakken", [new("__RequestVerificationToken", tokens[0])]),
            second.PostAsync($"/gids/meldingen/{id}/oppakken", [new("__RequestVerificationToken", tokens[1])]));

        Assert.All(posts, p => Assert.Equal(HttpStatusCode.Redirect, p.Status));
        var pages = await Task.WhenAll(first.GetAsync(posts[0].Location!), second.GetAsync(posts[1].Location!));
        Assert.Single(pages, p => p.StatusMessage == "Je hebt de melding opgepakt.");
        Assert.Single(pages, p => p.Document.QuerySelector("#foutmelding")?.TextContent.Contains("Een andere gids heeft deze melding al opgepakt.") == true);
        var claims = await site.WithDbAsync(db => db.Set<MeldingStep>().CountAsync(s => s.MeldingId == id && s.Kind == MeldingStepKind.Claimed));
        Assert.Equal(1, claims);

        // The loser cannot refer or close what the winner holds.
        var loser = pages[0].StatusMessage == "Je hebt de melding opgepakt." ? second : first;
        var refused = await StepAsync(loser, id, "afsluiten", [], null);
        Assert.Contains("Dit kan alleen de gids die de melding heeft opgepakt.", refused.Document.QuerySelector("#foutmelding")!.TextContent);
        Assert.Equal(MeldingStatus.Claimed, (await site.MeldingAsync(reference)).Status);
    }

    /// <summary>
    /// The dashboard counts by dimension with 1–4 shown as "&lt; 5"; the CSV has the same figures and no personal data.
    /// Then retention: the closed melding past its retention loses its personal data, open ones keep theirs, the counts stay.
    /// </summary>
    public static async Task DashboardSuppressesSmallCountsAndSurvivesRetentionAsync(MeldingenSite site)
    {
        var visitor = site.Visitor();
        var emails = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var fields = MeldingenSite.Valid(emails.Count == 0 ? $"oud-{Guid.NewGuid():n}@example.nl" : $"vrager{i}-{Guid.NewGuid():n}@example.nl");
            fields["Topic"] = i < 5 ? "scholing" : "personeel";
            fields["Audience"] = i < 5 ? "werkende" : "werkgever";
            fields["Gemeente"] = i < 5 ? "Zevenaar" : "Duiven";
            emails.Add(fields["Email"]);
            await site.AskValidAsync(visitor, fields);
        }
        var admin = AdminTestKit.Anonymous(site.Factory);
        await admin.LoginAsync(Testing.AcademyFactory.AdminEmail, Testing.AcademyFactory.AdminPassword);

        var before = await admin.GetAsync("/admin/meldingen");
        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal("5", Cell(before, "vraag", "Scholing of een opleiding"));
        Assert.Equal("< 5", Cell(before, "vraag", "Personeel zoeken"));
        Assert.Equal("0", Cell(before, "vraag", "Werk zoeken"));
        Assert.Equal("5", Cell(before, "gemeente", "Zevenaar"));
        Assert.Equal("< 5", Cell(before, "gemeente", "Duiven"));
        Assert.Equal("< 5", Cell(before, "doelgroep", "Werkgevers"));
        Assert.NotNull(before.Document.QuerySelector("#grafiek-vraag svg[role=img] title"));
        Assert.Contains("6 meldingen", before.Document.QuerySelector("#samenvatting-tekst")!.TextContent);

        var csvResponse = await admin.Client.GetAsync("/admin/meldingen/meldingen.csv");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var csv = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        Assert.StartsWith("onderdeel;waarde;aantal", csv);
        Assert.Contains("vraag;Scholing of een opleiding;5", csv);
        Assert.Contains("vraag;Personeel zoeken;< 5", csv);
        Assert.Contains("totaal;Totaal;6", csv);
        Assert.DoesNotContain("@", csv);
        Assert.DoesNotContain("zorg", csv);

        // Close the first one, then let 13 months pass (retention 12 months).
        var gids = await site.GidsAsync("bewaar");
        var oldest = await site.WithDbAsync(db => db.Set<Melding>().SingleAsync(m => m.Email == emails[0]));
        await StepAsync(gids, oldest.Id, "oppakken", [], "Je hebt de melding opgepakt.");
        await StepAsync(gids, oldest.Id, "notitie", [new("note", "Persoonlijke notitie")], "Je notitie is opgeslagen.");
        await StepAsync(gids, oldest.Id, "afsluiten", [], "De melding is afgesloten.");
        var countsBefore = await site.WithServiceAsync<MeldingStatistics, string>(async s => MeldingStatisticsText(await s.GetAsync("maand")));

        var realNow = site.Clock.Now;
        site.Clock.Now = realNow.AddMonths(13);
        var erased = await site.WithServiceAsync<MeldingRetention, int>(r => r.RunAsync());
        site.Clock.Now = realNow;
        var countsAfter = await site.WithServiceAsync<MeldingStatistics, string>(async s => MeldingStatisticsText(await s.GetAsync("maand")));

        Assert.True(erased >= 1);
        var gone = await site.MeldingAsync(oldest.Reference);
        Assert.Null(gone.Email);
        Assert.Null(gone.Question);
        Assert.NotNull(gone.ErasedUtc);
        Assert.Equal("scholing", gone.Topic);
        Assert.Null(await site.WithDbAsync(db => db.Set<MeldingStep>().Where(s => s.MeldingId == oldest.Id && s.Kind == MeldingStepKind.Note).Select(s => s.Text).SingleAsync()));
        var open = await site.WithDbAsync(db => db.Set<Melding>().SingleAsync(m => m.Email == emails[1]));
        Assert.NotNull(open.Question);
        Assert.Null(open.ErasedUtc);
        // The dashboard's figures are the same after the erasure.
        Assert.Contains("vraag:Scholing of een opleiding:5", countsAfter);
        Assert.Equal(countsBefore, countsAfter);
    }

    private static string MeldingStatisticsText(MeldingFigures figures) =>
        string.Join("\n", figures.Breakdowns.SelectMany(b => b.Bars.Select(bar => $"{b.Key}:{bar.Label}:{bar.Count}")));

    private static string? Cell(Page page, string chart, string label) =>
        page.Document.QuerySelectorAll($"#grafiek-{chart}-tabel tbody tr")
            .FirstOrDefault(tr => tr.QuerySelector("th")!.TextContent.Trim() == label)?.QuerySelector("td")!.TextContent.Trim();

    /// <summary>Posts a gids's step from the detail page and follows to it; asserts the notice when one is expected.</summary>
    public static async Task<Page> StepAsync(Browser gids, long id, string action, IEnumerable<KeyValuePair<string, string>> fields, string? notice)
    {
        // The sign-in page always has a form (a closed melding has none left).
        var token = await gids.TokenAsync("/account/inloggen");
        var posted = await gids.PostAsync($"/gids/meldingen/{id}/{action}", fields.Append(new("__RequestVerificationToken", token)));
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var page = await gids.GetAsync(posted.Location!);
        if (notice is not null)
        {
            Assert.Equal(notice, page.StatusMessage);
        }
        return page;
    }
}
