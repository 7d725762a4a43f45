using System.Text;
using QRCoder;

namespace Academy.Users.Services.TwoFactor;

/// <summary>What an authenticator app needs: the key as readable text and as a QR code (drawn here, no script or service).</summary>
public static class AuthenticatorSetup
{
    public const int RecoveryCodeCount = 10;

    /// <summary>The key in lower-case groups of four, easier to type over.</summary>
    public static string Readable(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>The otpauth URI (Key Uri Format) an authenticator app reads from the QR code.</summary>
    public static string Uri(string issuer, string account, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(issuer)}:{System.Uri.EscapeDataString(account)}" +
        $"?secret={key}&issuer={System.Uri.EscapeDataString(issuer)}&digits=6";

    /// <summary>The QR code as a PNG data URI: the Content-Security-Policy allows data: images, not inline styles.</summary>
    public static string QrDataUri(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>A typed app code without spaces or dashes (apps show "123 456").</summary>
    public static string Clean(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    /// <summary>A typed recovery code as Identity stores it: "xxxxx-xxxxx", also when typed without the dash or with spaces.</summary>
    public static string CleanRecoveryCode(string? code)
    {
        var cleaned = Clean(code);
        return cleaned.Length == 10 ? $"{cleaned[..5]}-{cleaned[5..]}" : cleaned;
    }
}
