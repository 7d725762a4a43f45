using System.Net;
using System.Text;
using Academy.Core.Hosting;
using Academy.Tests.Admin;

namespace Academy.Tests.Robustness;

/// <summary>Finding 8a: the browser hardening headers are on every kind of response.</summary>
public sealed class SecurityHeaderTests(RobustSite site) : IClassFixture<RobustSite>
{
    [Theory]
    [InlineData("GET", "/", HttpStatusCode.OK)]
    [InlineData("GET", "/leeragenda", HttpStatusCode.OK)]
    [InlineData("GET", "/assets/theme-werkcentrum/css/site.css", HttpStatusCode.OK)]
    [InlineData("GET", "/assets/theme-werkcentrum/lib/utrecht.css?v=1", HttpStatusCode.OK)]
    [InlineData("GET", "/leeragenda.ics", HttpStatusCode.OK)]
    [InlineData("GET", "/healthz", HttpStatusCode.OK)]
    [InlineData("GET", "/admin", HttpStatusCode.Redirect)]
    [InlineData("GET", "/bestaat-niet/echt-niet", HttpStatusCode.NotFound)]
    [InlineData("GET", "/leeragenda?q=%00", HttpStatusCode.BadRequest)]
    [InlineData("POST", "/account/inloggen", HttpStatusCode.BadRequest)]
    [InlineData("HEAD", "/leeragenda", HttpStatusCode.OK)]
    public async Task Every_kind_of_response_carries_the_security_headers(string method, string path, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        using var response = await site.Factory.CreateBrowserClient().SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        ErrorPageTests.AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task A_posted_form_and_its_redirect_carry_the_security_headers()
    {
        var browser = AdminTestKit.Anonymous(site.Factory);
        var form = (await browser.GetAsync("/account/inloggen")).Form("form[method=post]:not([action='/account/uitloggen'])");

        var wrong = await browser.SubmitAsync(form.Set("Email", "niemand@example.nl").Set("Password", "fout-wachtwoord-123"), action: "/account/inloggen");
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        ErrorPageTests.AssertSecurityHeaders(wrong.Response);

        var right = await browser.SubmitAsync(form.Set("Email", Academy.Testing.AcademyFactory.AdminEmail).Set("Password", Academy.Testing.AcademyFactory.AdminPassword), action: "/account/inloggen");
        Assert.Equal(HttpStatusCode.Redirect, right.Status);
        ErrorPageTests.AssertSecurityHeaders(right.Response);
    }

    [Fact]
    public void The_policy_forbids_inline_script_framing_plugins_and_foreign_forms()
    {
        var directives = SecurityHeaders.ContentSecurityPolicy.Split(';', StringSplitOptions.TrimEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToArray());

        Assert.Equal(["'self'"], directives["script-src"]);
        Assert.Equal(["'self'"], directives["style-src"]);
        Assert.Equal(["'none'"], directives["frame-ancestors"]);
        Assert.Equal(["'none'"], directives["object-src"]);
        Assert.Equal(["'self'"], directives["base-uri"]);
        Assert.Equal(["'self'"], directives["form-action"]);
        Assert.DoesNotContain(directives.Values.SelectMany(v => v), v => v.Contains("unsafe", StringComparison.Ordinal));
    }
}
