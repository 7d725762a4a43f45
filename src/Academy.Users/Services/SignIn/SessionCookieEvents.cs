using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Academy.Users.Services.SignIn;

/// <summary>
/// Ties the auth cookie to a server-side session (<see cref="UserSessions"/>): signing in starts one and writes
/// its id into the cookie, every request checks it, signing out ends it. Identity's security stamp check
/// (role changes reach the cookie) still runs after the session check.
/// </summary>
public sealed class SessionCookieEvents(UserSessions sessions, IOptions<IdentityOptions> identity, IOptions<SecurityStampValidatorOptions> stamps)
    : CookieAuthenticationEvents
{
    public override async Task SigningIn(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is ClaimsIdentity signedIn
            && signedIn.FindFirst(identity.Value.ClaimsIdentity.UserIdClaimType)?.Value is { Length: > 0 } userId)
        {
            // Signing in again in this browser (as someone else, or after setting a password) ends its old session.
            await EndCurrentAsync(context.HttpContext);
            foreach (var old in signedIn.FindAll(UserSessions.ClaimType).ToList())
            {
                signedIn.RemoveClaim(old);
            }
            signedIn.AddClaim(new Claim(UserSessions.ClaimType, await sessions.StartAsync(userId, context.HttpContext.RequestAborted)));
        }
        await base.SigningIn(context);
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        if (context.Principal is null || !await sessions.IsActiveAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            // Logged out, logged out everywhere, or a new password: the cookie (or a copy of it) no longer counts.
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }
        if (StampCheckDue(context))
        {
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        }
    }

    /// <summary>
    /// Identity's own test of whether the security stamp is due (no issue time, or older than the interval, by the
    /// options' clock). Identity makes its validator, with the sign-in and user managers behind it, on every request
    /// only to find most of the time that it is not; testing first leaves that work to the requests that need it.
    /// </summary>
    private bool StampCheckDue(CookieValidatePrincipalContext context) =>
        context.Properties.IssuedUtc is not { } issued
        || (stamps.Value.TimeProvider ?? TimeProvider.System).GetUtcNow() - issued > stamps.Value.ValidationInterval;

    public override async Task SigningOut(CookieSigningOutContext context)
    {
        await EndCurrentAsync(context.HttpContext);
        await base.SigningOut(context);
    }

    private async Task EndCurrentAsync(Microsoft.AspNetCore.Http.HttpContext http)
    {
        if (http.User.FindFirst(UserSessions.ClaimType)?.Value is { Length: > 0 } current)
        {
            // Not cancelled with the request: a logout the browser gave up on still ends the session.
            await sessions.EndAsync(current, CancellationToken.None);
        }
    }

    /// <summary>Keeps the session id when Identity rebuilds the principal (every few minutes, for role changes).</summary>
    public static Task KeepSession(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(UserSessions.ClaimType) is { } session
            && context.NewPrincipal?.Identity is ClaimsIdentity refreshed && !refreshed.HasClaim(c => c.Type == UserSessions.ClaimType))
        {
            refreshed.AddClaim(new Claim(UserSessions.ClaimType, session.Value));
        }
        return Task.CompletedTask;
    }
}
