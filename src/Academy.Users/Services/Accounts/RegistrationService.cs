using Academy.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Academy.Users.Services.Accounts;

/// <summary>What someone typed on the registration form, checked by the controller.</summary>
public sealed record RegistrationInput(string DisplayName, string Email, string? OrganisationId, string? OtherOrganisation,
    string Function, string Password);

public enum ConfirmOutcome
{
    /// <summary>Confirmed in a partner domain: a Professional, who can sign in now.</summary>
    Approved,
    /// <summary>Confirmed; waits for the leer-coördinator.</summary>
    Pending,
    /// <summary>Unknown, expired, already used or altered.</summary>
    InvalidLink,
}

/// <summary>
/// Self-registration: the account waits for its confirmation link; a confirmed address in a partner organisation's
/// e-mail domain becomes a Professional at once, any other waits for the leer-coördinator, who approves or declines.
/// Each step is one transaction with the mails it causes.
/// </summary>
public sealed class RegistrationService(
    AcademyDbContext db,
    UnitOfWork unitOfWork,
    UserManager<AcademyUser> users,
    RoleManager<AcademyRole> roles,
    AccountMails mails,
    TimeProvider clock)
{
    public const string ProfessionalRole = "Professional";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Registers, or, when the address already has an account, mails its owner instead (a registration that was never
    /// confirmed gets its confirmation link again). The caller answers the same in every case.
    /// </summary>
    public async Task RegisterAsync(RegistrationInput input, CancellationToken cancellationToken = default)
    {
        var existing = await users.FindByEmailAsync(input.Email);
        if (existing is not null)
        {
            // As much work as creating an account, so the answer takes as long.
            users.PasswordHasher.HashPassword(existing, input.Password);
            await MailExistingAsync(existing, cancellationToken);
            return;
        }

        var created = await unitOfWork.RunAsync<bool>(async () =>
        {
            var user = new AcademyUser
            {
                UserName = input.Email,
                Email = input.Email,
                EmailConfirmed = false,
                DisplayName = input.DisplayName,
                OrganisationId = input.OrganisationId,
                CreatedUtc = Now,
            };
            var result = await users.CreateAsync(user, input.Password);
            if (!result.Succeeded)
            {
                return WorkOutcome<bool>.Discard(false); // taken in the meantime
            }
            db.Add(new AccountRegistration
            {
                UserId = user.Id,
                Status = RegistrationStatus.Unconfirmed,
                OtherOrganisation = input.OtherOrganisation,
                Function = input.Function,
                ConsentUtc = Now,
                CreatedUtc = Now,
            });
            await mails.ConfirmRegistrationAsync(user);
            return WorkOutcome<bool>.Keep(true);
        }, onConflict: _ => false, cancellationToken);

        if (!created && await users.FindByEmailAsync(input.Email) is { } raced)
        {
            await MailExistingAsync(raced, cancellationToken);
        }
    }

    private Task MailExistingAsync(AcademyUser user, CancellationToken cancellationToken) => unitOfWork.RunAsync(async () =>
    {
        var status = await StatusAsync(user.Id, cancellationToken);
        if (status == RegistrationStatus.Unconfirmed)
        {
            await mails.ConfirmRegistrationAsync(user);
        }
        else
        {
            await mails.AddressInUseAsync(user);
        }
    }, cancellationToken);

    /// <summary>Confirms the address of a registration through its mailed link.</summary>
    public async Task<ConfirmOutcome> ConfirmAsync(string? userId, string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token) || await users.FindByIdAsync(userId) is not { } user)
        {
            return ConfirmOutcome.InvalidLink;
        }
        return await unitOfWork.RunAsync(async () =>
        {
            var registration = await db.Set<AccountRegistration>().FirstOrDefaultAsync(r => r.UserId == user.Id, cancellationToken);
            if (registration is not { Status: RegistrationStatus.Unconfirmed }
                || !(await users.ConfirmEmailAsync(user, token)).Succeeded)
            {
                return WorkOutcome<ConfirmOutcome>.Discard(ConfirmOutcome.InvalidLink);
            }
            registration.ConfirmedUtc = Now;
            var organisation = await PartnerOrganisationOfAsync(user, cancellationToken);
            if (organisation is null)
            {
                registration.Status = RegistrationStatus.Pending;
                await mails.RegistrationPendingAsync(user);
                return WorkOutcome<ConfirmOutcome>.Keep(ConfirmOutcome.Pending);
            }
            user.OrganisationId = organisation.Id;
            registration.OtherOrganisation = null;
            await ApproveAsync(user, registration);
            return WorkOutcome<ConfirmOutcome>.Keep(ConfirmOutcome.Approved);
        }, onConflict: _ => ConfirmOutcome.InvalidLink, cancellationToken);
    }

    /// <summary>The leer-coördinator lets a pending registration in; false when it is not pending (any more).</summary>
    public Task<bool> ApprovePendingAsync(string userId, CancellationToken cancellationToken = default) => unitOfWork.RunAsync(async () =>
    {
        var (user, registration) = await PendingAsync(userId, cancellationToken);
        if (user is null || registration is null)
        {
            return WorkOutcome<bool>.Discard(false);
        }
        await ApproveAsync(user, registration);
        await mails.RegistrationApprovedAsync(user);
        return WorkOutcome<bool>.Keep(true);
    }, onConflict: _ => false, cancellationToken);

    /// <summary>The leer-coördinator declines a pending registration: the person is told, the account and its data go.</summary>
    public Task<bool> DeclinePendingAsync(string userId, CancellationToken cancellationToken = default) => unitOfWork.RunAsync(async () =>
    {
        var (user, registration) = await PendingAsync(userId, cancellationToken);
        if (user is null || registration is null)
        {
            return WorkOutcome<bool>.Discard(false);
        }
        await mails.RegistrationDeclinedAsync(user.Email!, user.DisplayName, user.Id);
        db.Remove(registration);
        if (!(await users.DeleteAsync(user)).Succeeded)
        {
            return WorkOutcome<bool>.Discard(false);
        }
        return WorkOutcome<bool>.Keep(true);
    }, onConflict: _ => false, cancellationToken);

    /// <summary>The status of the account's self-registration; null when it did not register itself.</summary>
    public Task<string?> StatusAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Set<AccountRegistration>().Where(r => r.UserId == userId).Select(r => (string?)r.Status).FirstOrDefaultAsync(cancellationToken);

    private async Task<(AcademyUser?, AccountRegistration?)> PendingAsync(string userId, CancellationToken cancellationToken)
    {
        var registration = await db.Set<AccountRegistration>()
            .FirstOrDefaultAsync(r => r.UserId == userId && r.Status == RegistrationStatus.Pending, cancellationToken);
        return registration is null ? (null, null) : (await users.FindByIdAsync(userId), registration);
    }

    private async Task ApproveAsync(AcademyUser user, AccountRegistration registration)
    {
        registration.Status = RegistrationStatus.Approved;
        registration.ApprovedUtc = Now;
        if (await roles.FindByNameAsync(ProfessionalRole) is null)
        {
            await roles.CreateAsync(new AcademyRole(ProfessionalRole) { Description = ProfessionalRole });
        }
        if (!await users.IsInRoleAsync(user, ProfessionalRole))
        {
            await users.AddToRoleAsync(user, ProfessionalRole);
        }
    }

    /// <summary>
    /// The partner organisation whose e-mail domains hold the account's address: the one the person chose, or else the
    /// one the domain belongs to (an address at arnhem.nl works for the municipality, whatever was picked).
    /// </summary>
    private async Task<Organisation?> PartnerOrganisationOfAsync(AcademyUser user, CancellationToken cancellationToken)
    {
        var withDomains = await db.Set<Organisation>().Where(o => o.EmailDomains != null).ToListAsync(cancellationToken);
        var matching = withDomains.Where(o => EmailDomains.Matches(user.Email!, EmailDomains.Of(o))).ToList();
        return matching.FirstOrDefault(o => o.Id == user.OrganisationId) ?? matching.OrderBy(o => o.Id, StringComparer.Ordinal).FirstOrDefault();
    }
}
