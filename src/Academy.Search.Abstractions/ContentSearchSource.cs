using System.Runtime.CompilerServices;
using Academy.Core.Content;

namespace Academy.Search.Abstractions;

/// <summary>
/// A document source whose documents are published content items of some content types (local id = ContentItemId).
/// The module says which types and how an item reads as a document; reading, re-reading and claiming the types for the
/// content events are the same for every such module.
/// </summary>
public abstract class ContentSearchSource(ContentManager content) : ISearchContentSource
{
    private IReadOnlyCollection<string>? _contentTypes;

    /// <summary>Search text beyond this many characters adds little and makes snippets slow.</summary>
    public const int MaxTextLength = 20_000;

    public abstract string Source { get; }

    /// <summary>The content types whose published items are this source's documents.</summary>
    protected abstract Task<IReadOnlyCollection<string>> ContentTypesAsync();

    /// <summary>The item as a document; null when it should not be found (e.g. it has no public address).</summary>
    protected abstract Task<SearchDocument?> ToDocumentAsync(ContentItem item, CancellationToken cancellationToken);

    public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var type in await ContentTypesAsync())
        {
            foreach (var item in await content.ListByTypeAsync(type))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (await ToDocumentAsync(item, cancellationToken) is { } document)
                {
                    yield return document;
                }
            }
        }
    }

    public async Task<SearchDocument?> ReadAsync(string localId, CancellationToken cancellationToken)
    {
        var item = await content.GetAsync(localId);
        return item is not null && (await ContentTypesAsync()).Contains(item.ContentType)
            ? await ToDocumentAsync(item, cancellationToken)
            : null;
    }

    /// <summary>
    /// The types, for the search's content-event handler, which asks synchronously. Content definitions are cached in
    /// memory, so after the first read this does not wait on the database; a source is scoped, so it asks once per scope.
    /// </summary>
    public IReadOnlyCollection<string> ContentTypes => _contentTypes ??= ContentTypesAsync().GetAwaiter().GetResult();

    /// <summary>"{source}:{ContentItemId}".</summary>
    protected string IdOf(ContentItem item) => SearchDocumentIds.Of(Source, item.ContentItemId);

    /// <summary>The item's title, else its display text.</summary>
    protected static string TitleOf(ContentItem item) =>
        item.As<TitlePart>().Title is { Length: > 0 } title ? title : item.DisplayText ?? "";
}

/// <summary>Document ids and text as every source writes them.</summary>
public static class SearchDocumentIds
{
    /// <summary>"{source}:{localId}", unique over all sources.</summary>
    public static string Of(string source, string localId) => source + ":" + localId;

    /// <summary>Non-empty parts joined by blank lines, capped at <see cref="ContentSearchSource.MaxTextLength"/>.</summary>
    public static string Text(params IEnumerable<string?> parts)
    {
        var text = string.Join("\n\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
        return text.Length > ContentSearchSource.MaxTextLength ? text[..ContentSearchSource.MaxTextLength] : text;
    }

    /// <summary>A facet dictionary without empty facets or values, values distinct.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Facets(params (string Name, IEnumerable<string?> Values)[] facets) =>
        facets.Select(f => (f.Name, Values: (IReadOnlyList<string>)f.Values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct().ToList()))
            .Where(f => f.Values.Count > 0)
            .ToDictionary(f => f.Name, f => f.Values);
}
