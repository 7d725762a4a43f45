namespace Academy.Leeragenda.Abstractions;

/// <summary>A term of the leeragenda's "thema" taxonomy, e.g. ("schulden", "Schulden en armoede").</summary>
public sealed record ThemeTerm(string Id, string Name);

/// <summary>The leeragenda's themes for other modules (expertise on a profile, community groups), in recipe order.</summary>
public interface IThemeTaxonomy
{
    Task<IReadOnlyList<ThemeTerm>> ThemesAsync(CancellationToken cancellationToken = default);
}
