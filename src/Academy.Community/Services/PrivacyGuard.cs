using System.Globalization;
using System.Text.RegularExpressions;

namespace Academy.Community.Services;

/// <summary>The kinds of client data the guard looks for. Only these names are ever logged or stored.</summary>
public enum PrivacyFindingKind
{
    Bsn,
    Phone,
    Email,
    Iban,
    PostcodeWithNumber,
    DateOfBirth,
}

/// <summary>One piece of personal data in a text: its kind and where it is (the fragment is shown to the author only).</summary>
public sealed record PrivacyFinding(PrivacyFindingKind Kind, int Index, int Length, string Fragment);

/// <summary>
/// Finds personal data of clients in a post, so casuïstiek stays anonymous (docs/community.md). Pure: the same text and
/// date give the same findings. Decisions: a 9-digit number counts as a BSN only when it passes the 11-proef; an IBAN
/// only with a valid mod-97 checksum; a postcode only with a house number next to it (a postcode alone names an area);
/// a full date counts as a date of birth when a birth word ("geboren", "geb.", "geboortedatum") stands just before it,
/// or when it lies at least <see cref="BirthDateMinimumAgeYears"/> years back (agreements and meetings are recent,
/// birthdays are not). A year alone ("in 2024", "geboren in 1978") passes: it does not identify anyone.
/// </summary>
public static partial class PrivacyGuard
{
    public const int BirthDateMinimumAgeYears = 14;

    public static IReadOnlyList<PrivacyFinding> Scan(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var findings = new List<PrivacyFinding>();
        // Most specific first; a later kind never reports characters an earlier one already covers.
        Add(findings, text, PrivacyFindingKind.Email, EmailPattern().Matches(text).Select(m => (m.Index, m.Length)));
        Add(findings, text, PrivacyFindingKind.Iban, IbanPattern().Matches(text).Select(ValidIban).OfType<(int, int)>());
        Add(findings, text, PrivacyFindingKind.PostcodeWithNumber, AddressPatterns().SelectMany(p => p.Matches(text)).Select(m => (m.Index, m.Length)));
        Add(findings, text, PrivacyFindingKind.DateOfBirth, Dates(text, today));
        Add(findings, text, PrivacyFindingKind.Phone, PhonePattern().Matches(text).Select(m => (m.Index, m.Length)));
        Add(findings, text, PrivacyFindingKind.Bsn, BsnPattern().Matches(text).Where(m => PassesElevenTest(Digits(m.Value))).Select(m => (m.Index, m.Length)));
        return findings.OrderBy(f => f.Index).ToList();
    }

    /// <summary>The 11-proef of a BSN: 9×d1 + 8×d2 + … + 2×d8 − 1×d9 is a multiple of 11 (and not all zeros).</summary>
    public static bool PassesElevenTest(string digits)
    {
        if (digits.Length != 9 || !digits.All(char.IsAsciiDigit) || digits.All(c => c == '0'))
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (digits[i] - '0') * (9 - i);
        }
        sum -= digits[8] - '0';
        return sum % 11 == 0;
    }

    /// <summary>ISO 13616: the country code and check digits moved to the end, letters as numbers, the whole mod 97 is 1.</summary>
    public static bool PassesIbanChecksum(string iban)
    {
        var value = iban.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (value.Length < 15 || value.Length > 34 || !value.All(char.IsAsciiLetterOrDigit)
            || !char.IsAsciiLetter(value[0]) || !char.IsAsciiLetter(value[1]) || !char.IsAsciiDigit(value[2]) || !char.IsAsciiDigit(value[3]))
        {
            return false;
        }
        var remainder = 0;
        foreach (var c in value[4..] + value[..4])
        {
            var number = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = number >= 10 ? (remainder * 100 + number) % 97 : (remainder * 10 + number) % 97;
        }
        return remainder == 1;
    }

    private static void Add(List<PrivacyFinding> findings, string text, PrivacyFindingKind kind, IEnumerable<(int Index, int Length)> spans)
    {
        foreach (var (index, length) in spans)
        {
            if (!findings.Any(f => index < f.Index + f.Length && f.Index < index + length))
            {
                findings.Add(new PrivacyFinding(kind, index, length, text.Substring(index, length)));
            }
        }
    }

    private static string Digits(string value) => new(value.Where(char.IsAsciiDigit).ToArray());

    /// <summary>The longest start of a candidate that passes the checksum (a candidate may run on into the next word).</summary>
    private static (int, int)? ValidIban(Match match)
    {
        for (var length = match.Length; length >= 15; length--)
        {
            var candidate = match.Value[..length];
            if (char.IsAsciiLetterOrDigit(candidate[^1]) && PassesIbanChecksum(candidate))
            {
                return (match.Index, length);
            }
        }
        return null;
    }

    private static IEnumerable<(int, int)> Dates(string text, DateOnly today)
    {
        foreach (var match in NumericDatePattern().Matches(text).Concat(WrittenDatePattern().Matches(text)))
        {
            if (!TryDate(match, today, out var date))
            {
                continue;
            }
            var before = text[Math.Max(0, match.Index - 40)..match.Index];
            if (BirthWord().IsMatch(before) || date <= today.AddYears(-BirthDateMinimumAgeYears))
            {
                yield return (match.Index, match.Length);
            }
        }
    }

    private static bool TryDate(Match match, DateOnly today, out DateOnly date)
    {
        date = default;
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        var month = match.Groups["m"].Success
            ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture)
            : MonthNumbers[match.Groups["mn"].Value[..3].ToLowerInvariant()];
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["y"].Value.Length == 2)
        {
            // "12-03-81": a two-digit year after this year's belongs to the last century.
            year += year > today.Year % 100 ? 1900 : 2000;
        }
        if (month is < 1 or > 12 || year < 1900 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    private static readonly Dictionary<string, int> MonthNumbers = new()
    {
        ["jan"] = 1, ["feb"] = 2, ["maa"] = 3, ["mrt"] = 3, ["apr"] = 4, ["mei"] = 5, ["jun"] = 6,
        ["jul"] = 7, ["aug"] = 8, ["sep"] = 9, ["okt"] = 10, ["nov"] = 11, ["dec"] = 12,
    };

    private static IEnumerable<Regex> AddressPatterns() => [PostcodeThenNumber(), StreetNumberThenPostcode()];

    [GeneratedRegex(@"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    // Letters and digits, optionally in groups of four; ValidIban finds where the number really ends.
    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}")]
    private static partial Regex IbanPattern();

    // 0 or +31/0031 (with an optional "(0)"), then nine digits with single spaces, dashes or dots between them.
    [GeneratedRegex(@"(?<![\w+])(?:(?:\+|00)31[ \-]?(?:\(0\)[ \-]?)?|0)[1-9](?:(?:[ \-.]| - )?\d){8}(?![ \-.]?\d)")]
    private static partial Regex PhonePattern();

    // Nine digits as one number: plain, or grouped with dots or spaces (123.456.782, 123 456 782, 1234.56.782).
    [GeneratedRegex(@"(?<!\d)(?<!\d[ .])\d(?:[ .]?\d){8}(?![ .]?\d)")]
    private static partial Regex BsnPattern();

    // "6811 AB 12", "6811AB, huisnummer 4", "6811ab 12-a": a Dutch postcode with the house number after it.
    [GeneratedRegex(@"(?<!\d)[1-9]\d{3}(?: ?[A-Z]{2}|[a-z]{2})(?!\p{L}),? ?(?:(?:huisnummer|huisnr\.?|nr\.?|nummer) ?)?\d{1,5}(?:[ \-]?[a-zA-Z])?(?![\p{L}\d])")]
    private static partial Regex PostcodeThenNumber();

    // "Kerkstraat 12, 6811 AB" or "Dorpsweg 3a 6811AB": a street with its number before the postcode.
    [GeneratedRegex(@"\p{L}[\p{L}\-']+ \d{1,5}(?:[ \-]?[a-zA-Z])?(?!\d),? ?[1-9]\d{3}(?: ?[A-Z]{2}|[a-z]{2})(?!\p{L})")]
    private static partial Regex StreetNumberThenPostcode();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})[\-/.](?<m>\d{1,2})[\-/.](?<y>\d{4}|\d{2})(?![\d\-/.]\d|\d)")]
    private static partial Regex NumericDatePattern();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2}) (?<mn>januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec)\.? (?<y>\d{4})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex WrittenDatePattern();

    [GeneratedRegex(@"\b(?:geboren|geb\.|geb\b|geboortedatum|geboorte|geb\.datum)", RegexOptions.IgnoreCase)]
    private static partial Regex BirthWord();
}
