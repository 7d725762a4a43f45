using System.Net;
using System.Text;
using Academy.Tests.Admin;

namespace Academy.Tests.Robustness;

/// <summary>Finding 6 of issue 9: malformed requests get a 400 and the themed Dutch error page, never a 500.</summary>
public sealed class MalformedRequestTests : IClassFixture<RobustSite>
{
    private readonly RobustSite site;

    public MalformedRequestTests(RobustSite site)
    {
        this.site = site;
        site.Errors.Clear();
    }

    private const string Login = "/account/inloggen";

    public static TheoryData<string, string> MalformedForms => new()
    {
        { "unclosed bracket", "a[b=1&Email=a%40b.nl" },
        { "unclosed bracket in a model key", "Email[=1&Password[0=x" },
        { "unclosed bracket after a closed one", "Editions[0].Sessions[1=x" },
        { "NUL byte in a value", "Email=a%00b%40example.nl&Password=x" },
        { "NUL byte in a key", "Em%00ail=a%40b.nl" },
        { "more than 1,024 values", string.Join('&', Enumerable.Range(0, 1100).Select(i => $"v{i}=1")) },
        { "a key over 2,048 characters", new string('k', 2100) + "=1" },
    };

    [Theory]
    [MemberData(nameof(MalformedForms))]
    public async Task A_malformed_form_with_a_valid_token_gets_the_400_page(string because, string body)
    {
        var browser = AdminTestKit.Anonymous(site.Factory);
        var token = await browser.TokenAsync(Login);
        var content = new StringContent($"__RequestVerificationToken={Uri.EscapeDataString(token)}&{body}", Encoding.UTF8, "application/x-www-form-urlencoded");

        var page = await SendAsync(browser, HttpMethod.Post, Login, content);

        AssertBadRequestPage(page, because);
    }

    [Theory]
    [InlineData("an empty multipart body", "multipart/form-data; boundary=grens", "")]
    [InlineData("multipart without a boundary", "multipart/form-data", "--grens\r\n")]
    [InlineData("a charset .NET refuses", "application/x-www-form-urlencoded; charset=utf-7", "Email=a")]
    [InlineData("a truncated multipart body", "multipart/form-data; boundary=grens", "--grens\r\nContent-Disposition: form-data; name=\"Email\"\r\n\r\nabc")]
    public async Task A_broken_multipart_body_gets_the_400_page(string because, string contentType, string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        AssertBadRequestPage(await SendAsync(AdminTestKit.Anonymous(site.Factory), HttpMethod.Post, Login, content), because);
    }

    [Fact]
    public async Task Control_characters_in_the_query_or_path_get_the_400_page()
    {
        // A NUL in the path never gets this far: Kestrel (and the test server) refuse it while decoding.
        var browser = AdminTestKit.Anonymous(site.Factory);
        AssertBadRequestPage(await browser.GetAsync("/leeragenda?q=a%00b"), "NUL in the query");
        AssertBadRequestPage(await browser.GetAsync("/leeragenda?vorm[=fysiek"), "unclosed bracket in the query");
        AssertBadRequestPage(await browser.GetAsync("/account/inloggen?ReturnUrl=/%0D%0ASet-Cookie:%20x=1"), "line break in the query");
        AssertBadRequestPage(await browser.GetAsync("/leeragenda/a%01b"), "control character in a route value");
    }

    [Fact]
    public async Task A_form_field_named_code_does_not_set_the_error_pages_status()
    {
        var browser = AdminTestKit.Anonymous(site.Factory);
        var token = await browser.TokenAsync(Login);

        var page = await browser.PostAsync("/bestaat-niet/echt-niet", [new("code", "0"), new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Pagina niet gevonden", page.Document.QuerySelector("h1")?.TextContent);

        var denied = await browser.PostAsync("/account/inloggen", [new("code", "200"), new("Email", "x")]);
        AssertBadRequestPage(denied, "antiforgery fails; code=200 must not turn it into a 200");
    }

    [Theory]
    [InlineData("/fout/0")]
    [InlineData("/fout/99999")]
    [InlineData("/fout/99999999999")]
    [InlineData("/fout/200")]
    [InlineData("/fout/500")]
    [InlineData("/fout/-1")]
    public async Task The_error_page_opened_directly_is_a_404(string path)
    {
        var page = await AdminTestKit.Anonymous(site.Factory).GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Pagina niet gevonden", page.Document.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task A_well_formed_login_still_works_after_the_form_is_read_early()
    {
        var browser = AdminTestKit.Anonymous(site.Factory);
        await browser.LoginAsync(Academy.Testing.AcademyFactory.AdminEmail, Academy.Testing.AcademyFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin")).Status);
    }

    internal static async Task<Page> SendAsync(Browser browser, HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        var response = await browser.Client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        return new Page(response, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html), html);
    }

    private void AssertBadRequestPage(Page page, string because)
    {
        Assert.True(site.Errors.Entries.Count == 0, string.Join('\n', site.Errors.Entries));
        Assert.True(page.Status == HttpStatusCode.BadRequest, $"{because}: {(int)page.Status}\n{page.Html[..Math.Min(page.Html.Length, 400)]}");
        Assert.Equal("Ongeldig verzoek", page.Document.QuerySelector("h1")?.TextContent);
        Assert.NotNull(page.Document.QuerySelector("link[href*='/assets/theme-werkcentrum/']"));
        Assert.DoesNotContain("Exception", page.Html);
    }
}
