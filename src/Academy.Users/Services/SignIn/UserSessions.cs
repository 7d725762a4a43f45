using System.Security.Claims;
using System.Security.Cryptography;
using Academy.Core.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Academy.Users.Services.SignIn;

/// <summary>
/// Server-side sessions: every sign-in gets a row in UserSessions and its id in the auth cookie; a cookie counts
/// only while its row exists and the account's security stamp is the one it was issued with. So logging out (one
/// row), "overal uitloggen" (all rows of the account) and a new password (a new stamp) end the session everywhere,
/// also for a copy of the cookie. Each web node trusts a checked session for <see cref="AccountProtectionOptions.SessionCheckSeconds"/>.
/// </summary>
public sealed class UserSessions(
    AcademyDbContext db,
    IMemoryCache cache,
    TimeProvider clock,
    IOptions<AccountProtectionOptions> options,
    IOptions<IdentityOptions> identity,
    IOptionsMonitor<CookieAuthenticationOptions> cookies)
{
    /// <summary>The claim in the auth cookie that names the session.</summary>
    public const string ClaimType = "AcademySession";

    /// <summary>How often a session's LastSeenUtc is written: often enough to tell stale rows, rarely enough to be cheap.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(10);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>A session unseen for longer than this cannot have a valid cookie any more (sliding expiry + touch interval).</summary>
    private TimeSpan StaleAfter => cookies.Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan + TouchInterval;

    /// <summary>Starts a session for the account and removes its stale ones; returns the new session id.</summary>
    public async Task<string> StartAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var stale = now - StaleAfter;
        await db.Set<UserSession>().Where(s => s.UserId == userId && s.LastSeenUtc < stale).ExecuteDeleteAsync(cancellationToken);
        var session = new UserSession
        {
            Id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32)),
            UserId = userId,
            CreatedUtc = now,
            LastSeenUtc = now,
        };
        db.Set<UserSession>().Add(session);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(session).State = EntityState.Detached;
        return session.Id;
    }

    /// <summary>
    /// True when the principal's session exists, belongs to its account and the account's security stamp is still
    /// the cookie's. Cookies without a session (issued before sessions existed) are not valid.
    /// </summary>
    public async Task<bool> IsActiveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var sessionId = principal.FindFirstValue(ClaimType);
        var userId = principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (string.IsNullOrEmpty(sessionId) || string.IsNullOrEmpty(userId))
        {
            return false;
        }
        if (cache.TryGetValue(CacheKey(sessionId), out Checked? seen) && seen!.UserId == userId && seen.Stamp == stamp
            && !(cache.TryGetValue(EndedKey(userId), out DateTime endedUtc) && endedUtc >= seen.CheckedUtc))
        {
            return true;
        }

        var now = Now;
        var row = await db.Set<UserSession>().AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == userId)
            .Join(db.Set<AcademyUser>(), s => s.UserId, u => u.Id, (s, u) => new { s.LastSeenUtc, u.SecurityStamp })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null || row.SecurityStamp != stamp)
        {
            return false;
        }
        if (now - row.LastSeenUtc.AsUtc() > TouchInterval)
        {
            await db.Set<UserSession>().Where(s => s.Id == sessionId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenUtc, now), cancellationToken);
        }
        var trust = options.Value.SessionCheck;
        if (trust > TimeSpan.Zero)
        {
            cache.Set(CacheKey(sessionId), new Checked(userId, stamp, now), trust);
        }
        return true;
    }

    /// <summary>Ends one session (logging out).</summary>
    public async Task EndAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        cache.Remove(CacheKey(sessionId));
        await db.Set<UserSession>().Where(s => s.Id == sessionId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Ends every session of the account ("overal uitloggen", a new password).</summary>
    public async Task EndAllAsync(string userId, CancellationToken cancellationToken = default)
    {
        ForgetChecks(userId);
        await db.Set<UserSession>().Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// This node checks the account's sessions in the database again on their next request (after any change to
    /// the account, such as a new password and so a new security stamp).
    /// </summary>
    public void ForgetChecks(string userId)
    {
        var trust = options.Value.SessionCheck;
        if (trust > TimeSpan.Zero)
        {
            // Sessions checked before now are checked again; the marker outlives every such check.
            cache.Set(EndedKey(userId), Now, trust);
        }
    }

    /// <summary>The account's sessions that may still have a valid cookie.</summary>
    public Task<int> CountAsync(string userId, CancellationToken cancellationToken = default)
    {
        var since = Now - StaleAfter;
        return db.Set<UserSession>().CountAsync(s => s.UserId == userId && s.LastSeenUtc >= since, cancellationToken);
    }

    private static string CacheKey(string sessionId) => "academy-session:" + sessionId;

    private static string EndedKey(string userId) => "academy-sessions-ended:" + userId;

    private sealed record Checked(string UserId, string? Stamp, DateTime CheckedUtc);
}
