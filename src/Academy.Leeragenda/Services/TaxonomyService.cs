using Academy.Core.Content;
using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Academy.Leeragenda.Services;

/// <summary>
/// The terms of the "thema" and "doelgroep" taxonomies (content items of type Taxonomy). Reads the table
/// directly rather than through ContentManager, because content handlers validate terms with it.
/// </summary>
public sealed class TaxonomyService(AcademyDbContext db, IMemoryCache cache)
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
        var record = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(r => r.ContentItemId == taxonomyId && r.Published);
        terms = record is null ? [] : ContentManager.ToItem(record).As<TaxonomyPart>().Terms;
        cache.Set(key, terms, TimeSpan.FromMinutes(5));
        return terms;
    }

    public void Invalidate(string taxonomyId) => cache.Remove("Academy.Taxonomy." + taxonomyId);

    public async Task<string> NameAsync(string taxonomyId, string termId) =>
        (await TermsAsync(taxonomyId)).FirstOrDefault(t => t.TermId == termId)?.Name ?? termId;
}
