using System.Net;
using Academy.Community.Models;
using Academy.Community.Services;
using Academy.Core.Privacy;
using Academy.Testing;
using Academy.Tests.Admin;
using Academy.Tests.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Community;

/// <summary>Journeys of the kennisbank and files that run on both databases.</summary>
public static class KennisbankScenarios
{
    /// <summary>
    /// A group manager writes a draft (members do not see it), publishes it, starts a new version in draft (members keep
    /// reading the published one), attaches a PDF and a photo; a member downloads both with the right headers.
    /// </summary>
    public static async Task WriteDraftPublishAndAttachAsync(AcademyFactory factory, FakeMemberProfiles profiles)
    {
        var manager = await CommunityKit.PersonAsync(factory, "Professional", "Wendy Schrijver");
        var member = await CommunityKit.PersonAsync(factory, "Professional", "Mo Lezer");
        profiles.Add(CommunityScenarios.Profile(manager));
        var slug = "kennis-" + CommunityKit.Letters(6);
        var group = await CommunityKit.GroupAsync(factory, slug, GroupKind.Themagroep, JoinPolicy.Open, AccessLevel.Professionals, manager.UserId!);
        await CommunityKit.MemberAsync(factory, group.Id, member.UserId!);

        var form = (await manager.Browser.GetAsync($"/community/kennisbank/nieuw?groep={slug}")).Form();
        Assert.Equal(slug, form.Get("ArticleGroup"));
        form.Set("Title", "Werken met het IGM").Set("Markdown", "Het **IGM** helpt.\n\n<script>alert(1)</script>").Set("ArticleAccess", "Members");
        var draft = await manager.Browser.SubmitAsync(form, "concept");
        Assert.Equal(HttpStatusCode.Redirect, draft.Status);
        var articleId = draft.Location!.Split('/')[^1];
        var url = $"/community/kennisbank/{articleId}";
        Assert.Equal("notfound", CommunityKit.Outcome(await member.Browser.GetAsync(url)));
        Assert.Contains("Dit artikel is een concept", (await manager.Browser.GetAsync(url)).Html);

        var edit = (await manager.Browser.GetAsync(url + "/bewerken")).Form();
        Assert.Null(edit.Get("ArticleGroup"));
        var published = await manager.Browser.SubmitAsync(edit, "publiceren");
        Assert.Equal(HttpStatusCode.Redirect, published.Status);
        var page = await member.Browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("IGM", page.Document.QuerySelector(".community-article strong")?.TextContent);
        Assert.Null(page.Document.QuerySelector(".community-article script"));
        Assert.Contains(url, (await member.Browser.GetAsync($"/community/{slug}")).Html);

        var next = (await manager.Browser.GetAsync(url + "/bewerken")).Form().Set("Title", "Werken met het IGM, versie 2");
        Assert.Equal(HttpStatusCode.Redirect, (await manager.Browser.SubmitAsync(next, "concept")).Status);
        Assert.Contains("<h1 class=\"utrecht-heading-1\">Werken met het IGM</h1>", (await member.Browser.GetAsync(url)).Html);
        Assert.Contains("versie 2", (await manager.Browser.GetAsync(url)).Html);
        Assert.Equal(2, await CommunityKit.QueryAsync(factory, db => db.ContentItems.CountAsync(c => c.ContentItemId == articleId)));

        Assert.Equal(HttpStatusCode.Redirect, (await KennisbankKit.UploadAsync(manager, url + "/bijlagen", "Handreiking IGM.pdf", KennisbankKit.Pdf)).Status);
        var pdfId = await KennisbankKit.LastFileIdAsync(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await KennisbankKit.UploadAsync(manager, url + "/bijlagen", "groepsfoto.jpg", TestImages.JpegWithGps(1200, 900))).Status);
        var photoId = await KennisbankKit.LastFileIdAsync(factory);
        var files = await KennisbankKit.FilesAsync(factory);
        Assert.All(files.Where(f => f.ArticleId == articleId), f => Assert.Equal(AccessLevel.Members, f.Access));
        var listed = await member.Browser.GetAsync(url);
        Assert.Contains("Handreiking IGM.pdf", listed.Html);
        Assert.Contains("Wendy Schrijver", listed.Document.QuerySelector("section[aria-labelledby=bijlagen]")!.TextContent);

        using var pdf = await member.Browser.Client.GetAsync($"/community/bestanden/{pdfId}");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", pdf.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", string.Join(",", pdf.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(KennisbankKit.Pdf, await pdf.Content.ReadAsByteArrayAsync());

        using var photo = await member.Browser.Client.GetAsync($"/community/bestanden/{photoId}");
        Assert.Equal("image/webp", photo.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", photo.Content.Headers.ContentDisposition?.DispositionType);
        var info = SixLabors.ImageSharp.Image.Identify(await photo.Content.ReadAsByteArrayAsync());
        Assert.Null(info.Metadata.ExifProfile);
        Assert.True(info.Width <= 1600 && info.Height <= 1600);
        using var thumbnail = await member.Browser.Client.GetAsync($"/community/bestanden/{photoId}?formaat=klein");
        Assert.True(SixLabors.ImageSharp.Image.Identify(await thumbnail.Content.ReadAsByteArrayAsync()).Width <= 320);

        // The member may read but not delete the manager's file; the manager deletes it, the bytes go too.
        Assert.Equal("forbidden", CommunityKit.Outcome(await member.PostAsync($"/community/bestanden/{pdfId}/verwijderen")));
        var folders = KennisbankKit.StoredFolders(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"/community/bestanden/{pdfId}/verwijderen")).Status);
        Assert.Equal(folders - 1, KennisbankKit.StoredFolders(factory));
        Assert.Equal("notfound", CommunityKit.Outcome(await member.Browser.GetAsync($"/community/bestanden/{pdfId}")));
    }

    /// <summary>Bad uploads and forged forms: a Dutch message or 403/404, never a 500, and nothing stored.</summary>
    public static async Task BadInputIsRefusedAndNothingIsStoredAsync(AcademyFactory factory)
    {
        var manager = await CommunityKit.PersonAsync(factory, "Professional", "Bea Beheer");
        var slug = "fout-" + CommunityKit.Letters(6);
        var group = await CommunityKit.GroupAsync(factory, slug, GroupKind.Themagroep, JoinPolicy.Open, AccessLevel.Public, manager.UserId!);
        var other = await CommunityKit.GroupAsync(factory, slug + "-ander", GroupKind.Themagroep, JoinPolicy.Open, AccessLevel.Public, (await CommunityKit.PersonAsync(factory, "Professional", "Ander")).UserId!);
        var casus = await CommunityKit.GroupAsync(factory, slug + "-casus", GroupKind.Casuistiek, JoinPolicy.Closed, AccessLevel.Members, manager.UserId!);
        var casusArticle = await KennisbankKit.ArticleAsync(factory, casus.Slug, AccessLevel.Members, "Werkwijze casusbespreking", owner: manager.UserId);
        var rows = (await KennisbankKit.FilesAsync(factory)).Count;
        var folders = KennisbankKit.StoredFolders(factory);
        var groupFiles = $"/community/{slug}/bestanden";

        async Task Refused(string url, string name, byte[] bytes, string message, bool formAgain = true)
        {
            var page = await KennisbankKit.UploadAsync(manager, url, name, bytes);
            Assert.Equal(HttpStatusCode.BadRequest, page.Status);
            Assert.Contains(page.ErrorSummary, e => e.Contains(message, StringComparison.Ordinal));
            Assert.Equal(formAgain, page.Document.QuerySelector("input[type=file][name=Bestand]") is not null);
        }
        var big = new byte[25 * 1024 * 1024];
        KennisbankKit.Pdf.CopyTo(big, 0);
        await Refused(groupFiles, "groot.pdf", big, "groter dan 20 MB");
        await Refused(groupFiles, "factuur.pdf", KennisbankKit.Exe, "niet wat de naam zegt");
        await Refused(groupFiles, "logo.svg", KennisbankKit.Svg, "SVG- en HTML-bestanden");
        await Refused(groupFiles, "logo.png", KennisbankKit.Svg, "niet wat de naam zegt");
        await Refused(groupFiles, "leeg.pdf", [], "Kies een bestand");
        await Refused($"/community/kennisbank/{casusArticle}/bijlagen", "verslag.pdf", KennisbankKit.Pdf, "In een casuïstiekgroep deel je geen bestanden", formAgain: false);
        Assert.Equal(rows, (await KennisbankKit.FilesAsync(factory)).Count);
        Assert.Equal(folders, KennisbankKit.StoredFolders(factory));

        Assert.Equal("notfound", CommunityKit.Outcome(await KennisbankKit.UploadAsync(manager, "/community/kennisbank/bestaat-niet/bijlagen", "verslag.pdf", KennisbankKit.Pdf)));
        Assert.Equal("notfound", CommunityKit.Outcome(await KennisbankKit.UploadAsync(manager, "/community/bestaat-niet/bestanden", "verslag.pdf", KennisbankKit.Pdf)));
        Assert.Equal("notfound", CommunityKit.Outcome(await manager.Browser.GetAsync("/community/kennisbank/bestaat-niet/bewerken")));
        Assert.Equal("notfound", CommunityKit.Outcome(await manager.PostAsync("/community/bestanden/987654321/verwijderen")));

        // A forged group (one the writer does not manage, or none at all) or level in the editor: a message, nothing saved.
        var articles = await CommunityKit.QueryAsync(factory, db => db.Set<ArticleIndex>().CountAsync());
        var form = (await manager.Browser.GetAsync($"/community/kennisbank/nieuw?groep={slug}")).Form().Set("Title", "Vervalst").Set("Markdown", "Tekst");
        foreach (var (field, value, message) in new[]
        {
            ("ArticleGroup", other.Slug, "Kies een groep uit de lijst."),
            ("ArticleGroup", "bestaat-niet", "Kies een groep uit de lijst."),
            ("ArticleGroup", "", "Kies een groep uit de lijst."),
            ("ArticleAccess", "99", "Kies wie het artikel mag lezen."),
            ("ArticleAccess", "Geheim", "Kies wie het artikel mag lezen."),
        })
        {
            var page = await manager.Browser.SubmitAsync(Clone(form).Set(field, value), "publiceren");
            Assert.Equal(HttpStatusCode.BadRequest, page.Status);
            Assert.Contains(message, page.ErrorSummary);
            Assert.Equal("Vervalst", page.Value("Title"));
        }
        var empty = await manager.Browser.SubmitAsync(Clone(form).Set("Title", "").Set("Markdown", ""), "publiceren");
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Contains(empty.ErrorSummary, e => e.Contains("titel", StringComparison.Ordinal));
        Assert.Contains("Schrijf de tekst van het artikel.", empty.ErrorSummary);
        var shortTitle = await manager.Browser.SubmitAsync(Clone(form).Set("Title", "Ai"), "publiceren");
        Assert.Contains("Geef het artikel een titel van minstens 3 tekens.", shortTitle.ErrorSummary);
        Assert.Equal(articles, await CommunityKit.QueryAsync(factory, db => db.Set<ArticleIndex>().CountAsync()));
    }

    /// <summary>"Mijn gegevens" lists a writer's articles and files; erasing keeps them without the person's id.</summary>
    public static async Task PersonalDataExportAndEraseAsync(AcademyFactory factory)
    {
        var writer = await CommunityKit.PersonAsync(factory, "Professional", "Els Exporteer");
        var slug = "privacy-" + CommunityKit.Letters(6);
        await CommunityKit.GroupAsync(factory, slug, GroupKind.Themagroep, JoinPolicy.Open, AccessLevel.Public, writer.UserId!);
        var articleId = await KennisbankKit.ArticleAsync(factory, slug, AccessLevel.Public, "Artikel van Els", owner: writer.UserId);
        Assert.Equal(HttpStatusCode.Redirect, (await KennisbankKit.UploadAsync(writer, $"/community/{slug}/bestanden", "lijst.pdf", KennisbankKit.Pdf)).Status);
        var subject = new PersonalDataSubject(writer.UserId!, "els@example.nl", "Els Exporteer");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var provider = scope.ServiceProvider.GetServices<IPersonalDataProvider>().Single(p => p is CommunityPersonalData);
            var section = await provider.ExportAsync(subject);
            var json = section!.Data.ToJsonString();
            Assert.Contains("Artikel van Els", json);
            Assert.Contains("lijst.pdf", json);
            await provider.EraseAsync(subject);
        }
        Assert.Equal(CommunityPersonalData.ErasedAuthor, await CommunityKit.QueryAsync(factory, db => db.Set<ArticleIndex>().Where(a => a.ContentItemId == articleId).Select(a => a.AuthorUserId).SingleAsync()));
        Assert.False(await CommunityKit.QueryAsync(factory, db => db.Set<CommunityFile>().AnyAsync(f => f.UploaderUserId == writer.UserId)));
        Assert.False(await CommunityKit.QueryAsync(factory, db => db.ContentItems.AnyAsync(c => c.ContentItemId == articleId && (c.Owner == writer.UserId || c.Author == writer.UserId))));
        Assert.True(await CommunityKit.QueryAsync(factory, db => db.Set<CommunityFile>().AnyAsync(f => f.GroupId != null && f.FileName == "lijst.pdf" && f.UploaderUserId == CommunityPersonalData.ErasedAuthor)));
    }

    private static HtmlForm Clone(HtmlForm form) => HtmlForm.From(form.Element).Set("Title", form.Get("Title")!).Set("Markdown", form.Get("Markdown")!);
}
