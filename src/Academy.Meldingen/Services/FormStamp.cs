using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace Academy.Meldingen.Services;

/// <summary>
/// The signed moment the question form was shown. A person needs a few seconds to fill it in; a program that posts
/// at once (or forges an older moment) is refused, without any third-party service.
/// </summary>
public sealed class FormStamp(IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Academy.Meldingen.FormStamp");

    public string Issue() => _protector.Protect(clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    /// <summary>How long ago the stamp was issued; null when it is missing or not ours.</summary>
    public TimeSpan? Age(string? stamp)
    {
        if (string.IsNullOrEmpty(stamp) || stamp.Length > 1000)
        {
            return null;
        }
        try
        {
            var ticks = long.Parse(_protector.Unprotect(stamp), NumberStyles.None, CultureInfo.InvariantCulture);
            return clock.GetUtcNow().UtcDateTime - new DateTime(ticks, DateTimeKind.Utc);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or OverflowException or ArgumentException)
        {
            return null;
        }
    }
}
