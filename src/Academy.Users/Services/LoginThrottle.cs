using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Academy.Users.Controllers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
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
/// Per-client throttling of the login form (ASP.NET Core's rate limiter): a sliding window of
/// <see cref="LoginThrottleOptions.LoginAttemptsPerWindow"/> POSTs per client address. It sits in front of
/// Identity's account lockout, so guessing is slow for one client even across many accounts.
/// </summary>
public static class LoginThrottle
{
    /// <summary>The rate limiter policy on POST /account/inloggen.</summary>
    public const string Policy = "academy-login";

    /// <summary>The partition of requests without a client address (in-process test server, Unix sockets).</summary>
    public const string UnknownClient = "onbekend";

    public const string RejectedMessage = "Te veel inlogpogingen vanaf dit adres. Probeer het over enkele minuten opnieuw.";

    public static IServiceCollection AddLoginThrottle(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LoginThrottleOptions>()
            .Bind(configuration.GetSection(LoginThrottleOptions.Section))
            .Validate(o => o.LoginAttemptsPerWindow > 0 && o.LoginWindowSeconds > 0,
                "Academy:Users:LoginAttemptsPerWindow en Academy:Users:LoginWindowSeconds moeten groter dan 0 zijn.")
            .ValidateOnStart();

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, context =>
            {
                var settings = context.RequestServices.GetRequiredService<IOptions<LoginThrottleOptions>>().Value;
                return RateLimitPartition.GetSlidingWindowLimiter(ClientKey(context.Connection.RemoteIpAddress), _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = settings.LoginAttemptsPerWindow,
                    Window = settings.Window,
                    SegmentsPerWindow = Math.Clamp(settings.LoginWindowSeconds, 1, 10),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>
    /// The partition of a client: its IPv4 address, the /64 network of an IPv6 address (one subscriber usually
    /// has a whole /64), or <see cref="UnknownClient"/> when the connection has no address.
    /// </summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return UnknownClient;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && !IPAddress.IsLoopback(address))
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }
        return address.ToString();
    }

    /// <summary>Answers 429 with Retry-After and the login page carrying the throttle message; the attempt itself is not made.</summary>
    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var settings = services.GetRequiredService<IOptions<LoginThrottleOptions>>().Value;
        // A sliding window lease carries no RetryAfter; the whole window is when a permit is sure to be back.
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : settings.Window;

        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LoginThrottle).FullName!)
            .LogWarning("Login attempts from {Client} throttled for {Seconds} s.", ClientKey(http.Connection.RemoteIpAddress), (int)retryAfter.TotalSeconds);

        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";

        var T = services.GetRequiredService<IStringLocalizer<AccountController>>();
        var action = http.GetEndpoint()?.Metadata.GetMetadata<ActionDescriptor>();
        if (action is null)
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(T[RejectedMessage], cancellationToken);
            return;
        }

        var modelState = new ModelStateDictionary();
        modelState.AddModelError("", T[RejectedMessage]);
        var view = new ViewResult
        {
            ViewName = "Login",
            StatusCode = StatusCodes.Status429TooManyRequests,
            ViewData = new ViewDataDictionary<LoginViewModel>(services.GetRequiredService<IModelMetadataProvider>(), modelState)
            {
                Model = new LoginViewModel(),
            },
        };
        await view.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), action, modelState));
    }
}
