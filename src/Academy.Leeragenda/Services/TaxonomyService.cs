using Academy.Core.Content;
using Microsoft.Extensions.Caching.Memory;

namespace Academy.Leeragenda.Services;

/// <summary>The terms of the "thema" and "doelgroep" taxonomies (content items of type Taxonomy).</summary>
public sealed class TaxonomyService(ContentManager content, IMemoryCache cache)
{
    public const string Themes = "thema";
    public const string Audiences = "doelgroep";

    public async Task<IReadOnlyList<TaxonomyTerm>> TermsAsync(string taxonomyId)
    {
        var key = "Academy.Taxonomy." + taxonomyId;
        if (cache.TryGetValue(key, out IReadOnlyList<TaxonomyTerm>? terms) && terms is not null)
        {
            return terms;
        }
        var item = await content.GetAsync(taxonomyId, VersionOptions.Latest);
        terms = item?.As<TaxonomyPart>().Terms ?? [];
        cache.Set(key, terms, TimeSpan.FromMinutes(5));
        return terms;
    }

    public void Invalidate(string taxonomyId) => cache.Remove("Academy.Taxonomy." + taxonomyId);

    public async Task<string> NameAsync(string taxonomyId, string termId) =>
        (await TermsAsync(taxonomyId)).FirstOrDefault(t => t.TermId == termId)?.Name ?? termId;
}
