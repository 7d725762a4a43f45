using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Academy.Core.Security;

public sealed record Permission(string Name, string Description);

/// <summary>Modules declare their permissions; roles (set by recipes) grant them as "Permission" claims.</summary>
public interface IPermissionProvider
{
    IEnumerable<Permission> GetPermissions();
}

public static class PermissionClaim
{
    public const string Type = "Permission";
    public const string PolicyPrefix = "permission:";
}

public sealed class PermissionRequirement(string permission) : IAuthorizationRequirement
{
    public string Permission { get; } = permission;
}

/// <summary>[RequirePermission("ManageOfferings")] on a controller or action.</summary>
public sealed class RequirePermissionAttribute(string permission) : AuthorizeAttribute(PermissionClaim.PolicyPrefix + permission);

public sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.User.HasClaim(PermissionClaim.Type, requirement.Permission))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>Builds a policy for any "permission:X" name on demand.</summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(PermissionClaim.PolicyPrefix, StringComparison.Ordinal))
        {
            return new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(policyName[PermissionClaim.PolicyPrefix.Length..]))
                .Build();
        }
        return await base.GetPolicyAsync(policyName);
    }
}
