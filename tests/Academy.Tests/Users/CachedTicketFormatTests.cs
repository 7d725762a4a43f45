using System.Security.Claims;
using Academy.Users.Services.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Academy.Tests.Users;

/// <summary>The sign-in cookie's ticket is decrypted once per cookie value; every request still gets its own copy.</summary>
public sealed class CachedTicketFormatTests(AccountSite site) : IClassFixture<AccountSite>
{
    private sealed class CountingFormat : ISecureDataFormat<AuthenticationTicket>
    {
        public int Unprotected { get; private set; }

        public string Protect(AuthenticationTicket data) => Protect(data, null);

        public string Protect(AuthenticationTicket data, string? purpose) => "geldig:" + data.Principal.Identity!.Name;

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Unprotected++;
            return protectedText?.StartsWith("geldig:", StringComparison.Ordinal) == true
                ? new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, protectedText[7..])], "test")),
                    new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddHours(1) }, "test")
                : null;
        }
    }

    [Fact]
    public void A_valid_cookie_is_decrypted_once_and_every_caller_gets_its_own_copy()
    {
        var inner = new CountingFormat();
        var format = new CachedTicketFormat(inner);

        var first = format.Unprotect("geldig:anna")!;
        ((ClaimsIdentity)first.Principal.Identity!).AddClaim(new Claim("toegevoegd", "door dit verzoek"));
        first.Properties.Items["gewijzigd"] = "ja";
        var second = format.Unprotect("geldig:anna")!;

        Assert.Equal(1, inner.Unprotected);
        Assert.Equal("anna", second.Principal.Identity!.Name);
        // The cookie handler checks the expiry of every copy, also one from the cache.
        Assert.Equal(first.Properties.ExpiresUtc, second.Properties.ExpiresUtc);
        Assert.Null(second.Principal.FindFirst("toegevoegd"));
        Assert.False(second.Properties.Items.ContainsKey("gewijzigd"));
        Assert.Equal("anna", format.Unprotect("geldig:anna", "ander doel")!.Principal.Identity!.Name);
        Assert.Equal(2, inner.Unprotected);
        Assert.Equal("bob", format.Unprotect("geldig:bob")!.Principal.Identity!.Name);
        Assert.Equal("geldig:anna", format.Protect(first));
    }

    [Fact]
    public void A_cookie_that_does_not_decrypt_is_tried_again_every_time()
    {
        var inner = new CountingFormat();
        var format = new CachedTicketFormat(inner);

        Assert.Null(format.Unprotect("vervalst"));
        Assert.Null(format.Unprotect("vervalst"));
        Assert.Null(format.Unprotect(null));

        Assert.Equal(3, inner.Unprotected);
    }

    [Fact]
    public void The_site_decrypts_its_sign_in_cookie_through_the_cache_and_reads_its_own_cookies()
    {
        var cookies = site.Factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();
        var format = Assert.IsType<CachedTicketFormat>(cookies.Get(IdentityConstants.ApplicationScheme).TicketDataFormat);
        // Only the sign-in cookie: the short-lived two-factor and external cookies keep their own format.
        Assert.IsNotType<CachedTicketFormat>(cookies.Get(IdentityConstants.TwoFactorUserIdScheme).TicketDataFormat);
        Assert.IsNotType<CachedTicketFormat>(cookies.Get(IdentityConstants.ExternalScheme).TicketDataFormat);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "anna@example.nl")], IdentityConstants.ApplicationScheme));

        var cookie = format.Protect(new AuthenticationTicket(principal, IdentityConstants.ApplicationScheme));

        Assert.Equal("anna@example.nl", format.Unprotect(cookie)!.Principal.Identity!.Name);
        Assert.Equal("anna@example.nl", format.Unprotect(cookie)!.Principal.Identity!.Name);
        Assert.Null(format.Unprotect(cookie[..^4] + "AAAA"));
    }
}
