namespace Academy.Core.Contracts;

public sealed record OrganisationInfo(string Id, string Name, string Kind, string? Place);

/// <summary>The partner organisations of the region, as other modules may read them (the Users module owns them).</summary>
public interface IOrganisationDirectory
{
    Task<IReadOnlyList<OrganisationInfo>> ListAsync();

    Task<OrganisationInfo?> GetAsync(string id);

    /// <summary>
    /// The employer organisation (kind "werkgever") registered with this KvK number; created when there is
    /// none. The new rows are added to the caller's unit of work and saved by its next SaveChanges.
    /// </summary>
    /// <param name="kvkNumber">Eight digits.</param>
    Task<OrganisationInfo> EnsureEmployerAsync(string name, string kvkNumber, string? address, string? place, CancellationToken cancellationToken = default);
}
