using System.Globalization;
using Academy.Core.Content;
using Academy.Core.Recipes;
using Academy.Core.Text;
using Academy.Leeragenda.Models;
using Academy.Search.Abstractions;
using Academy.Users.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace Academy.Leeragenda.Services;

/// <summary>
/// Published offerings as search documents (kind aanbod, public): title, summary, body, themes, organiser, places and
/// dates, with the facets soort, thema, organisator, vorm and maand. Unpublished and removed items are not found: the
/// search's content-event handler re-reads the item, and only the published version is read.
/// </summary>
public sealed class OfferingSearchSource(
    ContentManager content,
    ContentDefinitionManager definitions,
    IOrganisationDirectory organisations,
    TaxonomyService taxonomies,
    MarkdownRenderer markdown,
    LinkGenerator links) : ContentSearchSource(content)
{
    public const string Name = "offerings";

    /// <summary>Facet names of the aanbod, as /zoeken shows them.</summary>
    public const string TypeFacet = "soort";
    public const string ThemeFacet = "thema";
    public const string OrganiserFacet = "organisator";
    public const string FormFacet = "vorm";
    /// <summary>Values "yyyy-MM" (Amsterdam time) of the months with a session.</summary>
    public const string MonthFacet = "maand";

    public override string Source => Name;

    protected override async Task<IReadOnlyCollection<string>> ContentTypesAsync() =>
        (await definitions.ListTypesByStereotypeAsync(CatalogueQuery.OfferingStereotype)).Select(t => t.Name).ToList();

    protected override async Task<SearchDocument?> ToDocumentAsync(ContentItem item, CancellationToken cancellationToken)
    {
        if (!item.Has<OfferingPart>() || item.As<AutoroutePart>().Path is not { Length: > 0 } slug)
        {
            return null;
        }
        var offering = item.As<OfferingPart>();
        var typeName = (await definitions.GetTypeAsync(item.ContentType))?.DisplayName ?? item.ContentType;
        var organiser = offering.OrganiserId is { } id ? await organisations.GetAsync(id) : null;
        var themes = await NamesAsync(TaxonomyService.Themes, offering.Themes);
        var audiences = await NamesAsync(TaxonomyService.Audiences, offering.Audiences);
        var sessions = item.As<EditionsPart>().Editions.SelectMany(e => e.Sessions).OrderBy(s => s.Start).ToList();
        var places = sessions.SelectMany(s => new[] { s.Location, s.Place }).Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.OrdinalIgnoreCase);
        var months = sessions.Select(s => AmsterdamTime.ToLocal(s.Start).ToString("yyyy-MM", CultureInfo.InvariantCulture));
        var form = LeeragendaFormat.FormLabel(offering.Form);

        return new SearchDocument(
            IdOf(item),
            SearchKinds.Offering,
            TitleOf(item),
            SearchDocumentIds.Text(
                offering.Summary,
                markdown.ToPlainText(item.As<MarkdownBodyPart>().Markdown),
                string.Join(", ", themes),
                string.Join(", ", audiences),
                organiser?.Name,
                string.Join(", ", places),
                typeName),
            links.OfferingPath(slug),
            SearchAccess.Public,
            offering.Summary,
            sessions.Count == 0 ? null : DateTime.SpecifyKind(sessions[0].Start, DateTimeKind.Utc),
            SearchDocumentIds.Facets(
                (TypeFacet, [typeName]),
                (ThemeFacet, themes),
                (OrganiserFacet, [organiser?.Name]),
                (FormFacet, [form]),
                (MonthFacet, months)));
    }

    private async Task<IReadOnlyList<string>> NamesAsync(string taxonomy, IEnumerable<string> termIds)
    {
        var terms = (await taxonomies.TermsAsync(taxonomy)).ToDictionary(t => t.TermId, t => t.Name);
        return termIds.Select(t => terms.GetValueOrDefault(t, t)).ToList();
    }
}
