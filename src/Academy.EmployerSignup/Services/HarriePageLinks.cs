using Academy.Leeragenda.Abstractions;
using Academy.Core.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Academy.EmployerSignup.Services;

/// <summary>The "Medewerkers aanmelden (werkgevers)" button on the HARRIE offering page.</summary>
public sealed class HarriePageLinks(IOptions<EmployerSignupOptions> options, LinkGenerator links) : IOfferingPageLinks
{
    public const string Label = "Medewerkers aanmelden (werkgevers)";

    public Task<IReadOnlyList<OfferingPageLink>> GetAsync(string offeringId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<OfferingPageLink>>(
            string.Equals(offeringId, options.Value.OfferingId, StringComparison.Ordinal) ? [new(Label, links.GetPathByName("EmployerSignup.Harrie.Index", null)!)] : []);
}
