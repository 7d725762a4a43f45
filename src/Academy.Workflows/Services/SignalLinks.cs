using System.Globalization;
using System.Security.Cryptography;
using Academy.Core.Hosting;
using Academy.Workflows.Abstractions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Academy.Workflows.Services;

/// <summary>
/// Signed, time-limited links that deliver a signal to one instance (approve/decline by mail). The token
/// holds the instance id and the signal name; it is protected by ASP.NET Core Data Protection, so it
/// cannot be changed, and it expires after <see cref="Lifetime"/>.
/// </summary>
public sealed class SignalLinks(IDataProtectionProvider protection, IOptions<AcademyOptions> options) : ISignalLinks
{
    public const string Path = "/workflows/signaal";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("Academy.Workflows.Signal.v1").ToTimeLimitedDataProtector();

    public string CreateUrl(long workflowInstanceId, string signal) =>
        $"{options.Value.PublicBaseUrl.TrimEnd('/')}{Path}?token={Uri.EscapeDataString(CreateToken(workflowInstanceId, signal))}";

    public string CreateToken(long workflowInstanceId, string signal) =>
        _protector.Protect($"{workflowInstanceId.ToString(CultureInfo.InvariantCulture)}|{signal}", Lifetime);

    /// <summary>The instance and signal of a token, or null when it was changed, has expired or is not ours.</summary>
    public (long InstanceId, string Signal)? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }
        try
        {
            var payload = _protector.Unprotect(token);
            var separator = payload.IndexOf('|', StringComparison.Ordinal);
            return separator > 0 && long.TryParse(payload[..separator], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? (id, payload[(separator + 1)..])
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
