namespace Academy.Search.Abstractions;

/// <summary>The kinds of document a person can filter on at /zoeken; also the <c>soort</c> value of the API.</summary>
public static class SearchKinds
{
    public const string Offering = "aanbod";
    public const string Discussion = "discussies";
    public const string Article = "kennisbank";
    public const string Person = "mensen";
    public const string Page = "paginas";

    public static readonly string[] All = [Offering, Discussion, Article, Person, Page];
}

public enum SearchAccessLevel
{
    /// <summary>Everyone, also visitors.</summary>
    Public,

    /// <summary>Everyone who is logged in.</summary>
    LoggedIn,

    /// <summary>Only people who hold <see cref="SearchAccess.Key"/> (e.g. the members of one community group).</summary>
    Restricted,
}

/// <summary>
/// Who may find a document. The search filters on it inside the Lucene query, so counts, facets, snippets and
/// suggestions never reveal a document to someone who may not read it.
/// </summary>
/// <param name="Key">For <see cref="SearchAccessLevel.Restricted"/>: an access key a viewer must hold, e.g. "community-group:12".</param>
public sealed record SearchAccess(SearchAccessLevel Level, string? Key = null)
{
    public static readonly SearchAccess Public = new(SearchAccessLevel.Public);
    public static readonly SearchAccess LoggedIn = new(SearchAccessLevel.LoggedIn);

    public static SearchAccess Restricted(string key) => new(SearchAccessLevel.Restricted, key);
}

/// <summary>One document in the index, as its module supplies it. Text is plain (Markdown already turned into text).</summary>
/// <param name="Id">Unique over all sources: "{source}:{local id}", e.g. "offerings:42".</param>
/// <param name="Kind">One of <see cref="SearchKinds"/>.</param>
/// <param name="Url">The page's path, made from the module's named route.</param>
/// <param name="Facets">Facet name → values, e.g. "soort" → ["Training"], "thema", "organisator", "vorm", "maand".</param>
/// <param name="Date">The date shown with a hit and used to sort by date (an edition's start, a topic's last activity).</param>
public sealed record SearchDocument(
    string Id,
    string Kind,
    string Title,
    string Text,
    string Url,
    SearchAccess Access,
    string? Summary = null,
    DateTime? Date = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Facets = null);

/// <summary>
/// A module's documents. Register with <c>services.AddScoped&lt;ISearchDocumentSource, …&gt;()</c>. The indexer reads
/// one document again after every queued change and all of them on a rebuild, so a source is the one truth of
/// what a document looks like.
/// </summary>
public interface ISearchDocumentSource
{
    /// <summary>The prefix of this source's document ids, e.g. "offerings".</summary>
    string Source { get; }

    /// <summary>Every document that should be in the index (e.g. published offerings only), for a rebuild.</summary>
    IAsyncEnumerable<SearchDocument> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>The document as it is now; null when it is gone or should not be found (deleted, unpublished, hidden).</summary>
    /// <param name="localId">The id after "{source}:".</param>
    Task<SearchDocument?> ReadAsync(string localId, CancellationToken cancellationToken);
}

/// <summary>
/// A source whose documents are content items: the Search module queues the item (local id = its ContentItemId) on
/// Core's ContentPublished, ContentUnpublished and ContentRemoved events for the content types listed here, so the
/// module needs no queueing code of its own for those. A content type belongs to at most one source.
/// </summary>
public interface ISearchContentSource : ISearchDocumentSource
{
    /// <summary>The content types (e.g. "Page", "Training") whose items are this source's documents.</summary>
    IReadOnlyCollection<string> ContentTypes { get; }
}

/// <summary>
/// Queues a change for the index in the caller's unit of work: the task row is written by the caller's next
/// SaveChanges, so it commits or rolls back with the change, and every node's indexer applies it from the shared log.
/// </summary>
public interface ISearchIndexQueue
{
    /// <param name="source">An <see cref="ISearchDocumentSource.Source"/>.</param>
    /// <param name="localId">The id after "{source}:"; the indexer reads the document again (or removes it when null).</param>
    void Changed(string source, string localId);
}

/// <summary>
/// Tells the search which access keys a viewer holds (e.g. Community: "community-group:{id}" for every group the
/// person is a member of). Every module with <see cref="SearchAccessLevel.Restricted"/> documents registers one.
/// </summary>
public interface ISearchAccessKeys
{
    Task<IReadOnlyCollection<string>> GetKeysAsync(string userId, CancellationToken cancellationToken);
}
