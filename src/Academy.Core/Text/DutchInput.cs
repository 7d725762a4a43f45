using System.Globalization;
using Academy.Core.Hosting;
using Academy.Core.Recipes;

namespace Academy.Core.Text;

/// <summary>Parses and formats what a Dutch user types: "95,00", "15-09-2026", "9:30". Never throws.</summary>
public static class DutchInput
{
    private static readonly string[] DateFormats = ["d-M-yyyy", "d/M/yyyy", "d.M.yyyy", "d M yyyy", "yyyy-M-d"];
    private static readonly string[] TimeFormats = ["H:mm", "H.mm", "%H"];

    public static CultureInfo Culture => AcademyHost.Dutch;

    /// <summary>A calendar date between 2000 and 2100 (the range that makes sense for a learning agenda).</summary>
    public static bool TryParseDate(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        return DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            && date.Year is >= 2000 and <= 2100;
    }

    public static bool TryParseTime(string? text, out TimeOnly time)
    {
        time = default;
        return !string.IsNullOrWhiteSpace(text)
            && TimeOnly.TryParseExact(text.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    /// <summary>
    /// A decimal in Dutch notation ("95,00", "1.250,50", "€ 95"); a single point followed by one or two
    /// digits ("95.50") is read as a decimal point, since that is what people mean by it.
    /// </summary>
    public static bool TryParseDecimal(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var s = text.Trim().Replace("€", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)
            .Replace("\u00a0", "", StringComparison.Ordinal);
        if (s.EndsWith(",-", StringComparison.Ordinal))
        {
            s = s[..^2];
        }
        var point = s.IndexOf('.');
        if (!s.Contains(',') && point >= 0 && point == s.LastIndexOf('.') && s.Length - point - 1 is 1 or 2)
        {
            s = s.Replace('.', ',');
        }
        return s.Length > 0 && decimal.TryParse(s,
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands,
            Culture, out value);
    }

    public static bool TryParseInt(string? text, out int value)
    {
        value = 0;
        return !string.IsNullOrWhiteSpace(text)
            && int.TryParse(text.Trim().Replace(".", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, Culture, out value);
    }

    /// <summary>Amsterdam local date + time to UTC; false when that local time does not exist (the spring-forward hour).</summary>
    public static bool TryToUtc(DateOnly date, TimeOnly time, out DateTime utc)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (AmsterdamTime.Zone.IsInvalidTime(local))
        {
            utc = default;
            return false;
        }
        utc = AmsterdamTime.ToUtc(local);
        return true;
    }

    /// <summary>A plain e-mail address (no display name), with a dot somewhere, at most 254 characters.</summary>
    public static bool IsEmail(string text) =>
        text.Length <= 254 && System.Net.Mail.MailAddress.TryCreate(text, out var address) && address.Address == text
        && text.Contains('.', StringComparison.Ordinal);

    public static bool IsWebAddress(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";

    public static string FormatDate(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    public static string FormatTime(DateTime local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string FormatMoney(decimal value) => value.ToString("0.00", Culture);

    public static string FormatNumber(decimal value) => value.ToString("0.##########", Culture);

    /// <summary>"di 15 september 2026, 09:30" in Amsterdam time.</summary>
    public static string FormatDateTime(DateTime utc) =>
        AmsterdamTime.ToLocal(utc).ToString("ddd d MMMM yyyy, HH:mm", Culture);

    public static string FormatShortDateTime(DateTime utc) =>
        AmsterdamTime.ToLocal(utc).ToString("d MMM yyyy HH:mm", Culture);
}
