using System.Net;
using Academy.Core.Hosting;
using Academy.Testing;
using Academy.Tests.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Robustness;

/// <summary>Fails on purpose, so the tests can see what a failure looks like to a browser.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class FailingTestController : Controller
{
    public const string Secret = "geheim-detail-uit-de-stacktrace";

    [Route("test/mislukt")]
    public IActionResult Fail() => throw new InvalidOperationException(Secret);
}

/// <summary>The site as <c>dotnet run</c> starts it (Development), with a controller that throws.</summary>
public sealed class DevelopmentSite : IDisposable
{
    public DevelopmentSite() => Factory = new AcademyFactory
    {
        ConfigureHost = builder => builder.UseEnvironment("Development").ConfigureServices(services =>
        {
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Errors);
            services.AddControllers().AddApplicationPart(typeof(FailingTestController).Assembly);
        }),
    };

    public AcademyFactory Factory { get; }

    public ErrorLog Errors { get; } = new();

    public void Dispose() => Factory.Dispose();
}

/// <summary>Finding 6: no stack trace for anyone, also under Development; the failure is logged instead.</summary>
public sealed class ErrorPageTests(DevelopmentSite site) : IClassFixture<DevelopmentSite>
{
    [Fact]
    public async Task A_failure_in_development_shows_the_themed_500_page_and_is_logged()
    {
        var page = await AdminTestKit.Anonymous(site.Factory).GetAsync("/test/mislukt");

        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.Equal("Er ging iets mis", page.Document.QuerySelector("h1")?.TextContent);
        Assert.NotNull(page.Document.QuerySelector("link[href*='/assets/theme-werkcentrum/']"));
        Assert.DoesNotContain(FailingTestController.Secret, page.Html);
        Assert.DoesNotContain("InvalidOperationException", page.Html);
        Assert.DoesNotContain("FailingTestController", page.Html);
        Assert.Contains(site.Errors.Entries, e => e.Contains(FailingTestController.Secret));
        AssertSecurityHeaders(page.Response);
    }

    [Fact]
    public async Task Should_the_error_page_fail_too_the_developer_page_still_shows_no_details()
    {
        var filter = new NoDeveloperExceptionPage();
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        var detailsShown = false;

        await filter.HandleExceptionAsync(new Microsoft.AspNetCore.Diagnostics.ErrorContext(context, new InvalidOperationException(FailingTestController.Secret)),
            _ => { detailsShown = true; return Task.CompletedTask; });

        Assert.False(detailsShown);
        Assert.Equal(500, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        var html = await new StreamReader(context.Response.Body).ReadToEndAsync();
        Assert.Contains("Er ging iets mis", html);
        Assert.DoesNotContain(FailingTestController.Secret, html);
        // Registered in the site, so ASP.NET Core's developer page uses it instead of its stack trace.
        Assert.Contains(site.Factory.Services.GetServices<Microsoft.AspNetCore.Diagnostics.IDeveloperPageExceptionFilter>(), f => f is NoDeveloperExceptionPage);
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        foreach (var (name, value) in SecurityHeaders.All)
        {
            var actual = response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.TryGetValues(name, out var content) ? content : null;
            Assert.True(actual is not null && string.Join(", ", actual) == value,
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} ({(int)response.StatusCode}): {name} is '{(actual is null ? "missing" : string.Join(", ", actual))}'");
        }
    }
}
