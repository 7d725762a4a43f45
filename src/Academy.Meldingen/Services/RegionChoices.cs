using Academy.Users.Abstractions;
using Microsoft.Extensions.Options;

namespace Academy.Meldingen.Services;

/// <summary>The region's gemeenten for the question form and the partner organisations a gids refers to.</summary>
public sealed class RegionChoices(IOrganisationDirectory organisations, IOptions<MeldingenOptions> options)
{
    public const string GemeenteKind = "gemeente";

    /// <summary>From configuration (Academy:Meldingen:Gemeenten) or else the partner organisations of kind "gemeente", without "Gemeente ".</summary>
    public async Task<IReadOnlyList<string>> GemeentenAsync()
    {
        var configured = options.Value.Gemeenten.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim());
        var list = configured.Any()
            ? configured
            : (await organisations.ListAsync()).Where(o => o.Kind == GemeenteKind)
                .Select(o => o.Name.StartsWith("Gemeente ", StringComparison.OrdinalIgnoreCase) ? o.Name["Gemeente ".Length..] : o.Name);
        return list.Where(g => g.Length <= QuestionForm.MaxGemeenteLength).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Create(Core.Hosting.AcademyHost.Dutch, ignoreCase: true)).ToList();
    }

    /// <summary>The partner organisations a melding can be referred to (not employers, which register themselves).</summary>
    public async Task<IReadOnlyList<OrganisationInfo>> PartnersAsync() =>
        (await organisations.ListAsync()).Where(o => o.Kind != "werkgever")
            .OrderBy(o => o.Name, StringComparer.Create(Core.Hosting.AcademyHost.Dutch, ignoreCase: true)).ToList();
}
