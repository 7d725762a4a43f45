using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Academy.Core.Security;

/// <summary>Writes a throttled request's page (status, Retry-After and Cache-Control are already set).</summary>
public delegate Task ClientThrottleRejection(HttpContext http, CancellationToken cancellationToken);

/// <summary>The registered throttles: per policy name its limits and its rejection page.</summary>
public sealed class ClientThrottleOptions
{
    internal Dictionary<string, (Func<IServiceProvider, (int Permits, TimeSpan Window)> Limits, ClientThrottleRejection Reject)> Policies { get; } = [];
}

/// <summary>
/// Per-client throttling of chosen endpoints (ASP.NET Core's rate limiter): a named policy is a sliding window of
/// permits per client address; a module marks its action with <c>[EnableRateLimiting(name)]</c> and gives the Dutch
/// page a throttled client gets (429 with Retry-After). Core runs the limiter after routing, so the policy is known.
/// </summary>
public static class ClientThrottle
{
    /// <summary>The partition of requests without a client address (in-process test server, Unix sockets).</summary>
    public const string UnknownClient = "onbekend";

    /// <param name="limits">Read per request from options, so configuration (and tests) can set them.</param>
    public static IServiceCollection AddClientThrottle(this IServiceCollection services, string policy,
        Func<IServiceProvider, (int Permits, TimeSpan Window)> limits, ClientThrottleRejection reject)
    {
        services.Configure<ClientThrottleOptions>(o => o.Policies[policy] = (limits, reject));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(policy, context =>
            {
                var (permits, window) = limits(context.RequestServices);
                return RateLimitPartition.GetSlidingWindowLimiter(ClientKey(context.Connection.RemoteIpAddress), _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = window,
                    SegmentsPerWindow = Math.Clamp((int)window.TotalSeconds, 1, 10),
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

    /// <summary>Renders an MVC view of the throttled action as the rejection page (status 429).</summary>
    public static async Task ViewAsync(HttpContext http, string viewName, object model, ModelStateDictionary? modelState = null)
    {
        var action = http.GetEndpoint()?.Metadata.GetMetadata<ActionDescriptor>()
            ?? throw new InvalidOperationException("A throttle view needs an MVC action endpoint.");
        modelState ??= new ModelStateDictionary();
        var view = new ViewResult
        {
            ViewName = viewName,
            StatusCode = StatusCodes.Status429TooManyRequests,
            ViewData = new ViewDataDictionary(http.RequestServices.GetRequiredService<IModelMetadataProvider>(), modelState) { Model = model },
        };
        await view.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), action, modelState));
    }

    /// <summary>Answers 429 with Retry-After and the policy's page; the request itself is not handled.</summary>
    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var policyName = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? "";
        var policies = http.RequestServices.GetRequiredService<IOptions<ClientThrottleOptions>>().Value.Policies;
        var policy = policies.GetValueOrDefault(policyName);
        var window = policy.Limits is null ? TimeSpan.FromMinutes(1) : policy.Limits(http.RequestServices).Window;
        // A sliding window lease carries no RetryAfter; the whole window is when a permit is sure to be back.
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : window;

        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClientThrottle).FullName!)
            .LogWarning("Requests ({Policy}) from {Client} throttled for {Seconds} s.", policyName, ClientKey(http.Connection.RemoteIpAddress), (int)retryAfter.TotalSeconds);

        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        if (policy.Reject is not null)
        {
            await policy.Reject(http, cancellationToken);
            return;
        }
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync("Te veel verzoeken. Probeer het over enkele minuten opnieuw.", cancellationToken);
    }
}
