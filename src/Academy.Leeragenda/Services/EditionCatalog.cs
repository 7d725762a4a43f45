using Academy.Leeragenda.Abstractions;
using Academy.Core.Content;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Core.Hosting;
using Academy.Leeragenda.Indexes;
using Academy.Leeragenda.Models;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Academy.Leeragenda.Services;

/// <summary>Published editions for the enrolment module: found through the index, read from the published item.</summary>
public sealed class EditionCatalog(
    AcademyDbContext db,
    ContentManager content,
    ContentDefinitionManager definitions,
    TaxonomyService taxonomies,
    IOptions<AcademyOptions> options,
    LinkGenerator links,
    TimeProvider clock) : IEditionCatalog
{
    /// <summary>The ContentPickerField (in the type's own part) naming offerings to complete first.</summary>
    public const string PrerequisiteField = "Vooropleiding";

    public async Task<EditionInfo?> GetAsync(string editionId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(editionId) || editionId.Length > 100)
        {
            return null;
        }
        // The published version's row and stamp in one query: an edition asked for twice in one scope (the enrol button and
        // the enrolment service, or two handlers of one event) is parsed once, and never served from an older version.
        var version = await (
                from e in db.Set<EditionIndex>().AsNoTracking()
                join r in db.ContentItems.AsNoTracking() on e.ContentItemId equals r.ContentItemId
                where e.EditionId == editionId && r.Published
                select new VersionStamp(r.Id, r.ModifiedUtc))
            .FirstOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return null;
        }
        if (_seen.TryGetValue(editionId, out var seen) && seen.Version == version)
        {
            return seen.Info;
        }
        var record = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(r => r.Id == version.RecordId, cancellationToken);
        var item = record is null ? null : ContentManager.ToItem(record);
        var edition = item is null || !item.Has<OfferingPart>() ? null : item.As<EditionsPart>().Editions.FirstOrDefault(e => e.EditionId == editionId);
        var info = edition is null ? null : await InfoAsync(item!, edition);
        _seen[editionId] = (version, info);
        return info;
    }

    private sealed record VersionStamp(long RecordId, DateTime ModifiedUtc);

    private readonly Dictionary<string, (VersionStamp Version, EditionInfo? Info)> _seen = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<EditionInfo>> ListForOfferingAsync(string offeringId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(offeringId) || await PublishedAsync(offeringId) is not { } item)
        {
            return [];
        }
        var list = new List<EditionInfo>();
        foreach (var edition in item.As<EditionsPart>().Editions.Where(e => e.Sessions.Count > 0))
        {
            list.Add(await InfoAsync(item, edition));
        }
        return list.OrderBy(e => e.StartUtc).ToList();
    }

    public async Task<IReadOnlyList<EditionInfo>> ListInPeriodAsync(DateTime fromUtc, DateTime toUtc, string? trainerEmail = null, CancellationToken cancellationToken = default)
    {
        var editionIds = await db.Set<SessionIndex>().AsNoTracking()
            .Where(s => s.StartUtc < toUtc && s.EndUtc > fromUtc)
            .Select(s => s.EditionId).Distinct().ToListAsync(cancellationToken);
        var trainer = trainerEmail?.Trim().ToLowerInvariant();
        var list = new List<EditionInfo>();
        foreach (var editionId in editionIds)
        {
            if (await GetAsync(editionId, cancellationToken) is { } edition
                && (trainer is null || edition.TrainerEmails.Contains(trainer)))
            {
                list.Add(edition);
            }
        }
        return list.OrderBy(e => e.StartUtc).ThenBy(e => e.EditionName, StringComparer.Ordinal).ToList();
    }

    public async Task<byte[]?> IcsAsync(string editionId, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(editionId, cancellationToken) is not { } edition)
        {
            return null;
        }
        var url = options.Value.PublicBaseUrl.TrimEnd('/') + edition.OfferingUrl;
        var stamp = clock.GetUtcNow().UtcDateTime;
        var events = edition.Sessions.OrderBy(s => s.StartUtc).Select(s => new IcsEvent(
            s.SessionId + "@leeracademie",
            s.StartUtc,
            s.EndUtc,
            stamp,
            $"{edition.OfferingTitle} ({edition.EditionName})",
            LeeragendaFormat.Where(new Session { Location = s.Location, Place = s.Place }) ?? "Online",
            null,
            url));
        return System.Text.Encoding.UTF8.GetBytes(IcsCalendar.Write(edition.OfferingTitle, events));
    }

    private async Task<ContentItem?> PublishedAsync(string contentItemId) =>
        await content.GetAsync(contentItemId) is { } item && item.Has<OfferingPart>() ? item : null;

    private async Task<EditionInfo> InfoAsync(ContentItem item, Edition edition)
    {
        var offering = item.As<OfferingPart>();
        var sessions = edition.Sessions
            .Select(s => new SessionInfo(s.SessionId, UtcDates.AsUtc(s.Start), UtcDates.AsUtc(s.End), s.Location, s.Place, s.OnlineUrl))
            .OrderBy(s => s.StartUtc)
            .ToList();
        return new EditionInfo(
            edition.EditionId,
            edition.Name,
            edition.Capacity,
            item.ContentItemId,
            item.As<TitlePart>().Title is { Length: > 0 } title ? title : item.DisplayText ?? "",
            links.OfferingPath(item.As<AutoroutePart>().Path),
            (await definitions.GetTypeAsync(item.ContentType))?.DisplayName ?? item.ContentType,
            Prerequisites(item),
            sessions)
        {
            Offering = item,
            ThemeNames = await ThemeNamesAsync(offering),
            TrainerEmails = edition.TrainerEmails
                .Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim().ToLowerInvariant()).Distinct().ToList(),
        };
    }

    private async Task<IReadOnlyList<string>> ThemeNamesAsync(OfferingPart offering)
    {
        var names = new List<string>();
        foreach (var termId in offering.Themes)
        {
            names.Add(await taxonomies.NameAsync(TaxonomyService.Themes, termId));
        }
        return names;
    }

    private static IReadOnlyList<string> Prerequisites(ContentItem item) =>
        item.Field<ContentPickerField>(item.ContentType, PrerequisiteField)?.ContentItemIds
            .Where(id => !string.IsNullOrWhiteSpace(id)).Distinct().ToList() ?? [];
}
