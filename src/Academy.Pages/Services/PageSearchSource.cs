using Academy.Core.Content;
using Academy.Core.Text;
using Academy.Search.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace Academy.Pages.Services;

/// <summary>
/// Published content pages (stereotype "Page") as public search documents of kind paginas. A page whose slug a module's
/// route took over (e.g. the old "werkcentrum" page) has no address of its own and is not found.
/// </summary>
public sealed class PageSearchSource(ContentManager content, ContentDefinitionManager definitions, MarkdownRenderer markdown, LinkGenerator links)
    : ContentSearchSource(content)
{
    public const string Name = "pages";

    public override string Source => Name;

    protected override async Task<IReadOnlyCollection<string>> ContentTypesAsync() =>
        (await definitions.ListTypesByStereotypeAsync(PageReader.Stereotype)).Select(t => t.Name).ToList();

    protected override Task<SearchDocument?> ToDocumentAsync(ContentItem item, CancellationToken cancellationToken)
    {
        var slug = item.As<AutoroutePart>().Path;
        var url = slug is { Length: > 0 } ? links.GetPathByName("Pages.Page", new { slug }) : null;
        if (url is null)
        {
            return Task.FromResult<SearchDocument?>(null);
        }
        var text = markdown.ToPlainText(item.As<MarkdownBodyPart>().Markdown);
        return Task.FromResult<SearchDocument?>(new SearchDocument(
            IdOf(item), SearchKinds.Page, TitleOf(item), SearchDocumentIds.Text(text), url, SearchAccess.Public,
            Date: item.PublishedUtc ?? item.ModifiedUtc));
    }
}
