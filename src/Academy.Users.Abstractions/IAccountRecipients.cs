namespace Academy.Users.Abstractions;

/// <summary>An account as the recipient of another module's notice: where to mail it and what its roles allow.</summary>
/// <param name="Email">Null when the account has no address.</param>
/// <param name="Permissions">The permissions the account's roles grant (as the "Permission" claims of a sign-in).</param>
public sealed record AccountRecipient(string UserId, string DisplayName, string? Email, IReadOnlySet<string> Permissions)
{
    public bool Has(string permission) => Permissions.Contains(permission);
}

/// <summary>
/// Reads many accounts at once for background work that has no signed-in principal, such as the community's
/// notification fan-out deciding who may read a post and where to mail it (the Users module provides it).
/// </summary>
public interface IAccountRecipients
{
    /// <summary>The accounts among <paramref name="userIds"/> that exist; unknown ids are left out.</summary>
    Task<IReadOnlyDictionary<string, AccountRecipient>> GetManyAsync(IEnumerable<string> userIds, CancellationToken cancellationToken = default);
}
