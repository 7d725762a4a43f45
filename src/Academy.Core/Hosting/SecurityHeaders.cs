using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Academy.Core.Hosting;

/// <summary>
/// Browser hardening headers on every response: pages, assets, redirects, error pages and throttled requests.
/// The site serves no inline script or style (themes and modules load files from their embedded assets), so the
/// policy allows scripts and styles from the site itself only; data: images are for icons in the NL Design System CSS.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), " +
        "microphone=(), midi=(), payment=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()";

    /// <summary>The headers and their values, as every response carries them.</summary>
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["Content-Security-Policy"] = ContentSecurityPolicy,
        ["X-Content-Type-Options"] = "nosniff",
        ["X-Frame-Options"] = "DENY",
        ["Referrer-Policy"] = "strict-origin-when-cross-origin",
        ["Permissions-Policy"] = PermissionsPolicy,
        ["Cross-Origin-Opener-Policy"] = "same-origin",
    };

    /// <summary>
    /// First in the pipeline. The headers are added when the response starts, because the exception handler clears
    /// the headers of a failed response before it renders the error page.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            foreach (var (name, value) in All)
            {
                headers[name] = value;
            }
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    });
}
