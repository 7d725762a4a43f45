namespace Academy.Users.Abstractions;

/// <summary>An invitation to an account: made when missing (e-mail counted as confirmed), given these roles.</summary>
/// <param name="Roles">Roles the account gets (existing ones only); roles it already has stay.</param>
/// <param name="ReturnUrl">Site-relative page to land on after the password is set, e.g. "/mijn-aanmeldingen".</param>
/// <param name="Reason">One sentence for the mail saying why the person has an account (plain text).</param>
/// <param name="OnceKey">
/// Makes the invitation idempotent: the same key mails at most once per account (e.g. "setup" or a sign-up id).
/// Null: every call mails (a resent invitation).
/// </param>
public sealed record AccountInvitation(
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    string? OrganisationId = null,
    string? ReturnUrl = null,
    string? Reason = null,
    string? OnceKey = null);

/// <param name="MailQueued">False when the account already has a password: nothing to set, no mail.</param>
public sealed record InvitationResult(string UserId, bool Created, bool MailQueued);

/// <summary>
/// Invites people to their account (the Users module provides it): the invitation mail with a set-password link goes
/// through the mail outbox in the caller's unit of work, so it commits with the change that caused it.
/// </summary>
public interface IAccountInvitations
{
    /// <param name="invitedByUserId">The signed-in person who invites (written to the audit log); null for the site itself.</param>
    Task<InvitationResult> InviteAsync(AccountInvitation invitation, string? invitedByUserId = null, CancellationToken cancellationToken = default);
}

/// <summary>Permission names of the Users module that other modules check before offering its actions.</summary>
public static class UsersPermissionNames
{
    /// <summary>Invite people and give them the Trainer or Professional role (the leer-coördinator, the Beheerder).</summary>
    public const string ManageMemberAccounts = "ManageMemberAccounts";
}
