using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Academy.Core.Security;

/// <summary>
/// The antiforgery field of a page's forms, made once per browser cookie and account and then kept for a while:
/// making it (decrypting the cookie's token, encrypting a new form token) was a twentieth of a topic page's work.
/// <para>
/// A kept token is worth exactly what a new one is: ASP.NET Core's form token holds the cookie token's secret and the
/// account (its user id claim), and both are the key here; only the encryption's random start would differ. So a form
/// token found under a cookie and an account validates for that cookie and account only, as a new one would. Kept only
/// when the request's cookie was valid (ASP.NET Core made no new cookie), and under the whole cookie value, so an
/// entry is reached only by presenting that exact valid cookie. Checking a posted form is not changed at all.
/// </para>
/// </summary>
public sealed class KeptFormTokens(IAntiforgery inner, IOptions<AntiforgeryOptions> options) : IAntiforgery
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Counted in characters of cookie and token (some 400 per browser): 4 million is some 10,000 browsers.</summary>
    private readonly MemoryCache _tokens = new(new MemoryCacheOptions { SizeLimit = 4_000_000 });

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext)
    {
        var key = Key(httpContext);
        if (key is not null && _tokens.TryGetValue(key.Value, out string? kept) && kept is not null)
        {
            NoCaching(httpContext.Response.Headers);
            return new AntiforgeryTokenSet(kept, null, options.Value.FormFieldName, options.Value.HeaderName);
        }
        var tokens = inner.GetAndStoreTokens(httpContext);
        if (key is { } k && tokens.CookieToken is null && tokens.RequestToken is { } made)
        {
            _tokens.Set(k, made, new MemoryCacheEntryOptions { Size = k.Cookie.Length + made.Length, AbsoluteExpirationRelativeToNow = Lifetime });
        }
        return tokens;
    }

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    /// <summary>
    /// The browser's antiforgery cookie and the account ASP.NET Core binds a form token to (the user id claim; "" when
    /// nobody is signed in), or null when there is no cookie yet or the signed-in identity has no user id.
    /// </summary>
    private (string Cookie, string Account)? Key(HttpContext httpContext)
    {
        if (options.Value.Cookie.Name is not { } name || httpContext.Request.Cookies[name] is not { Length: > 0 } cookie)
        {
            return null;
        }
        var identity = httpContext.User.Identities.FirstOrDefault(i => i.IsAuthenticated);
        if (identity is null)
        {
            return (cookie, "");
        }
        // The claim ASP.NET Core's claim uid is made of, in its order of preference.
        var id = identity.FindFirst("sub") ?? identity.FindFirst(ClaimTypes.NameIdentifier) ?? identity.FindFirst(ClaimTypes.Upn);
        return id is { Value.Length: > 0 } ? (cookie, id.Type + " " + id.Value) : null;
    }

    /// <summary>What ASP.NET Core's antiforgery sets on a page with a form token: not to be cached, not to be framed.</summary>
    private void NoCaching(IHeaderDictionary headers)
    {
        headers.CacheControl = "no-cache, no-store";
        headers.Pragma = "no-cache";
        if (!options.Value.SuppressXFrameOptionsHeader && !headers.ContainsKey(HeaderNames.XFrameOptions))
        {
            headers.XFrameOptions = "SAMEORIGIN";
        }
    }

    /// <summary>Puts <see cref="KeptFormTokens"/> around the antiforgery service AddAntiforgery registered.</summary>
    public static void Install(IServiceCollection services) =>
        Hosting.ServiceDecoration.Decorate<IAntiforgery>(services, (provider, inner) =>
            new KeptFormTokens(inner, provider.GetRequiredService<IOptions<AntiforgeryOptions>>()));
}
