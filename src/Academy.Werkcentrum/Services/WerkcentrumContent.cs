using Academy.Core.Content;
using Academy.Core.Data;
using Academy.Core.Recipes;
using Academy.Core.Text;
using Academy.Users.Abstractions;
using Academy.Werkcentrum.Models;
using Microsoft.EntityFrameworkCore;

namespace Academy.Werkcentrum.Services;

/// <summary>An inlooppunt as the public pages show it.</summary>
public sealed record WalkInPointView(ContentItem Item, string Title, string Slug, WalkInPointPart Part, OpeningStatus Status,
    IReadOnlyList<OrganisationInfo> Partners);

/// <summary>A news item as the list, the page and the feeds show it.</summary>
public sealed record NewsView(ContentItem Item, string Title, string Slug, DateOnly Date, string Summary);

/// <summary>Reads the published Werkcentrum content: inlooppunten with their status now, services, news and questions.</summary>
public sealed class WerkcentrumContent(AcademyDbContext db, ContentManager content, IOrganisationDirectory organisations,
    MarkdownRenderer markdown, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public DateOnly Today => AmsterdamTime.Today(clock);

    public string Html(ContentItem item) => RichText.WithUtrechtClasses(markdown.ToHtml(item.As<MarkdownBodyPart>().Markdown));

    public static string Title(ContentItem item) =>
        item.As<TitlePart>().Title is { Length: > 0 } title ? title : item.DisplayText ?? item.ContentItemId;

    public async Task<IReadOnlyList<WalkInPointView>> WalkInPointsAsync(string? place = null)
    {
        var items = await content.ListByTypeAsync(WerkcentrumTypes.WalkInPoint);
        var directory = (await organisations.ListAsync()).ToDictionary(o => o.Id, StringComparer.Ordinal);
        return items.Select(i => ToWalkInPoint(i, directory))
            .Where(p => string.IsNullOrEmpty(place) || string.Equals(p.Part.Place, place, StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.Part.Place, StringComparer.Create(DutchFormat.Culture, true)).ThenBy(p => p.Title, StringComparer.Create(DutchFormat.Culture, true))
            .ToList();
    }

    /// <summary>The places with an inlooppunt, and the one of them <paramref name="requested"/> names (any case), or null.</summary>
    public async Task<(IReadOnlyList<string> Places, string? Place)> PlaceChoiceAsync(string? requested)
    {
        var places = await PlacesAsync();
        return (places, places.FirstOrDefault(p => string.Equals(p, requested, StringComparison.OrdinalIgnoreCase)));
    }

    public async Task<IReadOnlyList<string>> PlacesAsync() =>
        (await content.ListByTypeAsync(WerkcentrumTypes.WalkInPoint)).Select(i => i.As<WalkInPointPart>().Place)
            .Where(p => p.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Create(DutchFormat.Culture, true)).ToList();

    public async Task<WalkInPointView?> WalkInPointAsync(string slug)
    {
        var item = await BySlugAsync(WerkcentrumTypes.WalkInPoint, slug);
        if (item is null)
        {
            return null;
        }
        var directory = (await organisations.ListAsync()).ToDictionary(o => o.Id, StringComparer.Ordinal);
        return ToWalkInPoint(item, directory);
    }

    public async Task<IReadOnlyList<ContentItem>> ServicesAsync(string? audience = null) =>
        (await content.ListByTypeAsync(WerkcentrumTypes.Service))
            .Where(i => audience is null || i.As<WerkcentrumServicePart>().Audiences.Contains(audience))
            .OrderBy(i => i.As<WerkcentrumServicePart>().Order).ThenBy(Title, StringComparer.Create(DutchFormat.Culture, true))
            .ToList();

    /// <summary>Published news, newest first.</summary>
    public async Task<IReadOnlyList<NewsView>> NewsAsync() =>
        (await content.ListByTypeAsync(WerkcentrumTypes.News)).Select(ToNews)
            .OrderByDescending(n => n.Date).ThenByDescending(n => n.Item.PublishedUtc).ToList();

    public async Task<NewsView?> NewsItemAsync(string slug) =>
        await BySlugAsync(WerkcentrumTypes.News, slug) is { } item ? ToNews(item) : null;

    /// <summary>The questions by group (groups by their lowest order, then by name), each group in its own order.</summary>
    public async Task<IReadOnlyList<IGrouping<string, ContentItem>>> FaqAsync()
    {
        var names = StringComparer.Create(DutchFormat.Culture, true);
        return (await content.ListByTypeAsync(WerkcentrumTypes.Faq))
            .OrderBy(i => i.As<FaqItemPart>().Order).ThenBy(Title, names)
            .GroupBy(i => i.As<FaqItemPart>().Group is { Length: > 0 } group ? group : "Algemeen")
            .OrderBy(g => g.Min(i => i.As<FaqItemPart>().Order)).ThenBy(g => g.Key, names)
            .ToList();
    }

    /// <summary>Title and body of the published item at slug "werkcentrum" (the region's Werkcentrum page from before this module).</summary>
    public async Task<(string Title, string Html)?> IntroAsync()
    {
        var id = await db.Set<AutorouteEntry>().AsNoTracking().Where(e => e.PublishedPath == "werkcentrum")
            .Select(e => e.ContentItemId).FirstOrDefaultAsync();
        return id is not null && await content.GetAsync(id) is { } page ? (Title(page), Html(page)) : null;
    }

    private async Task<ContentItem?> BySlugAsync(string type, string slug)
    {
        var id = await db.Set<AutorouteEntry>().AsNoTracking()
            .Where(e => e.PublishedPath == slug && e.ContentType == type)
            .Select(e => e.ContentItemId).FirstOrDefaultAsync();
        return id is null ? null : await content.GetAsync(id);
    }

    private WalkInPointView ToWalkInPoint(ContentItem item, IReadOnlyDictionary<string, OrganisationInfo> directory)
    {
        var part = item.As<WalkInPointPart>();
        var partners = part.PartnerIds.Select(id => directory.GetValueOrDefault(id)).OfType<OrganisationInfo>().ToList();
        return new WalkInPointView(item, Title(item), item.As<AutoroutePart>().Path, part, OpeningHours.Status(part, clock), partners);
    }

    private static NewsView ToNews(ContentItem item)
    {
        var part = item.As<NewsItemPart>();
        var date = OpeningHours.ParseDate(part.Date)
            ?? DateOnly.FromDateTime(AmsterdamTime.ToLocal(item.PublishedUtc ?? item.CreatedUtc));
        return new NewsView(item, Title(item), item.As<AutoroutePart>().Path, date, part.Summary);
    }
}
