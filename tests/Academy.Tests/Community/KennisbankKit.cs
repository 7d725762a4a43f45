using System.IO.Compression;
using System.Text;
using Academy.Community.Models;
using Academy.Core.Content;
using Academy.Testing;
using Academy.Tests.Admin;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Community;

/// <summary>Articles, files and uploads for the kennisbank tests, made through the module's own services and forms.</summary>
public static class KennisbankKit
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>The first bytes of a Windows program (an .exe), whatever it is called.</summary>
    public static readonly byte[] Exe = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0, .. Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.")];

    public static readonly byte[] Svg = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");

    /// <summary>A minimal Office Open XML package of <paramref name="folder"/> ("word", "xl", "ppt").</summary>
    public static byte[] Office(string folder) => Zip(("[Content_Types].xml", "<Types/>"), ($"{folder}/document.xml", "<document/>"));

    public static byte[] OpenDocument(string mediaType) => Zip(("mimetype", mediaType), ("content.xml", "<office:document-content/>"));

    public static byte[] Zip(params (string Name, string Text)[] entries)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>An article saved through the content manager (as a recipe or the editor would).</summary>
    public static async Task<string> ArticleAsync(AcademyFactory factory, string? groupSlug, AccessLevel access, string title, bool publish = true, string? owner = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var item = await content.NewAsync(KennisbankTypes.Article);
        item.Apply(new TitlePart { Title = title }).Apply(new MarkdownBodyPart { Markdown = "Tekst van **" + title + "**." })
            .Apply(new KennisbankArticlePart { Group = groupSlug ?? "", Access = access });
        item.Owner = owner;
        if (publish)
        {
            await content.SaveAndPublishAsync(item, owner);
        }
        else
        {
            await content.SaveDraftAsync(item, owner);
        }
        return item.ContentItemId;
    }

    /// <summary>Posts <paramref name="bytes"/> as a file named <paramref name="fileName"/> with this person's antiforgery token.</summary>
    public static async Task<Page> UploadAsync(Person person, string url, string fileName, byte[] bytes, string? access = null)
    {
        var token = await person.Browser.TokenAsync("/account/inloggen");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), "Bestand", fileName },
        };
        if (access is not null)
        {
            content.Add(new StringContent(access), "Toegang");
        }
        var response = await person.Browser.Client.PostAsync(url, content);
        var html = await response.Content.ReadAsStringAsync();
        return new Page(response, new HtmlParser().ParseDocument(html), html);
    }

    public static Task<List<CommunityFile>> FilesAsync(AcademyFactory factory) =>
        CommunityKit.QueryAsync(factory, db => db.Set<CommunityFile>().AsNoTracking().ToListAsync());

    /// <summary>The id of the newest file (the one just uploaded).</summary>
    public static Task<long> LastFileIdAsync(AcademyFactory factory) =>
        CommunityKit.QueryAsync(factory, db => db.Set<CommunityFile>().MaxAsync(f => f.Id));

    /// <summary>How many files the store holds under community/files (rows and stored bytes must agree).</summary>
    public static int StoredFolders(AcademyFactory factory)
    {
        var root = Path.Combine(factory.AppDataPath, "files", "community", "files");
        return Directory.Exists(root) ? Directory.GetDirectories(root).Length : 0;
    }
}
