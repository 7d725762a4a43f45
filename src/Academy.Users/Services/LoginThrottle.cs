using System.Net;
using Academy.Core.Security;
using Academy.Users.Controllers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Academy.Users.Services;

/// <summary>How many login attempts one client address may make (configuration section Academy:Users).</summary>
public sealed class LoginThrottleOptions
{
    public const string Section = "Academy:Users";

    /// <summary>Login POSTs allowed per client address within <see cref="LoginWindowSeconds"/>.</summary>
    public int LoginAttemptsPerWindow { get; set; } = 20;

    /// <summary>The length of the sliding window, in seconds.</summary>
    public int LoginWindowSeconds { get; set; } = 300;

    public TimeSpan Window => TimeSpan.FromSeconds(LoginWindowSeconds);
}

/// <summary>
/// Per-client throttling of the login form (Core's <see cref="ClientThrottle"/>): a sliding window of
/// <see cref="LoginThrottleOptions.LoginAttemptsPerWindow"/> POSTs per client address. It sits in front of
/// the per-account-and-address counting (SignIn.LoginGuard), so guessing is slow for one client even across many accounts.
/// </summary>
public static class LoginThrottle
{
    /// <summary>The rate limiter policy on POST /account/inloggen.</summary>
    public const string Policy = "academy-login";

    /// <summary>The partition of requests without a client address (in-process test server, Unix sockets).</summary>
    public const string UnknownClient = ClientThrottle.UnknownClient;

    public const string RejectedMessage = "Te veel inlogpogingen vanaf dit adres. Probeer het over enkele minuten opnieuw.";

    public static IServiceCollection AddLoginThrottle(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LoginThrottleOptions>()
            .Bind(configuration.GetSection(LoginThrottleOptions.Section))
            .Validate(o => o.LoginAttemptsPerWindow > 0 && o.LoginWindowSeconds > 0,
                "Academy:Users:LoginAttemptsPerWindow en Academy:Users:LoginWindowSeconds moeten groter dan 0 zijn.")
            .ValidateOnStart();
        return services.AddClientThrottle(Policy, sp =>
        {
            var settings = sp.GetRequiredService<IOptions<LoginThrottleOptions>>().Value;
            return (settings.LoginAttemptsPerWindow, settings.Window);
        }, RejectAsync);
    }

    /// <inheritdoc cref="ClientThrottle.ClientKey"/>
    public static string ClientKey(IPAddress? address) => ClientThrottle.ClientKey(address);

    /// <summary>The login page carrying the throttle message; the attempt itself is not made.</summary>
    private static async Task RejectAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var T = http.RequestServices.GetRequiredService<IStringLocalizer<AccountController>>();
        var modelState = new ModelStateDictionary();
        modelState.AddModelError("", T[RejectedMessage]);
        await ClientThrottle.ViewAsync(http, "Login", new LoginViewModel(), modelState);
    }
}
