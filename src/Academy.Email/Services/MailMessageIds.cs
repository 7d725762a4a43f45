using System.Security.Cryptography;
using System.Text;
using Academy.Core.Hosting;
using Microsoft.Extensions.Options;

namespace Academy.Email.Services;

/// <summary>Stable Message-Ids: the SHA-256 of the idempotency key at the site's host name.</summary>
public sealed class MailMessageIds(IOptions<AcademyOptions> options)
{
    private readonly string _host = HostOf(options.Value.PublicBaseUrl);

    /// <summary>"{sha256-hex}@{host}", without the angle brackets the header adds.</summary>
    public string For(string idempotencyKey) => $"{Hash(idempotencyKey)}@{_host}";

    public static string Hash(string idempotencyKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));

    private static string HostOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri.IdnHost : "academy.local";
}
