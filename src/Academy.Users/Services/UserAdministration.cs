using System.Security.Claims;
using Academy.Core.Data;
using Academy.Core.Security;
using Academy.Users.Services.SignIn;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Academy.Users.Services;

/// <summary>The outcome of a change in user management: done, refused with a Dutch message, or not allowed at all (403).</summary>
public sealed record AdminChange(bool Succeeded, string? Error = null, bool Forbidden = false)
{
    public static readonly AdminChange Done = new(true);
    public static readonly AdminChange NotAllowed = new(false, null, true);
    public static AdminChange Refused(string error) => new(false, error);
}

/// <summary>
/// Changes to people's access from /admin: roles, block and unblock. A Beheerder (ManageUsers) may change every role;
/// whoever only has ManageMemberAccounts (the leer-coördinator) only the <see cref="MemberRoles"/>, and only of
/// accounts that hold no other role. The last active Beheerder keeps the role and cannot be blocked. Every change
/// and its audit row commit together.
/// </summary>
public sealed class UserAdministration(
    UnitOfWork unitOfWork,
    UserManager<AcademyUser> userManager,
    RoleManager<AcademyRole> roleManager,
    UserSessions sessions,
    UserAudit audit)
{
    public const string AdminRole = AdminSetupHandler.AdminRole;

    /// <summary>The roles a leer-coördinator may give and take.</summary>
    public static readonly IReadOnlyList<string> MemberRoles = ["Trainer", "Professional"];

    public const string LastAdminMessage = "Dit is de laatste actieve beheerder. Geef eerst iemand anders de rol Beheerder; daarna kun je dit account aanpassen.";

    /// <summary>True for a Beheerder: every role and account.</summary>
    public static bool IsFull(ClaimsPrincipal actor) => actor.HasClaim(PermissionClaim.Type, UsersPermissions.ManageUsers);

    public static bool MayGrant(ClaimsPrincipal actor, string role) =>
        IsFull(actor) || MemberRoles.Contains(role, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="actor"/> may change the account that holds <paramref name="roles"/>.</summary>
    public static bool MayManage(ClaimsPrincipal actor, IEnumerable<string> roles) =>
        IsFull(actor) || roles.All(r => MemberRoles.Contains(r, StringComparer.OrdinalIgnoreCase));

    /// <summary>The roles this actor may hand out, by name.</summary>
    public async Task<IReadOnlyList<string>> GrantableRolesAsync(ClaimsPrincipal actor) =>
        (await roleManager.Roles.AsNoTracking().Select(r => r.Name!).ToListAsync())
            .Where(r => MayGrant(actor, r)).Order(StringComparer.Ordinal).ToList();

    public async Task<AdminChange> AddRoleAsync(ClaimsPrincipal actor, string userId, string? role)
    {
        if (await SubjectAsync(actor, userId) is not { } user)
        {
            return AdminChange.NotAllowed;
        }
        if (string.IsNullOrWhiteSpace(role) || !await roleManager.RoleExistsAsync(role))
        {
            return AdminChange.Refused("Kies een rol uit de lijst.");
        }
        if (!MayGrant(actor, role))
        {
            return AdminChange.Refused($"Je mag de rol {role} niet geven. Vraag dat aan een beheerder.");
        }
        if (await userManager.IsInRoleAsync(user, role))
        {
            return AdminChange.Refused($"{user.DisplayName} heeft de rol {role} al.");
        }
        await unitOfWork.RunAsync(async () =>
        {
            Check(await userManager.AddToRoleAsync(user, role));
            audit.Add(ActorId(actor), user.Id, UserAuditActions.RoleAdded, role);
        });
        return AdminChange.Done;
    }

    public async Task<AdminChange> RemoveRoleAsync(ClaimsPrincipal actor, string userId, string? role)
    {
        if (await SubjectAsync(actor, userId) is not { } user)
        {
            return AdminChange.NotAllowed;
        }
        if (string.IsNullOrWhiteSpace(role) || !await userManager.IsInRoleAsync(user, role))
        {
            return AdminChange.Refused("Dit account heeft die rol niet.");
        }
        if (!MayGrant(actor, role))
        {
            return AdminChange.NotAllowed;
        }
        if (string.Equals(role, AdminRole, StringComparison.OrdinalIgnoreCase) && await IsLastActiveAdminAsync(user))
        {
            return AdminChange.Refused(LastAdminMessage);
        }
        await unitOfWork.RunAsync(async () =>
        {
            Check(await userManager.RemoveFromRoleAsync(user, role));
            audit.Add(ActorId(actor), user.Id, UserAuditActions.RoleRemoved, role);
        });
        return AdminChange.Done;
    }

    /// <summary>Blocks the account for good (Identity lockout without end) and ends all its sessions.</summary>
    public async Task<AdminChange> BlockAsync(ClaimsPrincipal actor, string userId)
    {
        if (await SubjectAsync(actor, userId) is not { } user)
        {
            return AdminChange.NotAllowed;
        }
        if (user.Id == ActorId(actor))
        {
            return AdminChange.Refused("Je kunt je eigen account niet blokkeren.");
        }
        if (IsBlocked(user))
        {
            return AdminChange.Refused($"{user.DisplayName} is al geblokkeerd.");
        }
        if (await userManager.IsInRoleAsync(user, AdminRole) && await IsLastActiveAdminAsync(user))
        {
            return AdminChange.Refused(LastAdminMessage);
        }
        await unitOfWork.RunAsync(async () =>
        {
            Check(await userManager.SetLockoutEnabledAsync(user, true));
            Check(await userManager.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
            // A new security stamp also fails cookies whose session check is cached on another node.
            Check(await userManager.UpdateSecurityStampAsync(user));
            await sessions.EndAllAsync(user.Id);
            audit.Add(ActorId(actor), user.Id, UserAuditActions.Blocked);
        });
        return AdminChange.Done;
    }

    public async Task<AdminChange> UnblockAsync(ClaimsPrincipal actor, string userId)
    {
        if (await SubjectAsync(actor, userId) is not { } user)
        {
            return AdminChange.NotAllowed;
        }
        if (!IsBlocked(user))
        {
            return AdminChange.Refused($"{user.DisplayName} is niet geblokkeerd.");
        }
        await unitOfWork.RunAsync(async () =>
        {
            Check(await userManager.SetLockoutEndDateAsync(user, null));
            Check(await userManager.ResetAccessFailedCountAsync(user));
            audit.Add(ActorId(actor), user.Id, UserAuditActions.Unblocked);
        });
        return AdminChange.Done;
    }

    /// <summary>Blocked by an administrator (not the short lockout after wrong two-step codes).</summary>
    public static bool IsBlocked(AcademyUser user) => user.LockoutEnd is { } end && end.Year >= 9999;

    /// <summary>
    /// The account, when the actor may manage it; null otherwise (unknown, or holding a role the actor may not change).
    /// </summary>
    public async Task<AcademyUser?> SubjectAsync(ClaimsPrincipal actor, string userId)
    {
        var user = await userManager.FindByIdAsync(userId);
        return user is not null && MayManage(actor, await userManager.GetRolesAsync(user)) ? user : null;
    }

    /// <summary>
    /// Whether the account is a Beheerder and no other unblocked account is: such an account keeps its role, is not
    /// blocked and is not deleted (the erasure page asks this too).
    /// </summary>
    public async Task<bool> IsLastActiveAdminAsync(string userId) =>
        await userManager.FindByIdAsync(userId) is { } user && await IsLastActiveAdminAsync(user);

    private async Task<bool> IsLastActiveAdminAsync(AcademyUser user)
    {
        var admins = await userManager.GetUsersInRoleAsync(AdminRole);
        return admins.Any(a => a.Id == user.Id) && !admins.Any(a => a.Id != user.Id && !IsBlocked(a));
    }

    private static string? ActorId(ClaimsPrincipal actor) => actor.FindFirstValue(ClaimTypes.NameIdentifier);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Code)));
        }
    }
}
