using System.Text.RegularExpressions;

namespace Academy.EmployerSignup.Services;

/// <summary>Checks and normalises the Dutch formats the sign-up form asks for; messages are Dutch.</summary>
public static partial class DutchInput
{
    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A KvK number: exactly eight digits (spaces allowed while typing). Returns the error, or null and the digits.</summary>
    public static string? KvkError(string? value, out string digits)
    {
        digits = (value ?? "").Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        if (digits.Length == 0)
        {
            return "Vul het KvK-nummer in.";
        }
        if (!digits.All(char.IsAsciiDigit))
        {
            return "Een KvK-nummer bestaat alleen uit cijfers, bijvoorbeeld 12345678.";
        }
        return digits.Length == 8 ? null : $"Een KvK-nummer heeft 8 cijfers; je vulde er {digits.Length} in.";
    }

    /// <summary>A Dutch postcode "1234 AB" (space optional, any case; SA, SD and SS are not issued). Normalised on success.</summary>
    public static string? PostcodeError(string? value, out string normalised)
    {
        normalised = "";
        var text = Trimmed(value);
        if (text is null)
        {
            return "Vul de postcode in.";
        }
        var match = Postcode().Match(text);
        if (!match.Success)
        {
            return "Vul een Nederlandse postcode in, zoals 1234 AB.";
        }
        var letters = match.Groups[2].Value.ToUpperInvariant();
        if (letters is "SA" or "SD" or "SS")
        {
            return "Deze postcode bestaat niet. Vul een Nederlandse postcode in, zoals 1234 AB.";
        }
        normalised = match.Groups[1].Value + " " + letters;
        return null;
    }

    /// <summary>
    /// An e-mail address of the usual shape. Deliberately strict (no quotes or unusual characters), because the
    /// contact's address also becomes an account name.
    /// </summary>
    public static bool IsEmail(string value) => value.Length <= 256 && Email().IsMatch(value);

    /// <summary>A phone number: digits with spaces, dashes, brackets and a leading +; 10 to 15 digits.</summary>
    public static bool IsPhone(string value)
    {
        var digits = value.Count(char.IsAsciiDigit);
        return Phone().IsMatch(value) && digits is >= 10 and <= 15;
    }

    public static bool HasDigit(string value) => value.Any(char.IsAsciiDigit);

    [GeneratedRegex(@"^([1-9][0-9]{3}) ?([A-Za-z]{2})$")]
    private static partial Regex Postcode();

    [GeneratedRegex(@"^[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^\+?[0-9 ()-]+$")]
    private static partial Regex Phone();
}
