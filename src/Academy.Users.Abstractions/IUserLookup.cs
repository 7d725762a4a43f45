namespace Academy.Users.Abstractions;

public sealed record UserSummary(string UserId, string DisplayName, string Email, string? OrganisationId);

/// <summary>Finds an account for other modules, e.g. a coördinator adding a person by e-mail (the Users module provides it).</summary>
public interface IUserLookup
{
    Task<UserSummary?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);
}
