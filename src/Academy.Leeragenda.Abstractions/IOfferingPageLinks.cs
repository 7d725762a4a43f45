namespace Academy.Leeragenda.Abstractions;

/// <summary>An extra link on an offering's public page, such as "Medewerkers aanmelden (werkgevers)" on HARRIE.</summary>
/// <param name="Url">Site-relative URL.</param>
public sealed record OfferingPageLink(string Label, string Url);

/// <summary>
/// Links that other modules add to an offering's public page. The page is output-cached for anonymous
/// visitors, so a link must not depend on who looks at it.
/// </summary>
public interface IOfferingPageLinks
{
    Task<IReadOnlyList<OfferingPageLink>> GetAsync(string offeringId, CancellationToken cancellationToken = default);
}
