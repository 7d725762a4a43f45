using System.Net;
using System.Security.Claims;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Academy.Core.Recipes;
using Academy.Testing;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Academy.Tests.Users;

/// <summary>Helpers the Users tests share: recipes from strings, logging in through the real form, reading the auth cookie.</summary>
internal static class UsersTestKit
{
    public static string Recipe(params string[] steps) =>
        $$"""{ "name": "gebruikers-test", "steps": [ {{string.Join(",", steps)}} ] }""";

    /// <summary>Writes the recipe to a temp folder and runs it; returns the error, or null when it succeeded.</summary>
    public static async Task<RecipeException?> RunRecipeAsync(WebApplicationFactory<Program> factory, string json)
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("academy-users-").FullName, "recipes");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "gebruikers-test.recipe.json");
        await File.WriteAllTextAsync(file, json);
        try
        {
            await factory.Services.GetRequiredService<RecipeExecutor>().ExecuteAsync(file);
            return null;
        }
        catch (RecipeException ex)
        {
            return ex;
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    public static async Task RunRecipeOrFailAsync(WebApplicationFactory<Program> factory, string json)
    {
        var error = await RunRecipeAsync(factory, json);
        Assert.True(error is null, error?.Message);
    }

    /// <summary>As <see cref="AcademyFactory.CreateBrowserClient"/>, for a factory derived with WithWebHostBuilder.</summary>
    public static HttpClient CreateBrowserClient(this WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>
    /// <paramref name="root"/> with login throttling set through configuration (Academy:Users:LoginAttemptsPerWindow
    /// and LoginWindowSeconds), as an operator would.
    /// </summary>
    public static WebApplicationFactory<Program> WithLoginThrottle(this AcademyFactory root, int attempts, int windowSeconds,
        Action<IWebHostBuilder>? configure = null) =>
        root.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Academy:Users:LoginAttemptsPerWindow", attempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Academy:Users:LoginWindowSeconds", windowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            configure?.Invoke(builder);
        });

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>The antiforgery token of the first form on the page (its cookie stays in the client).</summary>
    public static async Task<string> FormTokenAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await ParseAsync(response);
        var token = document.QuerySelector("form input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), $"No antiforgery token on {path}");
        return token!;
    }

    public static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password,
        bool rememberMe = false, string? returnUrl = null)
    {
        var token = await FormTokenAsync(client, "/account/inloggen");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Email"] = email,
            ["Password"] = password,
        };
        if (rememberMe)
        {
            fields["RememberMe"] = "true";
        }
        if (returnUrl is not null)
        {
            fields["ReturnUrl"] = returnUrl;
        }
        return await client.PostAsync("/account/inloggen", new FormUrlEncodedContent(fields));
    }

    /// <summary>The texts in the error summary of a form page.</summary>
    public static async Task<IReadOnlyList<string>> ErrorSummaryAsync(HttpResponseMessage response)
    {
        var document = await ParseAsync(response);
        var alert = document.QuerySelector("[role=alert]");
        return alert is null ? [] : alert.QuerySelectorAll("li").Select(li => li.TextContent.Trim()).ToList();
    }

    /// <summary>Decrypts the authentication cookie the response set, as the site itself would read it.</summary>
    public static ClaimsPrincipal PrincipalFromCookie(WebApplicationFactory<Program> factory, HttpResponseMessage response)
    {
        var cookie = response.Headers.GetValues("Set-Cookie")
            .Select(c => c.Split(';')[0])
            .Single(c => c.StartsWith("academy.auth=", StringComparison.Ordinal));
        var options = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme);
        var ticket = options.TicketDataFormat.Unprotect(Uri.UnescapeDataString(cookie["academy.auth=".Length..]));
        Assert.NotNull(ticket);
        return ticket!.Principal;
    }
}

/// <summary>One in-process site (SQLite) shared by the tests of a class.</summary>
public sealed class UsersSite : IDisposable
{
    public AcademyFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}

/// <summary>
/// One in-process site for the login tests. All test clients share one rate-limit partition (the test server
/// has no remote address), so the per-client login limit is raised here: these tests are about the form and
/// the lockout, the throttle has its own tests (<see cref="LoginThrottleTests"/>).
/// </summary>
public sealed class AccountSite : IDisposable
{
    private readonly AcademyFactory _root = new();

    public AccountSite() => Factory = _root.WithLoginThrottle(attempts: 1000, windowSeconds: 300);

    public WebApplicationFactory<Program> Factory { get; }

    public void Dispose()
    {
        Factory.Dispose();
        _root.Dispose();
    }
}
