using Academy.Leeragenda.Abstractions;

namespace Academy.Leeragenda.Services;

/// <summary><see cref="IThemeTaxonomy"/> over the published "thema" taxonomy (cached by <see cref="TaxonomyService"/>).</summary>
public sealed class ThemeTaxonomy(TaxonomyService taxonomies) : IThemeTaxonomy
{
    public async Task<IReadOnlyList<ThemeTerm>> ThemesAsync(CancellationToken cancellationToken = default) =>
        (await taxonomies.TermsAsync(TaxonomyService.Themes)).Select(t => new ThemeTerm(t.TermId, t.Name)).ToList();
}
