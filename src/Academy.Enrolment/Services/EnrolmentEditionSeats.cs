using Academy.Leeragenda.Abstractions;
using Academy.Core.Contracts;

namespace Academy.Enrolment.Services;

/// <summary>Seats taken (confirmed plus held) from the editions' counters, for the leeragenda's "nog vrij".</summary>
public sealed class EnrolmentEditionSeats(SeatCounter seats) : IEditionSeats
{
    public Task<IReadOnlyDictionary<string, int>> TakenAsync(IReadOnlyCollection<string> editionIds) => seats.TakenAsync(editionIds);
}
