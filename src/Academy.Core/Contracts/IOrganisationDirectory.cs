namespace Academy.Core.Contracts;

public sealed record OrganisationInfo(string Id, string Name, string Kind, string? Place);

/// <summary>The partner organisations of the region, as other modules may read them (the Users module owns them).</summary>
public interface IOrganisationDirectory
{
    Task<IReadOnlyList<OrganisationInfo>> ListAsync();

    Task<OrganisationInfo?> GetAsync(string id);
}
