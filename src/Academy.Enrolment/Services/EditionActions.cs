using Academy.Leeragenda.Abstractions;
using System.Security.Claims;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Enrolment.Abstractions;
using Academy.Enrolment.Models;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Academy.Enrolment.Services;

/// <summary>What the visitor can do with each edition on the offering page: enrol, join the waitlist, ask, or see their status.</summary>
public sealed class EditionActions(
    AcademyDbContext db,
    IEditionCatalog catalog,
    SeatCounter seats,
    Prerequisites prerequisites,
    IOptionsMonitor<CookieAuthenticationOptions> cookies,
    IStringLocalizer<EditionActions> T,
    LinkGenerator links,
    TimeProvider clock) : IEditionActions
{
    private string MyEnrolmentsUrl => links.GetPathByName("Enrolment.MyEnrolments.Index", null)!;

    private string EnrolUrl(string editionId) => links.GetPathByName("Enrolment.Enrol.Enrol", new { editionId })!;

    public async Task<IReadOnlyDictionary<string, EditionAction>> GetAsync(ClaimsPrincipal user, string offeringId, IReadOnlyCollection<string> editionIds, CancellationToken cancellationToken = default)
    {
        var editions = (await catalog.ListForOfferingAsync(offeringId, cancellationToken))
            .Where(e => editionIds.Contains(e.EditionId)).ToList();
        if (editions.Count == 0)
        {
            return new Dictionary<string, EditionAction>();
        }
        if (ParticipantClaims.UserId(user) is null)
        {
            var login = cookies.Get(IdentityConstants.ApplicationScheme).LoginPath.Value ?? "/";
            var link = $"{login}?ReturnUrl={Uri.EscapeDataString(editions[0].OfferingUrl)}";
            return editions.ToDictionary(e => e.EditionId, _ => new EditionAction(T["Log in om je aan te melden"], null, link, null));
        }
        if (ParticipantClaims.From(user) is not { } participant)
        {
            return editions.ToDictionary(e => e.EditionId, _ => new EditionAction("", null, null,
                T["Je account heeft geen e-mailadres, dus aanmelden kan niet. Neem contact op met de leer-coördinator."]));
        }

        var ids = editions.Select(e => e.EditionId).ToList();
        var email = EnrolmentService.NormaliseEmail(participant.Email);
        var mine = await db.Set<EnrolmentRecord>().AsNoTracking()
            .Where(e => ids.Contains(e.EditionId) && e.ActiveMarker == 0 && (e.UserId == participant.UserId || e.ParticipantEmail == email))
            .ToListAsync(cancellationToken);
        var taken = await seats.TakenAsync(ids, cancellationToken);
        var missing = await prerequisites.FirstMissingAsync(editions[0], participant.UserId, participant.Email, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;

        var actions = new Dictionary<string, EditionAction>();
        foreach (var edition in editions)
        {
            actions[edition.EditionId] = mine.FirstOrDefault(e => e.EditionId == edition.EditionId) is { } enrolment
                ? await StatusAsync(enrolment, cancellationToken)
                : Offer(edition, taken.GetValueOrDefault(edition.EditionId), missing, now);
        }
        return actions;
    }

    private async Task<EditionAction> StatusAsync(EnrolmentRecord enrolment, CancellationToken cancellationToken)
    {
        string note = enrolment.Status switch
        {
            EnrolmentStatus.Waitlisted => T["Je staat op de wachtlijst (plaats {0})",
                await seats.WaitlistPositionAsync(enrolment.EditionId, enrolment.WaitlistSequence ?? 0, cancellationToken)],
            EnrolmentStatus.Pending => T["Wacht op goedkeuring"],
            EnrolmentStatus.Completed => T["Je hebt deze groep afgerond"],
            _ => T["Je bent aangemeld"],
        };
        return new EditionAction(T["Bekijk je aanmeldingen"], null, MyEnrolmentsUrl, note);
    }

    private EditionAction Offer(EditionInfo edition, int taken, string? missingPrerequisite, DateTime now)
    {
        if (edition.StartUtc is not { } start || start <= now)
        {
            return new EditionAction("", null, null, T["Deze groep is al begonnen"]);
        }
        if (missingPrerequisite is not null)
        {
            return new EditionAction("", null, null, T["Eerst {0} afronden", missingPrerequisite]);
        }
        if (edition.RequiresApproval())
        {
            return new EditionAction(T["Aanmelding aanvragen"], EnrolUrl(edition.EditionId), null,
                T["De leer-coördinator beoordeelt je aanmelding."]);
        }
        return taken >= edition.Capacity
            ? new EditionAction(T["Op de wachtlijst"], EnrolUrl(edition.EditionId), null, T["Deze groep is vol; je komt op de wachtlijst."])
            : new EditionAction(T["Aanmelden"], EnrolUrl(edition.EditionId), null, null);
    }
}
