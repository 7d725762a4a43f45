using Academy.Core.Content;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Leeragenda.Indexes;
using Academy.Leeragenda.Models;
using Microsoft.EntityFrameworkCore;
using Academy.Users.Abstractions;

namespace Academy.Leeragenda.Services;

/// <summary>Validates offerings and keeps the catalogue's index rows in step with the published version.</summary>
public sealed partial class OfferingHandler(AcademyDbContext db, IOrganisationDirectory organisations, TaxonomyService taxonomies) : IContentHandler
{
    public async Task ValidateAsync(ContentItem item, ContentValidationResult result)
    {
        if (item.Has<OfferingPart>())
        {
            await ValidateOfferingAsync(item.As<OfferingPart>(), result);
        }
        if (item.Has<EditionsPart>())
        {
            await ValidateEditionsAsync(item, item.As<EditionsPart>(), result);
        }
    }

    private async Task ValidateOfferingAsync(OfferingPart offering, ContentValidationResult result)
    {
        if (offering.CostEuros < 0)
        {
            result.Fail("OfferingPart.CostEuros", "De kosten kunnen niet negatief zijn.");
        }
        if (offering.Summary.Length > 1000)
        {
            result.Fail("OfferingPart.Summary", "De samenvatting is te lang (maximaal 1000 tekens).");
        }
        if (offering.OrganiserId is { Length: > 0 } organiser && await organisations.GetAsync(organiser) is null)
        {
            result.Fail("OfferingPart.OrganiserId", $"Onbekende organisator '{organiser}'.");
        }
        await CheckTermsAsync(TaxonomyService.Themes, offering.Themes, "OfferingPart.Themes", result);
        await CheckTermsAsync(TaxonomyService.Audiences, offering.Audiences, "OfferingPart.Audiences", result);
    }

    private async Task CheckTermsAsync(string taxonomy, List<string> termIds, string key, ContentValidationResult result)
    {
        var known = (await taxonomies.TermsAsync(taxonomy)).Select(t => t.TermId).ToHashSet();
        foreach (var termId in termIds.Where(t => !known.Contains(t)))
        {
            result.Fail(key, $"Onbekende term '{termId}' in '{taxonomy}'.");
        }
    }

    private async Task ValidateEditionsAsync(ContentItem item, EditionsPart part, ContentValidationResult result)
    {
        var editionIds = new HashSet<string>();
        var sessionIds = new HashSet<string>();
        for (var e = 0; e < part.Editions.Count; e++)
        {
            var edition = part.Editions[e];
            var key = $"EditionsPart.Editions[{e}]";
            if (string.IsNullOrWhiteSpace(edition.EditionId))
            {
                edition.EditionId = IdGenerator.NewId();
            }
            if (!editionIds.Add(edition.EditionId))
            {
                result.Fail($"{key}.EditionId", $"De groep-id '{edition.EditionId}' komt twee keer voor.");
            }
            if (string.IsNullOrWhiteSpace(edition.Name))
            {
                result.Fail($"{key}.Name", "Geef de groep een naam.");
            }
            if (edition.Capacity < 1)
            {
                result.Fail($"{key}.Capacity", "Het aantal plaatsen moet minimaal 1 zijn.");
            }
            if (edition.Sessions.Count == 0)
            {
                result.Fail($"{key}.Sessions", "Een groep heeft minstens één bijeenkomst.");
            }
            for (var s = 0; s < edition.Sessions.Count; s++)
            {
                var session = edition.Sessions[s];
                if (string.IsNullOrWhiteSpace(session.SessionId))
                {
                    session.SessionId = IdGenerator.NewId();
                }
                if (!sessionIds.Add(session.SessionId))
                {
                    result.Fail($"{key}.Sessions[{s}].SessionId", $"De bijeenkomst-id '{session.SessionId}' komt twee keer voor.");
                }
                if (session.End <= session.Start)
                {
                    result.Fail($"{key}.Sessions[{s}].End", "Het einde van een bijeenkomst moet na het begin liggen.");
                }
                if (session.OnlineUrl is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
                {
                    result.Fail($"{key}.Sessions[{s}].OnlineUrl", "De link voor online deelname is geen geldig webadres.");
                }
            }
        }
        // Generated ids were filled in above; keep them in the item.
        item.Apply(part);
        foreach (var id in editionIds.Concat(sessionIds).Where(id => !StableId().IsMatch(id)))
        {
            result.Fail("EditionsPart.Editions", $"De id '{id}' mag alleen kleine letters, cijfers en koppeltekens bevatten (hoogstens 100 tekens).");
        }
        if (editionIds.Count > 0)
        {
            var ids = editionIds.ToList();
            var clash = await db.Set<EditionIndex>().AsNoTracking()
                .Where(x => ids.Contains(x.EditionId) && x.ContentItemId != item.ContentItemId)
                .Select(x => x.EditionId).FirstOrDefaultAsync();
            if (clash is not null)
            {
                result.Fail("EditionsPart.Editions", $"De groep-id '{clash}' hoort al bij ander aanbod.");
            }
        }
        if (sessionIds.Count > 0)
        {
            var ids = sessionIds.ToList();
            var clash = await db.Set<SessionIndex>().AsNoTracking()
                .Where(x => ids.Contains(x.SessionId) && x.ContentItemId != item.ContentItemId)
                .Select(x => x.SessionId).FirstOrDefaultAsync();
            if (clash is not null)
            {
                result.Fail("EditionsPart.Editions", $"De bijeenkomst-id '{clash}' hoort al bij ander aanbod.");
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial System.Text.RegularExpressions.Regex StableId();

    public Task SavedAsync(ContentItem latest)
    {
        if (latest.Has<TaxonomyPart>())
        {
            taxonomies.Invalidate(latest.ContentItemId);
        }
        return Task.CompletedTask;
    }

    public async Task PublishedAsync(ContentItem published)
    {
        if (!published.Has<OfferingPart>())
        {
            return;
        }
        var offering = published.As<OfferingPart>();
        var row = await db.Set<OfferingIndex>().FindAsync(published.ContentItemId);
        if (row is null)
        {
            row = new OfferingIndex { ContentItemId = published.ContentItemId };
            db.Add(row);
        }
        row.ContentType = published.ContentType;
        row.Title = published.As<TitlePart>().Title;
        row.Slug = published.As<AutoroutePart>().Path;
        row.Summary = offering.Summary;
        row.OrganiserId = offering.OrganiserId;
        row.Form = offering.Form.ToString().ToLowerInvariant();
        row.CostEuros = offering.CostEuros;
        row.IsFree = offering.IsFree;
        row.SearchText = "";
        row.PublishedUtc = published.PublishedUtc ?? published.ModifiedUtc;

        await SyncTermsAsync(published.ContentItemId, offering);
        await SyncEditionsAsync(published.ContentItemId, published.As<EditionsPart>());
    }

    public Task UnpublishedAsync(ContentItem item) => RemoveIndexAsync(item.ContentItemId);

    public Task RemovedAsync(ContentItem item) => RemoveIndexAsync(item.ContentItemId);

    private async Task RemoveIndexAsync(string contentItemId)
    {
        db.RemoveRange(await db.Set<OfferingIndex>().Where(x => x.ContentItemId == contentItemId).ToListAsync());
        db.RemoveRange(await db.Set<OfferingTermIndex>().Where(x => x.ContentItemId == contentItemId).ToListAsync());
        db.RemoveRange(await db.Set<EditionIndex>().Where(x => x.ContentItemId == contentItemId).ToListAsync());
        db.RemoveRange(await db.Set<SessionIndex>().Where(x => x.ContentItemId == contentItemId).ToListAsync());
    }

    private async Task SyncTermsAsync(string contentItemId, OfferingPart offering)
    {
        var wanted = offering.Themes.Distinct().Select(t => (TaxonomyService.Themes, t))
            .Concat(offering.Audiences.Distinct().Select(t => (TaxonomyService.Audiences, t))).ToHashSet();
        var existing = await db.Set<OfferingTermIndex>().Where(x => x.ContentItemId == contentItemId).ToListAsync();
        db.RemoveRange(existing.Where(x => !wanted.Contains((x.Taxonomy, x.TermId))));
        foreach (var (taxonomy, term) in wanted.Where(w => !existing.Any(x => x.Taxonomy == w.Item1 && x.TermId == w.Item2)))
        {
            db.Add(new OfferingTermIndex { ContentItemId = contentItemId, Taxonomy = taxonomy, TermId = term });
        }
    }

    /// <summary>Updates rows in place (same keys), adds new ones and removes the ones no longer there.</summary>
    private async Task SyncEditionsAsync(string contentItemId, EditionsPart part)
    {
        var editions = await db.Set<EditionIndex>().Where(x => x.ContentItemId == contentItemId).ToDictionaryAsync(x => x.EditionId);
        var sessions = await db.Set<SessionIndex>().Where(x => x.ContentItemId == contentItemId).ToDictionaryAsync(x => x.SessionId);
        foreach (var edition in part.Editions.Where(e => e.Sessions.Count > 0))
        {
            if (!editions.Remove(edition.EditionId, out var row))
            {
                row = new EditionIndex { EditionId = edition.EditionId };
                db.Add(row);
            }
            row.ContentItemId = contentItemId;
            row.Name = edition.Name;
            row.Capacity = edition.Capacity;
            row.StartUtc = UtcDates.AsUtc(edition.StartUtc!.Value);
            row.EndUtc = UtcDates.AsUtc(edition.EndUtc!.Value);
            foreach (var session in edition.Sessions)
            {
                if (!sessions.Remove(session.SessionId, out var s))
                {
                    s = new SessionIndex { SessionId = session.SessionId };
                    db.Add(s);
                }
                s.EditionId = edition.EditionId;
                s.ContentItemId = contentItemId;
                s.StartUtc = UtcDates.AsUtc(session.Start);
                s.EndUtc = UtcDates.AsUtc(session.End);
                s.Place = string.IsNullOrWhiteSpace(session.Place) ? null : session.Place.Trim();
                s.IsOnline = !string.IsNullOrWhiteSpace(session.OnlineUrl);
            }
        }
        db.RemoveRange(editions.Values);
        db.RemoveRange(sessions.Values);
    }
}
