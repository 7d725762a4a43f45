using System.Security.Cryptography;
using Academy.Core.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Academy.Community.Services.Notifications;

/// <summary>
/// The signed one-click unsubscribe link in every community mail: the person's id protected by the site's Data Protection
/// keys (shared by all nodes; authenticated with HMAC-SHA256), so the link works without logging in and a changed code
/// is refused. It can only switch community mail off, so it does not expire.
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider protection, LinkGenerator links, IOptions<AcademyOptions> site)
{
    public const string RouteName = "Community.Unsubscribe.Index";
    public const string OneClickRouteName = "Community.Unsubscribe.OneClick";

    private readonly IDataProtector _protector = protection.CreateProtector("Academy.Community.Unsubscribe.v1");

    /// <summary>A code for <paramref name="userId"/>, safe in a URL path.</summary>
    public string Code(string userId) => _protector.Protect(userId);

    /// <summary>The absolute link for a mail to <paramref name="userId"/> (the page with the confirm button).</summary>
    public string Url(string userId) => Absolute(RouteName, Code(userId));

    /// <summary>The link for the <c>List-Unsubscribe</c> header: a POST there unsubscribes without a page (RFC 8058).</summary>
    public string OneClickUrl(string userId) => Absolute(OneClickRouteName, Code(userId));

    /// <summary>The person's id when <paramref name="code"/> is one this site made; otherwise null.</summary>
    public string? Verify(string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 1000)
        {
            return null;
        }
        try
        {
            var userId = _protector.Unprotect(code);
            return userId.Length > 0 ? userId : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null; // changed, cut short or made up
        }
    }

    private string Absolute(string routeName, string code) =>
        site.Value.PublicBaseUrl.TrimEnd('/') + links.GetPathByName(routeName, new { code });
}
