using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Community.Models;
using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Services;

/// <summary>
/// The kennisbank's part of the community's "mijn gegevens" and erasure (<see cref="CommunityPersonalData"/>).
/// Erasing keeps articles and files, as posts are kept: they belong to the group's shared knowledge and their group
/// managers can delete them; they lose their author and uploader (shown as "Oud-lid"), also in the article's versions.
/// </summary>
public static class KennisbankPersonalData
{
    /// <summary>The articles the person started and the files the person shared; null when there are none.</summary>
    public static async Task<JsonObject?> ExportAsync(AcademyDbContext db, string userId, CancellationToken cancellationToken)
    {
        var articles = await db.Set<ArticleIndex>().AsNoTracking().Where(a => a.AuthorUserId == userId)
            .Select(a => new { Titel = a.Title, Gepubliceerd = a.Published, Aangemaakt = a.CreatedUtc }).ToListAsync(cancellationToken);
        var files = await db.Set<CommunityFile>().AsNoTracking().Where(f => f.UploaderUserId == userId)
            .Select(f => new { Naam = f.FileName, Soort = f.MediaType, Bytes = f.SizeBytes, Gedeeld = f.CreatedUtc }).ToListAsync(cancellationToken);
        if (articles.Count == 0 && files.Count == 0)
        {
            return null;
        }
        return new JsonObject
        {
            ["artikelen"] = JsonSerializer.SerializeToNode(articles),
            ["bestanden"] = JsonSerializer.SerializeToNode(files),
        };
    }

    public static async Task EraseAsync(AcademyDbContext db, string userId, string erased, CancellationToken cancellationToken)
    {
        await db.Set<ArticleIndex>().Where(a => a.AuthorUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.AuthorUserId, erased), cancellationToken);
        await db.Set<CommunityFile>().Where(f => f.UploaderUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(f => f.UploaderUserId, erased), cancellationToken);
        // The article's versions name their writer too (the content model's owner and author columns).
        await db.ContentItems.Where(c => c.ContentType == KennisbankTypes.Article && c.Owner == userId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Owner, erased), cancellationToken);
        await db.ContentItems.Where(c => c.ContentType == KennisbankTypes.Article && c.Author == userId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Author, erased), cancellationToken);
    }
}
