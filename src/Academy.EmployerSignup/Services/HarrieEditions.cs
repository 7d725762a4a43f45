using Academy.Leeragenda.Abstractions;
using Academy.Core.Contracts;
using Microsoft.Extensions.Options;

namespace Academy.EmployerSignup.Services;

/// <summary>A HARRIE group that can still be chosen.</summary>
public sealed record HarrieEdition(EditionInfo Edition, int SeatsLeft);

/// <summary>The upcoming HARRIE groups with seats left, from the edition catalogue and the seat counts.</summary>
public sealed class HarrieEditions(IEditionCatalog catalog, IEditionSeats seats, IOptions<EmployerSignupOptions> options, TimeProvider clock)
{
    public async Task<IReadOnlyList<HarrieEdition>> AvailableAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var upcoming = (await catalog.ListForOfferingAsync(options.Value.OfferingId, cancellationToken))
            .Where(e => e.StartUtc is { } start && start > now)
            .ToList();
        var taken = await seats.TakenAsync(upcoming.Select(e => e.EditionId).ToList());
        return upcoming
            .Select(e => new HarrieEdition(e, Math.Max(0, e.Capacity - taken.GetValueOrDefault(e.EditionId))))
            .Where(e => e.SeatsLeft > 0)
            .OrderBy(e => e.Edition.StartUtc)
            .ToList();
    }

    public async Task<int> SeatsLeftAsync(EditionInfo edition)
    {
        var taken = await seats.TakenAsync([edition.EditionId]);
        return Math.Max(0, edition.Capacity - taken.GetValueOrDefault(edition.EditionId));
    }

    /// <summary>"Er zijn nog maar 3 plaatsen in deze groep." (or the singular, or "vol").</summary>
    public static string SeatsLeftMessage(int seatsLeft) => seatsLeft switch
    {
        0 => "Deze groep is inmiddels vol. Kies een andere groep.",
        1 => "Er is nog maar 1 plaats in deze groep. Meld minder medewerkers aan of kies een andere groep.",
        _ => $"Er zijn nog maar {seatsLeft} plaatsen in deze groep. Meld minder medewerkers aan of kies een andere groep.",
    };
}
