namespace Academy.Users.Abstractions;

public sealed record OrganisationInfo(string Id, string Name, string Kind, string? Place);

/// <param name="Created">True when this call registered the organisation (nobody used its KvK number before).</param>
public sealed record EmployerOrganisation(OrganisationInfo Organisation, bool Created);

/// <summary>The partner organisations of the region, as other modules may read them (the Users module owns them).</summary>
public interface IOrganisationDirectory
{
    Task<IReadOnlyList<OrganisationInfo>> ListAsync();

    Task<OrganisationInfo?> GetAsync(string id);

    /// <summary>
    /// The employer organisation (kind "werkgever") registered with this KvK number; created when there is
    /// none. The new rows are added to the caller's unit of work and saved by its next SaveChanges.
    /// A KvK number is public: knowing it proves nothing, so callers must not grant access to an existing
    /// organisation (<see cref="EmployerOrganisation.Created"/> false) on the strength of it.
    /// </summary>
    /// <param name="kvkNumber">Eight digits.</param>
    Task<EmployerOrganisation> EnsureEmployerAsync(string name, string kvkNumber, string? address, string? place, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts an account in the organisation (<paramref name="member"/> true, only when it has none yet) or takes it out
    /// (false, only when it is in this one). Added to the caller's unit of work; returns whether anything changed.
    /// </summary>
    Task<bool> SetMembershipAsync(string userId, string organisationId, bool member, CancellationToken cancellationToken = default);
}
