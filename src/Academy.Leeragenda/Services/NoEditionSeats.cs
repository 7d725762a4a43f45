using Academy.Leeragenda.Abstractions;
using Academy.Core.Contracts;

namespace Academy.Leeragenda.Services;

/// <summary>Until an enrolment module provides <see cref="IEditionSeats"/>, no seat is taken.</summary>
public sealed class NoEditionSeats : IEditionSeats
{
    public Task<IReadOnlyDictionary<string, int>> TakenAsync(IReadOnlyCollection<string> editionIds) =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int>());
}
