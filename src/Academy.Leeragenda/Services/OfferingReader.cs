using Academy.Leeragenda.Abstractions;
using Academy.Core.Content;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Leeragenda.Indexes;
using Academy.Leeragenda.Models;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Academy.Users.Abstractions;

namespace Academy.Leeragenda.Services;

/// <summary>A published offering ready to show: its parts, names resolved, and the editions that have not ended.</summary>
public sealed class OfferingView
{
    public required ContentItem Item { get; init; }
    public required string TypeName { get; init; }
    public required string Title { get; init; }
    public required string Slug { get; init; }
    public required OfferingPart Offering { get; init; }
    public required string Markdown { get; init; }
    public OrganisationInfo? Organiser { get; init; }
    public required IReadOnlyList<TaxonomyTerm> Themes { get; init; }
    public required IReadOnlyList<TaxonomyTerm> Audiences { get; init; }
    /// <summary>Editions whose last session has not ended, in start order.</summary>
    public required IReadOnlyList<EditionView> Editions { get; init; }

    public string ContentItemId => Item.ContentItemId;
    public string ContentType => Item.ContentType;
    public string Form => Offering.Form.ToString().ToLowerInvariant();
    /// <summary>When this version was published; stable, so feeds built from it are too.</summary>
    public DateTime StampUtc => UtcDates.AsUtc(Item.PublishedUtc ?? Item.ModifiedUtc);
    /// <summary>The site-relative address of the offering's page (from its named route).</summary>
    public required string Path { get; init; }
}

public sealed record EditionView(Edition Edition, int SeatsLeft, IReadOnlyList<Session> Sessions)
{
    public string EditionId => Edition.EditionId;
    public string Name => Edition.Name;
    public int Capacity => Edition.Capacity;
    public bool IsFull => SeatsLeft <= 0;
    public DateTime StartUtc => Sessions.Min(s => UtcDates.AsUtc(s.Start));
    public DateTime EndUtc => Sessions.Max(s => UtcDates.AsUtc(s.End));
    public bool HasOnlineSessions => Sessions.Any(CanJoinOnline);
    public bool HasPhysicalSessions => Sessions.Any(s => !IsOnlineOnly(s));

    /// <summary>schema.org courseMode: online, onsite or blended.</summary>
    public string CourseMode => !HasPhysicalSessions ? "online" : HasOnlineSessions ? "blended" : "onsite";

    /// <summary>Participants can join online (online-only or hybrid session).</summary>
    public static bool CanJoinOnline(Session session) => !string.IsNullOrWhiteSpace(session.OnlineUrl);

    /// <summary>Online without a physical place.</summary>
    public static bool IsOnlineOnly(Session session) =>
        CanJoinOnline(session) && string.IsNullOrWhiteSpace(session.Place);
}

/// <summary>Loads published offerings (by slug, or all with upcoming sessions) for the detail page, the feeds and the API.</summary>
public sealed class OfferingReader(
    AcademyDbContext db,
    ContentManager content,
    ContentDefinitionManager definitions,
    IOrganisationDirectory organisations,
    TaxonomyService taxonomies,
    IEditionSeats seats,
    LinkGenerator links,
    TimeProvider clock)
{
    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public async Task<OfferingView?> BySlugAsync(string slug, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(slug) || slug.Length > 120)
        {
            return null;
        }
        var id = await db.Set<OfferingIndex>().AsNoTracking()
            .Where(o => o.Slug == slug).Select(o => o.ContentItemId).FirstOrDefaultAsync(cancellationToken);
        if (id is null || await content.GetAsync(id) is not { } item || !item.Has<OfferingPart>())
        {
            return null;
        }
        return (await BuildAsync([item])).SingleOrDefault();
    }

    /// <summary>Every published offering with a session that has not ended, by next session then title.</summary>
    public async Task<IReadOnlyList<OfferingView>> UpcomingAsync(CancellationToken cancellationToken = default)
    {
        var now = UtcNow;
        var ids = await db.Set<SessionIndex>().AsNoTracking()
            .Where(s => s.EndUtc > now)
            .Select(s => s.ContentItemId).Distinct().ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }
        var items = await content.ListAsync(ids);
        var views = await BuildAsync(items.Where(i => i.Has<OfferingPart>()).ToList());
        return views.Where(v => v.Editions.Count > 0)
            .OrderBy(v => v.Editions.SelectMany(e => e.Sessions).Where(s => UtcDates.AsUtc(s.End) > now).Min(s => UtcDates.AsUtc(s.Start)))
            .ThenBy(v => v.Title, StringComparer.Ordinal)
            .ToList();
    }

    private async Task<IReadOnlyList<OfferingView>> BuildAsync(IReadOnlyList<ContentItem> items)
    {
        var now = UtcNow;
        var types = (await definitions.ListTypesAsync()).ToDictionary(t => t.Name, t => t.DisplayName);
        var organisationList = (await organisations.ListAsync()).ToDictionary(o => o.Id);
        var themeTerms = (await taxonomies.TermsAsync(TaxonomyService.Themes)).ToDictionary(t => t.TermId);
        var audienceTerms = (await taxonomies.TermsAsync(TaxonomyService.Audiences)).ToDictionary(t => t.TermId);

        var editionsByItem = items.ToDictionary(
            i => i.ContentItemId,
            i => i.As<EditionsPart>().Editions
                .Where(e => e.Sessions.Count > 0 && e.Sessions.Max(s => UtcDates.AsUtc(s.End)) > now)
                .OrderBy(e => e.Sessions.Min(s => UtcDates.AsUtc(s.Start)))
                .ThenBy(e => e.Name, StringComparer.Ordinal)
                .ToList());
        var editionIds = editionsByItem.Values.SelectMany(e => e).Select(e => e.EditionId).Distinct().ToList();
        var taken = editionIds.Count == 0 ? new Dictionary<string, int>() : await seats.TakenAsync(editionIds);

        return items.Select(item =>
        {
            var offering = item.As<OfferingPart>();
            return new OfferingView
            {
                Item = item,
                TypeName = types.GetValueOrDefault(item.ContentType, item.ContentType),
                Title = item.As<TitlePart>().Title is { Length: > 0 } title ? title : item.DisplayText ?? "",
                Slug = item.As<AutoroutePart>().Path,
                Path = links.OfferingPath(item.As<AutoroutePart>().Path),
                Offering = offering,
                Markdown = item.As<MarkdownBodyPart>().Markdown,
                Organiser = offering.OrganiserId is { } o ? organisationList.GetValueOrDefault(o) : null,
                Themes = offering.Themes.Select(t => themeTerms.GetValueOrDefault(t) ?? new TaxonomyTerm { TermId = t, Name = t }).ToList(),
                Audiences = offering.Audiences.Select(t => audienceTerms.GetValueOrDefault(t) ?? new TaxonomyTerm { TermId = t, Name = t }).ToList(),
                Editions = editionsByItem[item.ContentItemId]
                    .Select(e => new EditionView(
                        e,
                        Math.Max(0, e.Capacity - taken.GetValueOrDefault(e.EditionId)),
                        e.Sessions.OrderBy(s => UtcDates.AsUtc(s.Start)).ToList()))
                    .ToList(),
            };
        }).ToList();
    }

    /// <summary>One session of a published offering, found by the offering's slug and the session id.</summary>
    public async Task<(OfferingView Offering, EditionView Edition, Session Session)?> SessionAsync(string slug, string sessionId, CancellationToken cancellationToken = default)
    {
        var found = await (
                from s in db.Set<SessionIndex>().AsNoTracking()
                join o in db.Set<OfferingIndex>().AsNoTracking() on s.ContentItemId equals o.ContentItemId
                where s.SessionId == sessionId && o.Slug == slug
                select s.ContentItemId)
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null || await content.GetAsync(found) is not { } item)
        {
            return null;
        }
        var view = (await BuildAsync([item])).Single();
        // The session may belong to an edition that has ended; the single-session file still works.
        var edition = item.As<EditionsPart>().Editions.FirstOrDefault(e => e.Sessions.Any(s => s.SessionId == sessionId));
        var session = edition?.Sessions.First(s => s.SessionId == sessionId);
        if (edition is null || session is null)
        {
            return null;
        }
        var editionView = view.Editions.FirstOrDefault(e => e.EditionId == edition.EditionId)
            ?? new EditionView(edition, 0, edition.Sessions.OrderBy(s => s.Start).ToList());
        return (view, editionView, session);
    }
}
