using System.Security.Claims;
using Academy.Core.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace Academy.Tests.Core;

/// <summary>
/// The form token kept per antiforgery cookie and account (<see cref="KeptFormTokens"/>) around ASP.NET Core's own
/// antiforgery: it is handed out again only for the same cookie and account, and it validates exactly as a new one.
/// </summary>
public sealed class KeptFormTokensTests
{
    private const string CookieName = "academy.af";
    private readonly IAntiforgery _antiforgery;
    private readonly IServiceProvider _services;

    public KeptFormTokensTests()
    {
        var services = new ServiceCollection().AddLogging().AddDataProtection().Services;
        services.AddAntiforgery(o => o.Cookie.Name = CookieName);
        KeptFormTokens.Install(services);
        _services = services.BuildServiceProvider();
        _antiforgery = _services.GetRequiredService<IAntiforgery>();
    }

    private HttpContext Request(string? account, string? cookie = null, string method = "GET", string? formToken = null)
    {
        var http = new DefaultHttpContext { RequestServices = _services };
        http.Request.Method = method;
        if (account is not null)
        {
            http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, account), new Claim(ClaimTypes.Name, account + "@example.nl")], "test"));
        }
        if (cookie is not null)
        {
            http.Request.Headers.Cookie = $"{CookieName}={cookie}";
        }
        if (formToken is not null)
        {
            http.Request.ContentType = "application/x-www-form-urlencoded";
            http.Request.Form = new FormCollection(new Dictionary<string, StringValues> { ["__RequestVerificationToken"] = formToken });
        }
        return http;
    }

    /// <summary>The cookie value ASP.NET Core set on its first answer to this browser.</summary>
    private static string CookieOf(HttpContext http)
    {
        var setCookie = http.Response.Headers.SetCookie.ToString();
        var start = setCookie.IndexOf(CookieName + "=", StringComparison.Ordinal) + CookieName.Length + 1;
        return setCookie[start..setCookie.IndexOf(';', start)];
    }

    [Fact]
    public void The_same_cookie_and_account_get_the_kept_token_and_the_answer_is_not_cached()
    {
        var first = Request("anna");
        var made = _antiforgery.GetAndStoreTokens(first);
        Assert.NotNull(made.CookieToken); // a new browser: a new cookie, so nothing is kept yet
        var cookie = CookieOf(first);

        var second = _antiforgery.GetAndStoreTokens(Request("anna", cookie)).RequestToken;
        var third = Request("anna", cookie);
        var kept = _antiforgery.GetAndStoreTokens(third);

        Assert.Equal(second, kept.RequestToken);
        Assert.Null(kept.CookieToken);
        Assert.Equal("no-cache, no-store", third.Response.Headers.CacheControl.ToString());
        Assert.Equal("no-cache", third.Response.Headers.Pragma.ToString());
        Assert.NotEqual(made.RequestToken, second); // the first one was made before the cookie existed
    }

    [Fact]
    public void Another_account_or_another_cookie_gets_a_token_of_its_own()
    {
        var start = Request("anna");
        _antiforgery.GetAndStoreTokens(start);
        var cookie = CookieOf(start);
        var anna = _antiforgery.GetAndStoreTokens(Request("anna", cookie)).RequestToken;

        Assert.NotEqual(anna, _antiforgery.GetAndStoreTokens(Request("bram", cookie)).RequestToken);
        Assert.NotEqual(anna, _antiforgery.GetAndStoreTokens(Request(null, cookie)).RequestToken);
        var otherBrowser = Request("anna");
        _antiforgery.GetAndStoreTokens(otherBrowser);
        Assert.NotEqual(anna, _antiforgery.GetAndStoreTokens(Request("anna", CookieOf(otherBrowser))).RequestToken);
    }

    [Fact]
    public async Task A_kept_token_validates_for_its_own_cookie_and_account_only()
    {
        var start = Request("anna");
        _antiforgery.GetAndStoreTokens(start);
        var cookie = CookieOf(start);
        _antiforgery.GetAndStoreTokens(Request("anna", cookie));
        var kept = _antiforgery.GetAndStoreTokens(Request("anna", cookie)).RequestToken!;

        Assert.True(await _antiforgery.IsRequestValidAsync(Request("anna", cookie, "POST", kept)));
        Assert.False(await _antiforgery.IsRequestValidAsync(Request("bram", cookie, "POST", kept)));
        Assert.False(await _antiforgery.IsRequestValidAsync(Request(null, cookie, "POST", kept)));
        var otherBrowser = Request("anna");
        _antiforgery.GetAndStoreTokens(otherBrowser);
        Assert.False(await _antiforgery.IsRequestValidAsync(Request("anna", CookieOf(otherBrowser), "POST", kept)));
    }

    [Fact]
    public void A_cookie_that_does_not_decrypt_is_replaced_and_its_token_is_not_kept()
    {
        var forged = Request("anna", "CfDJ8-not-a-real-token");
        var tokens = _antiforgery.GetAndStoreTokens(forged);
        Assert.NotNull(tokens.CookieToken); // ASP.NET Core made a new cookie

        var again = _antiforgery.GetAndStoreTokens(Request("anna", "CfDJ8-not-a-real-token"));
        Assert.NotNull(again.CookieToken);
        Assert.NotEqual(tokens.RequestToken, again.RequestToken);
    }
}
