using System.Runtime.CompilerServices;
using Academy.Community.Abstractions;
using Academy.Community.Models;
using Academy.Core.Data;
using Academy.Core.Text;
using Academy.Search.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Services;

/// <summary>
/// Who may find the community's documents, as the search's access rule: the same levels as <see cref="CommunityAccess"/>.
/// Hidden groups, casuïstiek groups and casus topics are for members only ("community-group:{id}"), also when a
/// moderator could open them: the index does not know moderators, so they find these through the groups they are in.
/// </summary>
public static class CommunitySearch
{
    public const string GroupSource = "community-groups";
    public const string TopicSource = "community-topics";
    public const string ArticleSource = "community-articles";
    public const string FileSource = "community-files";

    /// <summary>The access key of a group's members (<see cref="CommunitySearchAccessKeys"/> gives it to them).</summary>
    public static string KeyOf(long groupId) => "community-group:" + groupId;

    public static SearchAccess GroupAccess(CommunityGroup group) =>
        group.JoinPolicy == JoinPolicy.Hidden ? SearchAccess.Restricted(KeyOf(group.Id))
        : group.Access == AccessLevel.Public ? SearchAccess.Public
        : SearchAccess.LoggedIn;

    public static SearchAccess TopicAccess(CommunityGroup group, Topic topic) =>
        topic.IsCasus ? SearchAccess.Restricted(KeyOf(group.Id)) : ContentAccess(group, topic.Access);

    /// <summary>
    /// Content of a group (a topic, article or file; <paramref name="group"/> null: site-wide) is found by whom every
    /// level allows, and never more openly than its group's content: everything in a hidden or casuïstiek group is
    /// members-only. Site-wide content has no members, so its narrowest level is logged-in.
    /// </summary>
    public static SearchAccess ContentAccess(CommunityGroup? group, params ReadOnlySpan<AccessLevel> levels)
    {
        if (group is not null && (group.JoinPolicy == JoinPolicy.Hidden || group.GuardsPrivacy))
        {
            return SearchAccess.Restricted(KeyOf(group.Id));
        }
        var level = group?.Access ?? AccessLevel.Public;
        foreach (var other in levels)
        {
            level = TopicService.Narrowest(level, other);
        }
        return level switch
        {
            AccessLevel.Public => SearchAccess.Public,
            AccessLevel.Members when group is not null => SearchAccess.Restricted(KeyOf(group.Id)),
            _ => SearchAccess.LoggedIn,
        };
    }

    /// <summary>Queues a topic (started, replied to, edited, hidden, deleted) in the caller's unit of work.</summary>
    public static void TopicChanged(this ISearchIndexQueue queue, long topicId) => queue.Changed(TopicSource, LocalId(topicId));

    /// <summary>Queues a file (uploaded, deleted, or its article or group changed) in the caller's unit of work.</summary>
    public static void FileChanged(this ISearchIndexQueue queue, long fileId) => queue.Changed(FileSource, LocalId(fileId));

    /// <summary>
    /// Queues a group with its topics, kennisbank articles and files: a change of its name, kind, joining or access
    /// changes who finds them (and an article or file shows its group's name).
    /// </summary>
    public static async Task GroupChangedAsync(this ISearchIndexQueue queue, AcademyDbContext db, long groupId, CancellationToken cancellationToken)
    {
        queue.Changed(GroupSource, LocalId(groupId));
        foreach (var topicId in await db.Set<Topic>().AsNoTracking().Where(t => t.GroupId == groupId).Select(t => t.Id).ToListAsync(cancellationToken))
        {
            queue.TopicChanged(topicId);
        }
        foreach (var articleId in await db.Set<ArticleIndex>().AsNoTracking().Where(a => a.GroupId == groupId).Select(a => a.ContentItemId).ToListAsync(cancellationToken))
        {
            queue.Changed(ArticleSource, articleId);
        }
        foreach (var fileId in await db.Set<CommunityFile>().AsNoTracking().Where(f => f.GroupId == groupId).Select(f => f.Id).ToListAsync(cancellationToken))
        {
            queue.FileChanged(fileId);
        }
    }

    internal static string LocalId(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static bool TryParseId(string localId, out long id) =>
        long.TryParse(localId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out id) && id > 0;
}

/// <summary>The groups a person is a member of, as search access keys.</summary>
public sealed class CommunitySearchAccessKeys(AcademyDbContext db, CommunityQueries queries) : ISearchAccessKeys
{
    public async Task<IReadOnlyCollection<string>> GetKeysAsync(string userId, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var groupId in queries.MemberGroupIds(db, userId).WithCancellation(cancellationToken))
        {
            keys.Add(CommunitySearch.KeyOf(groupId));
        }
        return keys;
    }
}

/// <summary>Groups as documents of kind discussies: name and description, at the group's page.</summary>
public sealed class GroupSearchSource(AcademyDbContext db, LinkGenerator links) : ISearchDocumentSource
{
    public string Source => CommunitySearch.GroupSource;

    public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var group in await db.Set<CommunityGroup>().AsNoTracking().OrderBy(g => g.Id).ToListAsync(cancellationToken))
        {
            if (ToDocument(group) is { } document)
            {
                yield return document;
            }
        }
    }

    public async Task<SearchDocument?> ReadAsync(string localId, CancellationToken cancellationToken) =>
        CommunitySearch.TryParseId(localId, out var id)
        && await db.Set<CommunityGroup>().AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, cancellationToken) is { } group
            ? ToDocument(group)
            : null;

    private SearchDocument? ToDocument(CommunityGroup group) =>
        links.GetPathByName(CommunityRouteNames.Group, new { group = group.Slug }) is { } url
            ? new SearchDocument(
                SearchDocumentIds.Of(Source, CommunitySearch.LocalId(group.Id)),
                SearchKinds.Discussion,
                group.Name,
                SearchDocumentIds.Text(group.Description, CommunityText.Kind(group.Kind)),
                url,
                CommunitySearch.GroupAccess(group),
                $"{CommunityText.Kind(group.Kind)}: {group.Description}",
                UtcDates.AsUtc(group.UpdatedUtc))
            : null;
}

/// <summary>
/// A topic with its replies as one document of kind discussies: the title, the opening post and every reply, so a
/// question and the reply that answers it are found together and the hit opens the conversation at its start.
/// </summary>
public sealed class TopicSearchSource(AcademyDbContext db, MarkdownRenderer markdown, LinkGenerator links) : ISearchDocumentSource
{
    private const int ReadAllBatch = 200;

    public string Source => CommunitySearch.TopicSource;

    public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var groups = await db.Set<CommunityGroup>().AsNoTracking().ToDictionaryAsync(g => g.Id, cancellationToken);
        long after = 0;
        while (true)
        {
            var topics = await db.Set<Topic>().AsNoTracking().Where(t => t.Id > after && t.Hold == null).OrderBy(t => t.Id).Take(ReadAllBatch).ToListAsync(cancellationToken);
            if (topics.Count == 0)
            {
                yield break;
            }
            var ids = topics.Select(t => t.Id).ToList();
            var replies = (await db.Set<Reply>().AsNoTracking().Where(r => ids.Contains(r.TopicId) && r.Hold == null)
                    .OrderBy(r => r.CreatedUtc).ThenBy(r => r.Id).Select(r => new { r.TopicId, r.Body }).ToListAsync(cancellationToken))
                .ToLookup(r => r.TopicId, r => r.Body);
            foreach (var topic in topics)
            {
                if (groups.TryGetValue(topic.GroupId, out var group) && ToDocument(group, topic, replies[topic.Id]) is { } document)
                {
                    yield return document;
                }
            }
            after = topics[^1].Id;
        }
    }

    public async Task<SearchDocument?> ReadAsync(string localId, CancellationToken cancellationToken)
    {
        if (!CommunitySearch.TryParseId(localId, out var id)
            || await db.Set<Topic>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.Hold == null, cancellationToken) is not { } topic
            || await db.Set<CommunityGroup>().AsNoTracking().FirstOrDefaultAsync(g => g.Id == topic.GroupId, cancellationToken) is not { } group)
        {
            return null;
        }
        var replies = await db.Set<Reply>().AsNoTracking().Where(r => r.TopicId == id && r.Hold == null)
            .OrderBy(r => r.CreatedUtc).ThenBy(r => r.Id).Select(r => r.Body).ToListAsync(cancellationToken);
        return ToDocument(group, topic, replies);
    }

    private SearchDocument? ToDocument(CommunityGroup group, Topic topic, IEnumerable<string> replies)
    {
        var url = links.GetPathByName(CommunityRouteNames.Topic, new { group = group.Slug, topicId = topic.Id });
        if (url is null)
        {
            return null;
        }
        var opening = markdown.ToPlainText(topic.Body);
        return new SearchDocument(
            SearchDocumentIds.Of(Source, CommunitySearch.LocalId(topic.Id)),
            SearchKinds.Discussion,
            topic.Title,
            SearchDocumentIds.Text([opening, .. replies.Select(markdown.ToPlainText)]),
            url,
            CommunitySearch.TopicAccess(group, topic),
            opening.Length > 300 ? opening[..300] + "…" : opening,
            UtcDates.AsUtc(topic.LastActivityUtc),
            SearchDocumentIds.Facets(("groep", [group.Name])));
    }
}
