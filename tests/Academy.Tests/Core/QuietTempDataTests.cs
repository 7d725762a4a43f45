using Academy.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Core;

/// <summary>MVC's cookie TempData behind <see cref="QuietTempData"/>: an empty save with no TempData cookie sends nothing.</summary>
public sealed class QuietTempDataTests
{
    private const string CookieName = ".AspNetCore.Mvc.CookieTempDataProvider";
    private readonly IServiceProvider _services;

    public QuietTempDataTests()
    {
        var services = new ServiceCollection().AddLogging().AddDataProtection().Services;
        services.AddControllersWithViews();
        QuietTempData.Install(services);
        _services = services.BuildServiceProvider();
    }

    private HttpContext Request(string? cookieHeader = null)
    {
        var http = new DefaultHttpContext { RequestServices = _services };
        if (cookieHeader is not null)
        {
            http.Request.Headers.Cookie = cookieHeader;
        }
        return http;
    }

    [Fact]
    public void A_notice_goes_into_the_cookie_comes_back_once_and_then_the_cookie_is_deleted()
    {
        var provider = _services.GetRequiredService<ITempDataProvider>();
        Assert.IsType<QuietTempData>(provider);

        var redirect = Request();
        provider.SaveTempData(redirect, new Dictionary<string, object> { ["Notice"] = "Je reactie is geplaatst." });
        var setCookie = redirect.Response.Headers.SetCookie.ToString();
        Assert.StartsWith(CookieName + "=", setCookie);
        var value = setCookie[(CookieName.Length + 1)..setCookie.IndexOf(';')];
        Assert.NotEmpty(value);

        var next = Request($"{CookieName}={value}");
        Assert.Equal("Je reactie is geplaatst.", provider.LoadTempData(next)["Notice"]);
        provider.SaveTempData(next, new Dictionary<string, object>()); // read, so nothing left: the cookie is deleted
        Assert.Contains("expires=Thu, 01 Jan 1970", next.Response.Headers.SetCookie.ToString());
    }

    [Fact]
    public void A_page_that_only_looked_for_a_notice_sends_no_cookie_at_all()
    {
        var provider = _services.GetRequiredService<ITempDataProvider>();
        var page = Request("academy.af=abc; academy.auth=def");
        Assert.Empty(provider.LoadTempData(page));
        provider.SaveTempData(page, new Dictionary<string, object>());
        Assert.Equal(0, page.Response.Headers.SetCookie.Count);
    }
}
