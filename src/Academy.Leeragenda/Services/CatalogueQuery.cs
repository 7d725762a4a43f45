using System.Globalization;
using Academy.Core.Content;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Core.Hosting;
using Academy.Core.Recipes;
using Academy.Leeragenda.Indexes;
using Academy.Search.Abstractions;
using Microsoft.EntityFrameworkCore;
using Academy.Users.Abstractions;

namespace Academy.Leeragenda.Services;

/// <summary>What the public catalogue is filtered on. Empty values do not filter.</summary>
public sealed record CatalogueFilter
{
    public const int DefaultPageSize = 20;

    /// <summary>A content type name with stereotype Offering (e.g. "Training").</summary>
    public string? Type { get; init; }
    /// <summary>A TermId of the taxonomy "thema".</summary>
    public string? Theme { get; init; }
    /// <summary>A TermId of the taxonomy "doelgroep".</summary>
    public string? Audience { get; init; }
    /// <summary>An organisation id.</summary>
    public string? Organiser { get; init; }
    /// <summary>fysiek, online or hybride.</summary>
    public string? Form { get; init; }
    /// <summary>A month "yyyy-MM" (Amsterdam time): only sessions starting in it count.</summary>
    public string? Month { get; init; }
    /// <summary>Only sessions in this place count.</summary>
    public string? Place { get; init; }
    public bool FreeOnly { get; init; }
    /// <summary>Free text, matched by the search index (stemming, synonyms, accents, typos) over the whole offering.</summary>
    public string? Query { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;
}

public sealed record CatalogueItem(
    string ContentItemId,
    string ContentType,
    string TypeName,
    string Title,
    string Slug,
    string Summary,
    DateTime NextStartUtc,
    DateTime NextEndUtc,
    IReadOnlyList<string> Places,
    bool HasOnlineSessions,
    string Form,
    decimal CostEuros,
    bool IsFree,
    string? OrganiserId,
    string? OrganiserName);

public sealed record CatalogueResult(IReadOnlyList<CatalogueItem> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

public sealed record FilterOption(string Value, string Label);

public sealed record CatalogueOptions(
    IReadOnlyList<FilterOption> Types,
    IReadOnlyList<FilterOption> Themes,
    IReadOnlyList<FilterOption> Audiences,
    IReadOnlyList<FilterOption> Organisers,
    IReadOnlyList<FilterOption> Forms,
    IReadOnlyList<FilterOption> Months,
    IReadOnlyList<FilterOption> Places);

/// <summary>
/// The public catalogue as SQL over the leeragenda index tables (rows exist for published offerings only):
/// offerings with at least one session that has not ended, filtered, sorted by their next session and paged
/// in the database. Works the same on SQLite and PostgreSQL. The text filter asks the search index which published
/// offerings match (<see cref="ISearchService.MatchLocalIdsAsync"/>) and filters on those ids with the other filters.
/// </summary>
public sealed class CatalogueQuery(
    AcademyDbContext db,
    ISearchService search,
    ContentDefinitionManager definitions,
    IOrganisationDirectory organisations,
    TaxonomyService taxonomies,
    CatalogueCache cache,
    TimeProvider clock)
{
    public const string OfferingStereotype = "Offering";
    public static readonly string[] FormValues = ["fysiek", "online", "hybride"];

    /// <summary>Pages beyond this are never real (20 per page); capping keeps cache keys bounded.</summary>
    public const int MaxPage = 1_000;

    /// <summary>Offerings the text filter takes from the index at most; more than a region ever publishes.</summary>
    public const int MaxTextMatches = 5_000;

    public Task<CatalogueResult> SearchAsync(CatalogueFilter filter, CancellationToken cancellationToken = default)
    {
        filter = filter with { Page = Math.Clamp(filter.Page, 1, MaxPage) };
        return cache.GetOrCreateAsync("search:" + filter, () => SearchUncachedAsync(filter, cancellationToken));
    }

    /// <summary>The choices of the filter form.</summary>
    public Task<CatalogueOptions> OptionsAsync(CancellationToken cancellationToken = default) =>
        cache.GetOrCreateAsync("options", () => OptionsUncachedAsync(cancellationToken));

    private async Task<CatalogueResult> SearchUncachedAsync(CatalogueFilter filter, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var pageSize = Math.Clamp(filter.PageSize, 1, 100);

        var sessions = db.Set<SessionIndex>().AsNoTracking().Where(s => s.EndUtc > now);
        if (TryParseMonth(filter.Month, out var month))
        {
            var (from, to) = MonthRangeUtc(month);
            sessions = sessions.Where(s => s.StartUtc >= from && s.StartUtc < to);
        }
        if (!string.IsNullOrWhiteSpace(filter.Place))
        {
            var place = filter.Place.Trim();
            sessions = sessions.Where(s => s.Place == place);
        }
        var next = sessions
            .GroupBy(s => s.ContentItemId)
            .Select(g => new { ContentItemId = g.Key, NextStartUtc = g.Min(s => s.StartUtc) });

        var offerings = ApplyOfferingFilters(db.Set<OfferingIndex>().AsNoTracking(), filter);
        if (Value(filter.Query) is { } text)
        {
            // Offerings are public documents, so the visitor's view of the index is everyone's.
            var matching = (await search.MatchLocalIdsAsync(OfferingSearchSource.Name, text, SearchViewer.Visitor, MaxTextMatches, cancellationToken)).ToList();
            offerings = offerings.Where(o => matching.Contains(o.ContentItemId));
        }
        var rows =
            from o in offerings
            join n in next on o.ContentItemId equals n.ContentItemId
            select new
            {
                o.ContentItemId,
                o.ContentType,
                o.Title,
                o.Slug,
                o.Summary,
                o.OrganiserId,
                o.Form,
                o.CostEuros,
                o.IsFree,
                n.NextStartUtc,
            };

        var total = await rows.CountAsync(cancellationToken);
        var pageCount = total == 0 ? 1 : (total + pageSize - 1) / pageSize;
        var page = Math.Clamp(filter.Page, 1, pageCount);
        if (total == 0)
        {
            return new CatalogueResult([], total, page, pageSize);
        }
        var found = await rows
            .OrderBy(x => x.NextStartUtc).ThenBy(x => x.Title).ThenBy(x => x.ContentItemId)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);

        // The page's upcoming sessions (unfiltered) give the places and the end of the next session.
        var ids = found.Select(x => x.ContentItemId).ToList();
        var upcoming = (await db.Set<SessionIndex>().AsNoTracking()
                .Where(s => ids.Contains(s.ContentItemId) && s.EndUtc > now)
                .Select(s => new { s.ContentItemId, s.StartUtc, s.EndUtc, s.Place, s.IsOnline })
                .ToListAsync(cancellationToken))
            .OrderBy(s => s.StartUtc)
            .ToLookup(s => s.ContentItemId);
        var typeNames = (await definitions.ListTypesByStereotypeAsync(OfferingStereotype)).ToDictionary(t => t.Name, t => t.DisplayName);
        var organisationNames = (await organisations.ListAsync()).ToDictionary(o => o.Id, o => o.Name);

        var items = found.Select(x =>
        {
            var own = upcoming[x.ContentItemId].ToList();
            var nextStart = UtcDates.AsUtc(x.NextStartUtc);
            var nextEnd = own.FirstOrDefault(s => s.StartUtc == x.NextStartUtc)?.EndUtc ?? x.NextStartUtc;
            return new CatalogueItem(
                x.ContentItemId,
                x.ContentType,
                typeNames.GetValueOrDefault(x.ContentType, x.ContentType),
                x.Title,
                x.Slug,
                x.Summary,
                nextStart,
                UtcDates.AsUtc(nextEnd),
                own.Where(s => s.Place is not null).Select(s => s.Place!).Distinct().ToList(),
                own.Any(s => s.IsOnline),
                x.Form,
                x.CostEuros,
                x.IsFree,
                x.OrganiserId,
                x.OrganiserId is null ? null : organisationNames.GetValueOrDefault(x.OrganiserId));
        }).ToList();
        return new CatalogueResult(items, total, page, pageSize);
    }

    private IQueryable<OfferingIndex> ApplyOfferingFilters(IQueryable<OfferingIndex> offerings, CatalogueFilter filter)
    {
        if (Value(filter.Type) is { } type)
        {
            offerings = offerings.Where(o => o.ContentType == type);
        }
        if (Value(filter.Organiser) is { } organiser)
        {
            offerings = offerings.Where(o => o.OrganiserId == organiser);
        }
        if (Value(filter.Form)?.ToLowerInvariant() is { } form)
        {
            offerings = offerings.Where(o => o.Form == form);
        }
        if (filter.FreeOnly)
        {
            offerings = offerings.Where(o => o.IsFree);
        }
        if (Value(filter.Theme) is { } theme)
        {
            offerings = WithTerm(offerings, TaxonomyService.Themes, theme);
        }
        if (Value(filter.Audience) is { } audience)
        {
            offerings = WithTerm(offerings, TaxonomyService.Audiences, audience);
        }
        return offerings;

        IQueryable<OfferingIndex> WithTerm(IQueryable<OfferingIndex> query, string taxonomy, string termId)
        {
            var terms = db.Set<OfferingTermIndex>();
            return query.Where(o => terms.Any(t => t.ContentItemId == o.ContentItemId && t.Taxonomy == taxonomy && t.TermId == termId));
        }
    }

    private async Task<CatalogueOptions> OptionsUncachedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var dutch = StringComparer.Create(AcademyHost.Dutch, ignoreCase: true);

        var types = (await definitions.ListTypesByStereotypeAsync(OfferingStereotype))
            .Select(t => new FilterOption(t.Name, t.DisplayName)).OrderBy(o => o.Label, dutch).ToList();
        var themes = (await taxonomies.TermsAsync(TaxonomyService.Themes)).Select(t => new FilterOption(t.TermId, t.Name)).ToList();
        var audiences = (await taxonomies.TermsAsync(TaxonomyService.Audiences)).Select(t => new FilterOption(t.TermId, t.Name)).ToList();

        var organiserIds = await db.Set<OfferingIndex>().AsNoTracking()
            .Where(o => o.OrganiserId != null).Select(o => o.OrganiserId!).Distinct().ToListAsync(cancellationToken);
        var organisers = (await organisations.ListAsync())
            .Where(o => organiserIds.Contains(o.Id))
            .Select(o => new FilterOption(o.Id, o.Name)).OrderBy(o => o.Label, dutch).ToList();

        var places = (await db.Set<SessionIndex>().AsNoTracking()
                .Where(s => s.EndUtc > now && s.Place != null).Select(s => s.Place!).Distinct().ToListAsync(cancellationToken))
            .OrderBy(p => p, dutch).Select(p => new FilterOption(p, p)).ToList();

        var forms = new List<FilterOption> { new("fysiek", "Fysiek"), new("online", "Online"), new("hybride", "Hybride") };
        return new CatalogueOptions(types, themes, audiences, organisers, forms, Months(), places);
    }

    /// <summary>This month and the eleven after it (Amsterdam time), e.g. "2027-03" labelled "maart 2027".</summary>
    public IReadOnlyList<FilterOption> Months()
    {
        var today = AmsterdamTime.Today(clock);
        var first = new DateOnly(today.Year, today.Month, 1);
        return Enumerable.Range(0, 12)
            .Select(i => first.AddMonths(i))
            .Select(m => new FilterOption(
                m.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                m.ToString("MMMM yyyy", AcademyHost.Dutch)))
            .ToList();
    }

    public static bool TryParseMonth(string? value, out DateOnly month) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);

    /// <summary>The month's start and the next month's start, from Amsterdam midnight, in UTC.</summary>
    public static (DateTime FromUtc, DateTime ToUtc) MonthRangeUtc(DateOnly month)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        return (AmsterdamTime.ToUtc(first.ToDateTime(TimeOnly.MinValue)), AmsterdamTime.ToUtc(first.AddMonths(1).ToDateTime(TimeOnly.MinValue)));
    }

    private static string? Value(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
