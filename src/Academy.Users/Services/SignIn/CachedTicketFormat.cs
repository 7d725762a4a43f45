using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Academy.Users.Services.SignIn;

/// <summary>
/// The sign-in cookie's ticket, decrypted once per cookie value and kept for a minute: decrypting it (key derivation,
/// AES and HMAC) was about a fifth of the work of a signed-in request served from the output cache. Only tickets that
/// decrypted are kept, under the whole cookie value, so an entry is reached only by presenting that exact valid cookie.
/// Every request gets its own copy, and still passes the cookie handler's expiry check and the server-side session check
/// (<see cref="SessionCookieEvents"/>): logging out still ends the cookie and its copies at once.
/// </summary>
public sealed class CachedTicketFormat(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>Counted in the cookies' characters (about 1,000 each, a few KB at most): 8 million is some 8,000 people.</summary>
    private readonly MemoryCache _tickets = new(new MemoryCacheOptions { SizeLimit = 8_000_000 });

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (string.IsNullOrEmpty(protectedText))
        {
            return inner.Unprotect(protectedText, purpose);
        }
        var key = (protectedText, purpose);
        if (_tickets.TryGetValue(key, out AuthenticationTicket? kept) && kept is not null)
        {
            return kept.Clone();
        }
        var ticket = inner.Unprotect(protectedText, purpose);
        if (ticket is not null)
        {
            _tickets.Set(key, ticket.Clone(), new MemoryCacheEntryOptions { Size = protectedText.Length, AbsoluteExpirationRelativeToNow = Lifetime });
        }
        return ticket;
    }

    /// <summary>
    /// Wraps the application cookie's format after ASP.NET Core has made it (its post-configuration, registered with
    /// Identity, runs before this one), so existing cookies stay valid.
    /// </summary>
    public sealed class Install : IPostConfigureOptions<CookieAuthenticationOptions>
    {
        public void PostConfigure(string? name, CookieAuthenticationOptions options)
        {
            if (name == IdentityConstants.ApplicationScheme && options.TicketDataFormat is not CachedTicketFormat)
            {
                options.TicketDataFormat = new CachedTicketFormat(options.TicketDataFormat
                    ?? throw new InvalidOperationException("The cookie's ticket format is made by ASP.NET Core's post-configuration, which must run first."));
            }
        }
    }
}
