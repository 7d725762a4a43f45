using System.Runtime.CompilerServices;
using Academy.Community.Controllers;
using Academy.Community.Models;
using Academy.Core.Content;
using Academy.Core.Data;
using Academy.Core.Text;
using Academy.Search.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Services;

/// <summary>
/// Published kennisbank articles as documents of kind kennisbank: title, text and group name, at the article's page,
/// found by whom the article's level and its group's allow (<see cref="CommunitySearch.ContentAccess"/>). The search
/// queues an article on Core's content events (publish, unpublish, remove; an edit of a published article publishes a
/// new version) and the group's changes queue its articles (<see cref="CommunitySearch.GroupChangedAsync"/>).
/// </summary>
public sealed class KennisbankSearchSource(ContentManager content, AcademyDbContext db, MarkdownRenderer markdown, LinkGenerator links)
    : ContentSearchSource(content)
{
    private const int SummaryLength = 300;
    private readonly Dictionary<string, CommunityGroup?> _groups = new(StringComparer.Ordinal);

    public override string Source => CommunitySearch.ArticleSource;

    protected override Task<IReadOnlyCollection<string>> ContentTypesAsync() => Task.FromResult<IReadOnlyCollection<string>>([KennisbankTypes.Article]);

    protected override async Task<SearchDocument?> ToDocumentAsync(ContentItem item, CancellationToken cancellationToken)
    {
        var part = item.As<KennisbankArticlePart>();
        CommunityGroup? group = null;
        if (part.Group.Length > 0 && (group = await GroupAsync(part.Group, cancellationToken)) is null)
        {
            return null; // its group is gone, and with it the article's page
        }
        var url = links.GetPathByName(KennisbankRoutes.Article, new { articleId = item.ContentItemId });
        if (url is null)
        {
            return null;
        }
        var text = markdown.ToPlainText(item.As<MarkdownBodyPart>().Markdown);
        return new SearchDocument(
            IdOf(item),
            SearchKinds.Article,
            TitleOf(item),
            SearchDocumentIds.Text(text, group?.Name),
            url,
            CommunitySearch.ContentAccess(group, part.Access),
            text.Length > SummaryLength ? text[..SummaryLength] + "…" : text,
            UtcDates.AsUtc(item.PublishedUtc ?? item.ModifiedUtc),
            SearchDocumentIds.Facets(("groep", [group?.Name])));
    }

    /// <summary>Groups by slug, once per scope (a rebuild reads every article).</summary>
    private async Task<CommunityGroup?> GroupAsync(string slug, CancellationToken cancellationToken)
    {
        if (!_groups.TryGetValue(slug, out var group))
        {
            group = await db.Set<CommunityGroup>().AsNoTracking().FirstOrDefaultAsync(g => g.Slug == slug, cancellationToken);
            _groups[slug] = group;
        }
        return group;
    }
}

/// <summary>
/// Community files by their names, as documents of kind kennisbank: a group's file leads to the group's files, an
/// attachment to its article. A file is found by whom its own level, its group's and (for an attachment) its published
/// article's allow, as <see cref="KennisbankAccess.ReadableFiles"/> reads them; an attachment of a draft is not found.
/// Queued on upload and delete (<see cref="CommunityFiles"/>), with its article (<see cref="KennisbankContentHandler"/>)
/// and with its group.
/// </summary>
public sealed class CommunityFileSearchSource(AcademyDbContext db, LinkGenerator links) : ISearchDocumentSource
{
    private const int ReadAllBatch = 500;

    public string Source => CommunitySearch.FileSource;

    public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var groups = await db.Set<CommunityGroup>().AsNoTracking().ToDictionaryAsync(g => g.Id, cancellationToken);
        var articles = await db.Set<ArticleIndex>().AsNoTracking().Where(a => a.Published).ToDictionaryAsync(a => a.ContentItemId, cancellationToken);
        long after = 0;
        while (true)
        {
            var files = await db.Set<CommunityFile>().AsNoTracking().Where(f => f.Id > after).OrderBy(f => f.Id).Take(ReadAllBatch).ToListAsync(cancellationToken);
            if (files.Count == 0)
            {
                yield break;
            }
            foreach (var file in files)
            {
                var group = file.GroupId is { } groupId ? groups.GetValueOrDefault(groupId) : null;
                var article = file.ArticleId is { } articleId ? articles.GetValueOrDefault(articleId) : null;
                if (ToDocument(file, group, article) is { } document)
                {
                    yield return document;
                }
            }
            after = files[^1].Id;
        }
    }

    public async Task<SearchDocument?> ReadAsync(string localId, CancellationToken cancellationToken)
    {
        if (!CommunitySearch.TryParseId(localId, out var id)
            || await db.Set<CommunityFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken) is not { } file)
        {
            return null;
        }
        var group = file.GroupId is { } groupId ? await db.Set<CommunityGroup>().AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken) : null;
        var article = file.ArticleId is { } articleId
            ? await db.Set<ArticleIndex>().AsNoTracking().FirstOrDefaultAsync(a => a.ContentItemId == articleId && a.Published, cancellationToken)
            : null;
        return ToDocument(file, group, article);
    }

    /// <param name="article">The file's published article; null for a group's own file, or when the article is not published.</param>
    private SearchDocument? ToDocument(CommunityFile file, CommunityGroup? group, ArticleIndex? article)
    {
        if ((file.ArticleId is not null && article is null) || (file.GroupId is not null && group is null) || (file.ArticleId is null && group is null))
        {
            return null;
        }
        var url = article is not null
            ? links.GetPathByName(KennisbankRoutes.Article, new { articleId = article.ContentItemId })
            : links.GetPathByName(KennisbankRoutes.GroupFiles, new { group = group!.Slug });
        if (url is null)
        {
            return null;
        }
        var access = article is not null ? CommunitySearch.ContentAccess(group, article.Access, file.Access) : CommunitySearch.ContentAccess(group, file.Access);
        // Found by its own name only: the article's title or the group's name would make every attachment a hit for them.
        var place = article is not null ? "bijlage bij een kennisbankartikel" : "bij de bestanden van een groep";
        return new SearchDocument(
            SearchDocumentIds.Of(Source, CommunitySearch.LocalId(file.Id)),
            SearchKinds.Article,
            file.FileName,
            SearchDocumentIds.Text(NameWords(file.FileName), KennisbankText.Kind(file.Kind)),
            url,
            access,
            $"{KennisbankText.Kind(file.Kind)}, {place}.",
            UtcDates.AsUtc(file.CreatedUtc),
            SearchDocumentIds.Facets(("groep", [group?.Name])));
    }

    /// <summary>
    /// The name as words: "Stappenplan_doorverwijzen.v2.pdf" → "Stappenplan doorverwijzen v2 pdf", because the analyser
    /// keeps letters joined by '_' or '.' together as one word.
    /// </summary>
    public static string NameWords(string fileName) =>
        string.Join(' ', fileName.Split(['_', '.', '-', '(', ')', '[', ']', '+', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
