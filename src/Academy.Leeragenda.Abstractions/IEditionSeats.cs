namespace Academy.Leeragenda.Abstractions;

/// <summary>
/// How many seats of an edition are taken. The leeragenda shows seats left with it; the enrolment module
/// provides the real count (until it is installed, nothing is taken).
/// </summary>
public interface IEditionSeats
{
    Task<IReadOnlyDictionary<string, int>> TakenAsync(IReadOnlyCollection<string> editionIds);
}
