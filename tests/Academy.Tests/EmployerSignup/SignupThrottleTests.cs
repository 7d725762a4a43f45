using System.Net;
using Academy.Testing;
using Academy.Tests.Admin;

namespace Academy.Tests.EmployerSignup;

/// <summary>POST /harrie is throttled per client address (Academy:EmployerSignup:SubmissionsPerWindow), with a Dutch page.</summary>
public sealed class SignupThrottleTests
{
    [Fact]
    public async Task Over_the_limit_a_client_gets_429_with_a_dutch_page()
    {
        using var factory = new AcademyFactory();
        factory.Settings["Academy:EmployerSignup:SubmissionsPerWindow"] = "2";
        var browser = AdminTestKit.Anonymous(factory);
        var token = await browser.TokenAsync("/harrie");
        IEnumerable<KeyValuePair<string, string>> empty = [new("__RequestVerificationToken", token)];

        // Within the limit, an empty form is the form again with its errors.
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.PostAsync("/harrie", empty)).Status);
        }
        var throttled = await browser.PostAsync("/harrie", empty);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.Status);
        Assert.Equal("Te veel aanmeldingen", throttled.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.StartsWith("Er zijn vanaf dit adres te veel aanmeldingen verstuurd.", throttled.Document.QuerySelector("[role=alert]")!.TextContent.Trim());
        Assert.Equal("nl", throttled.Document.DocumentElement.GetAttribute("lang"));
        // The form itself stays available.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/harrie")).Status);
    }
}
