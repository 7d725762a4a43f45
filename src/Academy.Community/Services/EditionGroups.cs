using Academy.Community.Models;
using Academy.Core.Data;
using Academy.Core.Text;
using Academy.Enrolment.Abstractions;
using Academy.Leeragenda.Abstractions;
using Academy.Users.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Academy.Community.Services;

/// <summary>
/// The hidden group of a casuïstiekbespreking or intervisie edition, kept in step with its confirmed participants.
/// Runs inside the outbox dispatcher's transaction (see <see cref="EditionGroupEvents"/>), so a failed attempt leaves
/// nothing behind and is retried whole; every step is an upsert, so handling the same event twice changes nothing.
/// </summary>
public sealed class EditionGroups(
    AcademyDbContext db,
    GroupService groups,
    IEditionCatalog catalog,
    IUserLookup users,
    GroupThemes themes,
    IOptions<CommunityOptions> options,
    OfferingTypeMemory offeringTypes,
    TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>A confirmed participant becomes a member; the edition's group is made with the first one.</summary>
    public async Task AddParticipantAsync(EnrolmentEventFacts facts, string userId, CancellationToken cancellationToken)
    {
        var groupId = await db.Set<EditionGroup>().Where(e => e.EditionId == facts.EditionId).Select(e => (long?)e.GroupId).FirstOrDefaultAsync(cancellationToken)
            ?? await CreateAsync(facts, cancellationToken);
        if (groupId is { } id)
        {
            await groups.AddMemberAsync(id, userId, asManager: false, cancellationToken);
        }
    }

    /// <summary>A cancelled participant leaves the group; a group manager (the trainer) stays.</summary>
    public async Task RemoveParticipantAsync(EnrolmentEventFacts facts, string userId, CancellationToken cancellationToken)
    {
        var groupId = await db.Set<EditionGroup>().Where(e => e.EditionId == facts.EditionId).Select(e => (long?)e.GroupId).FirstOrDefaultAsync(cancellationToken);
        var membership = groupId is null ? null
            : await db.Set<GroupMembership>().FirstOrDefaultAsync(m => m.GroupId == groupId && m.UserId == userId, cancellationToken);
        if (membership is { IsManager: false })
        {
            db.Remove(membership);
        }
    }

    /// <summary>The kind of group an offering type gets, or null when its editions get none.</summary>
    public GroupKind? KindFor(string contentType) =>
        CommunityOptions.List(options.Value.CaseReviewTypes).Contains(contentType, StringComparer.OrdinalIgnoreCase) ? GroupKind.Casuistiek
        : CommunityOptions.List(options.Value.PeerReviewTypes).Contains(contentType, StringComparer.OrdinalIgnoreCase) ? GroupKind.Themagroep
        : null;

    /// <summary>The group's name: the offering and the edition with its date, within the column's 120 characters.</summary>
    public static string NameFor(EditionInfo edition)
    {
        var when = edition.StartUtc is { } start ? $"{edition.EditionName}, {DutchFormat.ShortDate(start)}" : edition.EditionName;
        var title = edition.OfferingTitle.Length + when.Length + 3 > 120 ? edition.OfferingTitle[..Math.Max(10, 116 - when.Length)].TrimEnd() + "…" : edition.OfferingTitle;
        var name = $"{title} ({when})";
        return name.Length > 120 ? name[..120] : name;
    }

    private async Task<long?> CreateAsync(EnrolmentEventFacts facts, CancellationToken cancellationToken)
    {
        // Most offerings (trainings, workshops) get no group: once their type is known, their enrolments cost no lookup.
        if (offeringTypes.Get(facts.OfferingId) is { } knownType && KindFor(knownType) is null)
        {
            return null;
        }
        var edition = await catalog.GetAsync(facts.EditionId, cancellationToken);
        if (edition is not null)
        {
            offeringTypes.Remember(edition.OfferingId, edition.Offering.ContentType);
        }
        if (edition is null || KindFor(edition.Offering.ContentType) is not { } kind)
        {
            return null;
        }
        var group = new CommunityGroup
        {
            Slug = await FreeSlugAsync(edition.EditionId, cancellationToken),
            Name = NameFor(edition),
            Description = $"Besloten groep voor de deelnemers van {edition.OfferingTitle} ({edition.EditionName}). " +
                          "Alleen deelnemers en de begeleider zien deze groep. Je wordt lid zodra je aanmelding is bevestigd.",
            Kind = kind,
            JoinPolicy = JoinPolicy.Hidden,
            Access = AccessLevel.Members,
            CreatedUtc = Now,
            UpdatedUtc = Now,
        };
        db.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        db.Add(new EditionGroup { EditionId = edition.EditionId, GroupId = group.Id, OfferingId = edition.OfferingId, CreatedUtc = Now });
        foreach (var trainerEmail in edition.TrainerEmails)
        {
            if (await users.FindByEmailAsync(trainerEmail, cancellationToken) is { } trainer)
            {
                await groups.AddMemberAsync(group.Id, trainer.UserId, asManager: true, cancellationToken);
                // Saved at once: AddMemberAsync looks for an existing membership in the database (a trainer named twice).
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        // The offering's themes (the edition knows their names) become the group's, so its page shows related offerings.
        var themeIds = (await themes.ChoicesAsync(cancellationToken)).Where(t => edition.ThemeNames.Contains(t.Name, StringComparer.Ordinal)).Select(t => t.Id);
        await themes.SetAsync(group.Id, themeIds, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return group.Id;
    }

    private async Task<string> FreeSlugAsync(string editionId, CancellationToken cancellationToken)
    {
        var stem = Slug.From(editionId);
        stem = stem.Length == 0 ? "editie" : stem.Length > 70 ? stem[..70].TrimEnd('-') : stem;
        for (var n = 1; ; n++)
        {
            var slug = n == 1 ? stem : $"{stem}-{n}";
            if (!GroupService.ReservedSlugs.Contains(slug) && !await db.Set<CommunityGroup>().AnyAsync(g => g.Slug == slug, cancellationToken))
            {
                return slug;
            }
        }
    }
}
