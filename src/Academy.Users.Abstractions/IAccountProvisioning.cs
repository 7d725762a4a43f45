namespace Academy.Users.Abstractions;

/// <param name="UserId">The account's id.</param>
/// <param name="Created">True when the account did not exist before.</param>
/// <param name="SetPasswordUrl">
/// When the account has no password yet: a one-time link reference (Email.Abstractions' MailLinks) for a mail to the account's
/// address, which becomes the link to choose a password when the mail is sent; otherwise null.
/// </param>
public sealed record ProvisionedAccount(string UserId, bool Created, string? SetPasswordUrl);

/// <summary>
/// Creates accounts for people who signed up without one (an employer's contact person). The Users module
/// provides it. Identity saves as it goes, so callers that need one transaction open it around the call.
/// </summary>
public interface IAccountProvisioning
{
    /// <summary>
    /// Finds the account by e-mail or creates it without a password (e-mail counted as confirmed: the caller
    /// has just proven it), adds <paramref name="role"/> (created without permissions when missing) and, when
    /// the account has no organisation yet, links it to <paramref name="organisationId"/>.
    /// </summary>
    /// <param name="returnUrl">Site-relative page to land on after the password is set.</param>
    Task<ProvisionedAccount> EnsureAccountAsync(string email, string displayName, string role, string? organisationId,
        string? returnUrl = null, CancellationToken cancellationToken = default);
}
