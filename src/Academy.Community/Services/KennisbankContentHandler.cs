using Academy.Community.Models;
using Academy.Core.Content;
using Academy.Core.Data;
using Academy.Search.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Services;

/// <summary>
/// Checks kennisbank articles however they are saved (editor, recipe) and keeps <see cref="ArticleIndex"/> in step,
/// inside the content manager's unit of work, so the index row commits with the version.
/// </summary>
public sealed class KennisbankContentHandler(AcademyDbContext db, ISearchIndexQueue search, TimeProvider clock) : IContentHandler
{
    public const int MaxBodyLength = 100_000;

    public async Task ValidateAsync(ContentItem item, ContentValidationResult result)
    {
        if (item.ContentType != KennisbankTypes.Article)
        {
            return;
        }
        var part = item.As<KennisbankArticlePart>();
        var title = item.As<TitlePart>().Title.Trim();
        var body = item.As<MarkdownBodyPart>().Markdown;
        if (title.Length < 3)
        {
            result.Fail("TitlePart.Title", "Geef het artikel een titel van minstens 3 tekens.");
        }
        if (string.IsNullOrWhiteSpace(body))
        {
            result.Fail("MarkdownBodyPart.Markdown", "Schrijf de tekst van het artikel.");
        }
        else if (body.Length > MaxBodyLength)
        {
            result.Fail("MarkdownBodyPart.Markdown", "De tekst is te lang: gebruik hoogstens 100.000 tekens.");
        }
        if (!Enum.IsDefined(part.Access))
        {
            result.Fail("KennisbankArticlePart.Access", "Kies wie het artikel mag lezen.");
        }
        if (part.Group.Length == 0)
        {
            if (part.Access == AccessLevel.Members)
            {
                result.Fail("KennisbankArticlePart.Access", "Een artikel voor de hele community heeft geen leden: kies openbaar of alle ingelogde professionals.");
            }
            return;
        }
        var group = await db.Set<CommunityGroup>().AsNoTracking().FirstOrDefaultAsync(g => g.Slug == part.Group);
        if (group is null)
        {
            result.Fail("KennisbankArticlePart.Group", $"Er is geen groep '{part.Group}'.");
            return;
        }
        var indexed = await db.Set<ArticleIndex>().AsNoTracking().Where(a => a.ContentItemId == item.ContentItemId).Select(a => new { a.GroupId }).FirstOrDefaultAsync();
        if (indexed is not null && indexed.GroupId != group.Id)
        {
            result.Fail("KennisbankArticlePart.Group", "Een artikel blijft in zijn groep; maak een nieuw artikel in de andere groep.");
        }
        if (group.GuardsPrivacy && PrivacyGuard.Scan(title + "\n" + body, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) is { Count: > 0 } findings)
        {
            // Casuïstiek groups refuse personal data of clients in articles as in posts; the message names the fragment.
            foreach (var finding in findings)
            {
                result.Fail("MarkdownBodyPart.Markdown", PrivacyAdvice.Message(finding));
            }
        }
    }

    public async Task SavedAsync(ContentItem latest)
    {
        if (latest.ContentType != KennisbankTypes.Article)
        {
            return;
        }
        var row = await RowAsync(latest);
        if (!row.Published)
        {
            Describe(row, latest);
        }
        row.HasDraft = !latest.Published;
        row.ModifiedUtc = latest.ModifiedUtc;
    }

    public async Task PublishedAsync(ContentItem published)
    {
        if (published.ContentType != KennisbankTypes.Article)
        {
            return;
        }
        var row = await RowAsync(published);
        Describe(row, published);
        row.Published = true;
        row.HasDraft = false;
        row.PublishedUtc = published.PublishedUtc;
        await AttachmentsChangedAsync(published.ContentItemId);
    }

    public async Task UnpublishedAsync(ContentItem item)
    {
        if (item.ContentType == KennisbankTypes.Article && await db.Set<ArticleIndex>().FirstOrDefaultAsync(a => a.ContentItemId == item.ContentItemId) is { } row)
        {
            row.Published = false;
            row.HasDraft = true;
            await AttachmentsChangedAsync(item.ContentItemId);
        }
    }

    /// <summary>The article's row and its attachments' rows go; the caller deletes the stored files after the commit.</summary>
    public async Task RemovedAsync(ContentItem item)
    {
        if (item.ContentType != KennisbankTypes.Article)
        {
            return;
        }
        db.RemoveRange(await db.Set<ArticleIndex>().Where(a => a.ContentItemId == item.ContentItemId).ToListAsync());
        var attachments = await db.Set<CommunityFile>().Where(f => f.ArticleId == item.ContentItemId).ToListAsync();
        db.RemoveRange(attachments);
        foreach (var file in attachments)
        {
            search.FileChanged(file.Id);
        }
    }

    /// <summary>
    /// An attachment is found as its published article allows (the article itself is queued by the search on the content
    /// event): its files go to the search in this unit of work.
    /// </summary>
    private async Task AttachmentsChangedAsync(string articleId)
    {
        foreach (var fileId in await db.Set<CommunityFile>().AsNoTracking().Where(f => f.ArticleId == articleId).Select(f => f.Id).ToListAsync())
        {
            search.FileChanged(fileId);
        }
    }

    private async Task<ArticleIndex> RowAsync(ContentItem item)
    {
        var row = db.Set<ArticleIndex>().Local.FirstOrDefault(a => a.ContentItemId == item.ContentItemId)
            ?? await db.Set<ArticleIndex>().FirstOrDefaultAsync(a => a.ContentItemId == item.ContentItemId);
        if (row is null)
        {
            var slug = item.As<KennisbankArticlePart>().Group;
            row = new ArticleIndex
            {
                ContentItemId = item.ContentItemId,
                GroupId = slug.Length == 0 ? null : await db.Set<CommunityGroup>().Where(g => g.Slug == slug).Select(g => (long?)g.Id).FirstAsync(),
                AuthorUserId = item.Owner,
                CreatedUtc = item.CreatedUtc,
            };
            db.Add(row);
        }
        return row;
    }

    private static void Describe(ArticleIndex row, ContentItem version)
    {
        var title = version.As<TitlePart>().Title.Trim();
        row.Title = title.Length > 300 ? title[..300] : title;
        row.Access = version.As<KennisbankArticlePart>().Access;
    }
}
