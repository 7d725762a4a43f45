using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Academy.Core.Contracts;
using Academy.Core.Hosting;
using Academy.Workflows.Abstractions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Academy.Email.Abstractions;

namespace Academy.Workflows.Services;

/// <summary>
/// Signed, time-limited links that deliver a signal to one instance (approve/decline by mail). The token
/// holds the instance id and the signal name; it is protected by ASP.NET Core Data Protection, so it
/// cannot be changed, and it expires after <see cref="Lifetime"/>. Mails carry a <see cref="Reference"/> instead,
/// which this class (as the resolver of kind "signaal") turns into a fresh link when the mail is sent.
/// </summary>
public sealed class SignalLinks(IDataProtectionProvider protection, IOptions<AcademyOptions> options, LinkGenerator links) : ISignalLinks, IMailLinkResolver
{
    public const string LinkKind = "signaal";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("Academy.Workflows.Signal.v1").ToTimeLimitedDataProtector();

    public string CreateUrl(long workflowInstanceId, string signal) =>
        options.Value.PublicBaseUrl.TrimEnd('/') + links.GetPathByName("Workflows.WorkflowSignal.Confirm", new { token = CreateToken(workflowInstanceId, signal) });

    /// <summary>What Liquid's <c>Signals.name</c> gives: a reference without a token (<see cref="MailLinks"/>).</summary>
    public static string Reference(string baseUrl, long workflowInstanceId, string signal) =>
        MailLinks.Reference(baseUrl, LinkKind,
            $"{workflowInstanceId.ToString(CultureInfo.InvariantCulture)}.{WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(signal))}");

    public string Kind => LinkKind;

    public Task<string?> ResolveAsync(string value, string recipient, CancellationToken cancellationToken = default)
    {
        var parts = value.Split('.', 2);
        string? url = null;
        if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            try
            {
                url = CreateUrl(id, Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(parts[1])));
            }
            catch (FormatException)
            {
            }
        }
        return Task.FromResult(url);
    }

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
