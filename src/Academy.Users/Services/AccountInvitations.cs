using Academy.Core.Data;
using Academy.Core.Hosting;
using Academy.Core.Settings;
using Academy.Email.Abstractions;
using Academy.Users.Abstractions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Academy.Users.Services;

/// <summary>
/// Makes or finds the account, gives it the roles and, while it has no password, queues the invitation mail with a
/// set-password link (a one-time link reference, made into the real link with a fresh token when the mail is sent).
/// Everything happens in one unit of work with the audit rows.
/// </summary>
public sealed class AccountInvitations(
    UnitOfWork unitOfWork,
    UserManager<AcademyUser> userManager,
    RoleManager<AcademyRole> roleManager,
    IMailQueue mail,
    IMailComposer composer,
    DocumentStore documents,
    UserAudit audit,
    IOptions<AcademyOptions> options,
    TimeProvider clock) : IAccountInvitations
{
    public const string Subject = "Je account bij {{ SiteName }}";

    public const string Body = """
        Beste {{ Name }},

        {% if Reason %}{{ Reason }}

        {% endif %}Er staat een account voor je klaar bij {{ SiteName }} met je e-mailadres {{ Email }}. Kies eerst een wachtwoord met deze link (de link is een week geldig):

        [Wachtwoord instellen]({{ Link }})

        Daarna log je in met je e-mailadres en je wachtwoord.

        Met vriendelijke groet,

        {{ SiteName }}
        """;

    public Task<InvitationResult> InviteAsync(AccountInvitation invitation, string? invitedByUserId = null, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async () =>
        {
            var (user, created) = await PasswordlessAccounts.FindOrCreateAsync(userManager, invitation.Email, invitation.DisplayName,
                invitation.OrganisationId, clock.GetUtcNow().UtcDateTime, Failure);
            foreach (var role in invitation.Roles.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (await roleManager.RoleExistsAsync(role) && !await userManager.IsInRoleAsync(user, role))
                {
                    Check(await userManager.AddToRoleAsync(user, role));
                    audit.Add(invitedByUserId, user.Id, UserAuditActions.RoleAdded, role);
                }
            }
            if (await userManager.HasPasswordAsync(user))
            {
                return new InvitationResult(user.Id, created, MailQueued: false);
            }
            await QueueMailAsync(user, invitation, cancellationToken);
            audit.Add(invitedByUserId, user.Id, UserAuditActions.Invited);
            return new InvitationResult(user.Id, created, MailQueued: true);
        }, cancellationToken);

    private async Task QueueMailAsync(AcademyUser user, AccountInvitation invitation, CancellationToken cancellationToken)
    {
        var site = await documents.GetSiteSettingsAsync();
        var model = new Dictionary<string, object?>
        {
            ["Name"] = user.DisplayName,
            ["Email"] = user.Email,
            ["Reason"] = invitation.Reason,
            ["SiteName"] = site.SiteName,
            ["Link"] = SetPasswordLink.Reference(options.Value.PublicBaseUrl, user.Id, invitation.ReturnUrl),
        };
        var (subject, html, text) = await composer.ComposeAsync(Subject, Body, model);
        // A once-key mails once per account; without one every call is a new mail (a resent invitation).
        var key = $"uitnodiging:{user.Id}:{invitation.OnceKey ?? Guid.NewGuid().ToString("n")}";
        await mail.EnqueueAsync(new MailDraft(user.Email!, user.DisplayName, subject, html, text, key), cancellationToken);
    }

    private const string Failure = "De uitnodiging kon niet worden gemaakt";

    private static void Check(IdentityResult result) => PasswordlessAccounts.Check(result, Failure);
}
