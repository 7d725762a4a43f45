using System.Security.Cryptography;

namespace Academy.Accreditation.Services.Certificates;

/// <summary>
/// Verification codes: 12 characters from the crypto RNG, written as XXXX-XXXX-XXXX, from an alphabet without
/// look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B): 25^12, about 55 bits, so codes cannot be guessed.
/// </summary>
public static class CertificateCode
{
    public const string Alphabet = "34679ACDEFGHJKMNPQRTUVWXY";
    public const int Length = 12;
    public const string Example = "K7QM-4XPA-93TD";

    public static string New()
    {
        var raw = RandomNumberGenerator.GetString(Alphabet, Length);
        return Format(raw);
    }

    /// <summary>
    /// The code as stored (upper case, with dashes) from what someone typed: case, spaces and dashes do not matter.
    /// Null when it cannot be a code.
    /// </summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 40)
        {
            return null;
        }
        var raw = new string(input.Where(c => c is not ('-' or ' ' or '\u2013' or '\t')).Select(char.ToUpperInvariant).ToArray());
        return raw.Length == Length && raw.All(c => Alphabet.Contains(c)) ? Format(raw) : null;
    }

    private static string Format(string raw) => $"{raw[..4]}-{raw[4..8]}-{raw[8..]}";
}
