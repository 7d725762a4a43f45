using System.Text;
using Academy.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Academy.E2E;

/// <summary>
/// The kennisbank in a browser against the real Kestrel server: the group's manager (the leer-coördinator manages the
/// recipe's groups) writes a members-only article with a PDF attachment, a 25 MB file gets a Dutch message (not a
/// refused connection), and a professional who joins the group downloads the attachment. axe-core on every new page,
/// at 1280 and at 375 px wide.
/// </summary>
[Collection("site")]
public sealed class KennisbankJourneyTests(SiteFixture site) : SiteTest(site)
{
    private const string Group = "/community/jobcoaches";
    private const string Title = "Jobcoaching bij een nieuwe werkgever";

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public async Task A_group_manager_writes_an_article_with_an_attachment_and_a_member_downloads_it()
    {
        var coordinator = await NewSignedInPageAsync(SiteFixture.CoordinatorEmail, SiteFixture.CoordinatorPassword);
        await CommunityJourneyTests.CheckBothWidthsAsync(coordinator, "/community/kennisbank");
        await CommunityJourneyTests.CheckBothWidthsAsync(coordinator, Group + "/kennisbank");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Nieuw artikel", Exact = true }).First.ClickAsync();
        await Expect(coordinator.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nieuw artikel");
        await Axe.AssertNoViolationsAsync(coordinator, "the article editor");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Publiceren", Exact = true }).ClickAsync();
        await Expect(coordinator.Locator("#foutmeldingen")).ToContainTextAsync("titel");
        await Axe.AssertNoViolationsAsync(coordinator, "the article editor with errors");

        await coordinator.GetByLabel("Titel", new() { Exact = true }).FillAsync(Title);
        await coordinator.GetByLabel("Beschrijving", new() { Exact = true }).FillAsync("Maak **vooraf** afspraken over de begeleiding op de werkplek.");
        await coordinator.GetByLabel("Wie mag het artikel lezen?").SelectOptionAsync("Members");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Publiceren", Exact = true }).ClickAsync();
        await Expect(coordinator.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Title);
        await Expect(coordinator.Locator(".community-article strong")).ToHaveTextAsync("vooraf");
        var article = new Uri(coordinator.Url).PathAndQuery;

        await coordinator.GetByLabel("Bestand toevoegen").SetInputFilesAsync(new FilePayload { Name = "werkwijze.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Bestand uploaden" }).ClickAsync();
        await Expect(coordinator.Locator("#statusmelding")).ToContainTextAsync("als bijlage toegevoegd");
        await CommunityJourneyTests.CheckBothWidthsAsync(coordinator, article);

        // 25 MB through Kestrel: the upload routes take the whole request, so the answer is the form with a message.
        await coordinator.GotoAsync(Group + "/bestanden");
        var big = new byte[25 * 1024 * 1024];
        Pdf.CopyTo(big, 0);
        await coordinator.GetByLabel("Bestand toevoegen").SetInputFilesAsync(new FilePayload { Name = "te-groot.pdf", MimeType = "application/pdf", Buffer = big });
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Bestand uploaden" }).ClickAsync();
        await Expect(coordinator.Locator("#foutmeldingen")).ToContainTextAsync("groter dan 20 MB");
        await Axe.AssertNoViolationsAsync(coordinator, "a refused upload with its message");

        var member = await NewSignedInPageAsync(SiteFixture.Professionals[4], SiteFixture.ProfessionalPassword);
        await member.GotoAsync(article);
        await Expect(member.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToHaveTextAsync(Title);
        await member.GotoAsync(Group);
        await member.GetByRole(AriaRole.Button, new() { Name = "Lid worden", Exact = true }).ClickAsync();
        await Expect(member.Locator("#statusmelding")).ToContainTextAsync("Je bent nu lid");
        await CommunityJourneyTests.CheckBothWidthsAsync(member, Group);
        await member.GotoAsync(article);
        var download = await member.RunAndWaitForDownloadAsync(() => member.GetByRole(AriaRole.Link, new() { Name = "werkwijze.pdf" }).ClickAsync());
        Assert.Equal("werkwijze.pdf", download.SuggestedFilename);
        Assert.Equal(Pdf, await File.ReadAllBytesAsync((await download.PathAsync())!));
        await CommunityJourneyTests.CheckBothWidthsAsync(member, article);
        await CommunityJourneyTests.CheckBothWidthsAsync(member, Group + "/bestanden");
    }
}
