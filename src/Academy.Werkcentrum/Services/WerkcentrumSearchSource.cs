using Academy.Core.Content;
using Academy.Core.Recipes;
using Academy.Core.Text;
using Academy.Search.Abstractions;
using Academy.Users.Abstractions;
using Academy.Werkcentrum.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Academy.Werkcentrum.Services;

/// <summary>
/// The Werkcentrum's four content types as public search documents of kind paginas: inlooppunten and news at their own
/// page, a service on its first audience's page (at its heading), a question on the questions page.
/// </summary>
public sealed class WerkcentrumSearchSource(ContentManager content, IOrganisationDirectory organisations, MarkdownRenderer markdown, LinkGenerator links)
    : ContentSearchSource(content)
{
    public const string Name = "werkcentrum";

    private static readonly IReadOnlyCollection<string> Types =
        [WerkcentrumTypes.WalkInPoint, WerkcentrumTypes.Service, WerkcentrumTypes.News, WerkcentrumTypes.Faq];

    public override string Source => Name;

    protected override Task<IReadOnlyCollection<string>> ContentTypesAsync() => Task.FromResult(Types);

    protected override async Task<SearchDocument?> ToDocumentAsync(ContentItem item, CancellationToken cancellationToken)
    {
        var body = markdown.ToPlainText(item.As<MarkdownBodyPart>().Markdown);
        var slug = item.As<AutoroutePart>().Path;
        var date = item.PublishedUtc ?? item.ModifiedUtc;
        switch (item.ContentType)
        {
            case WerkcentrumTypes.WalkInPoint when slug.Length > 0:
                var point = item.As<WalkInPointPart>();
                var partners = await NamesAsync(point.PartnerIds);
                return Document(item, links.GetPathByName("Werkcentrum.WalkInPoints.Detail", new { slug }), null, date,
                    $"{point.Address}, {point.Postcode} {point.Place}", body, point.AccessibilityNotes, partners);
            case WerkcentrumTypes.News when slug.Length > 0:
                var news = item.As<NewsItemPart>();
                var day = OpeningHours.ParseDate(news.Date);
                return Document(item, links.GetPathByName("Werkcentrum.News.Detail", new { slug }), news.Summary,
                    day is { } d ? AmsterdamTime.ToUtc(d.ToDateTime(TimeOnly.MinValue)) : date, news.Summary, body);
            case WerkcentrumTypes.Service:
                var service = item.As<WerkcentrumServicePart>();
                var audience = service.Audiences.FirstOrDefault(WerkcentrumAudiences.All.Contains);
                var url = audience is null ? null
                    : links.GetPathByName("Werkcentrum.Home.Audience", new { audience }, fragment: new FragmentString("#dienst-" + item.ContentItemId));
                return Document(item, url, service.Summary, date, service.Summary, body,
                    string.Join(", ", service.Audiences.Select(WerkcentrumAudiences.Name)), await NamesAsync(service.ProviderIds));
            case WerkcentrumTypes.Faq:
                var group = item.As<FaqItemPart>().Group;
                return Document(item, links.GetPathByName("Werkcentrum.Home.Faq"), null, date, group, body);
            default:
                return null;
        }
    }

    private SearchDocument? Document(ContentItem item, string? url, string? summary, DateTime date, params IEnumerable<string?> text) =>
        url is null ? null
            : new SearchDocument(IdOf(item), SearchKinds.Page, TitleOf(item), SearchDocumentIds.Text(text), url, SearchAccess.Public,
                string.IsNullOrWhiteSpace(summary) ? null : summary, date);

    private async Task<string> NamesAsync(IEnumerable<string> organisationIds)
    {
        var directory = (await organisations.ListAsync()).ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
        return string.Join(", ", organisationIds.Select(id => directory.GetValueOrDefault(id)).OfType<string>());
    }
}
