using System.Net;
using System.Security.Cryptography;
using System.Text;
using Academy.Core.Data;
using Academy.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Academy.Users.Services.SignIn;

/// <summary>One login attempt as the guard sees it: keys, and what to do before checking the password.</summary>
public sealed record LoginAttempt(string LoginKey, string ClientKey, bool Blocked, TimeSpan Delay);

/// <summary>
/// Slows password guessing down without letting a stranger lock the owner out. Wrong passwords are counted per
/// login name and client address in the database (so every web node sees them): after Identity's
/// MaxFailedAccessAttempts (5) within its DefaultLockoutTimeSpan (15 minutes) that address gets no further tries
/// for that account, while the owner elsewhere can still log in. Counted over all addresses, failures past
/// <see cref="AccountProtectionOptions.AccountSlowdownAfter"/> only make every attempt on the account wait longer.
/// The login name is counted whether or not the account exists, so the answers do not tell which accounts exist.
/// Per-address throttling of the form as a whole (<see cref="LoginThrottle"/>) stays in front of this.
/// </summary>
public sealed class LoginGuard(
    AcademyDbContext db,
    TimeProvider clock,
    IOptions<IdentityOptions> identity,
    IOptions<AccountProtectionOptions> options)
{
    private TimeSpan Window => identity.Value.Lockout.DefaultLockoutTimeSpan;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <param name="login">The e-mail address or user name as typed.</param>
    public async Task<LoginAttempt> BeginAsync(string login, IPAddress? address, CancellationToken cancellationToken = default)
    {
        var loginKey = LoginKeyOf(login);
        var clientKey = Hash("client", loginKey + "|" + ClientThrottle.ClientKey(address));
        var since = Now - Window;
        var failures = db.Set<LoginFailure>().Where(f => f.LoginKey == loginKey && f.FailedUtc > since);
        var fromClient = await failures.CountAsync(f => f.ClientKey == clientKey, cancellationToken);
        var fromAnywhere = await failures.CountAsync(cancellationToken);
        return new LoginAttempt(loginKey, clientKey, fromClient >= identity.Value.Lockout.MaxFailedAccessAttempts, Delay(fromAnywhere));
    }

    /// <summary>The wait before an attempt on an account with this many recent failures: one second more per failure past the threshold.</summary>
    public TimeSpan Delay(int recentFailures)
    {
        var settings = options.Value;
        var over = recentFailures - settings.AccountSlowdownAfter + 1;
        return over <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(over, settings.AccountSlowdownMaxSeconds));
    }

    public async Task RecordFailureAsync(LoginAttempt attempt, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var expired = now - Window;
        // Nothing older than the window counts; removing it here keeps the table small without a job.
        await db.Set<LoginFailure>().Where(f => f.FailedUtc < expired).ExecuteDeleteAsync(cancellationToken);
        var failure = new LoginFailure { LoginKey = attempt.LoginKey, ClientKey = attempt.ClientKey, FailedUtc = now };
        db.Set<LoginFailure>().Add(failure);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(failure).State = EntityState.Detached;
    }

    /// <summary>After a successful login the owner's own earlier mistakes from this address no longer count.</summary>
    public Task ForgetClientFailuresAsync(LoginAttempt attempt, CancellationToken cancellationToken = default) =>
        db.Set<LoginFailure>().Where(f => f.ClientKey == attempt.ClientKey).ExecuteDeleteAsync(cancellationToken);

    /// <summary>The stored form of a login name (the same for every spelling in upper or lower case).</summary>
    public static string LoginKeyOf(string login) => Hash("login", login.Trim().ToUpperInvariant());

    /// <summary>Login names and addresses are stored as hashes: rows are only ever compared, never read back.</summary>
    private static string Hash(string purpose, string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(purpose + ":" + value)));
}
