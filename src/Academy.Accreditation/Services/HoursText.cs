using System.Globalization;
using Academy.Core.Contracts;
using Academy.Core.Text;
using Academy.Accreditation.Abstractions;

namespace Academy.Accreditation.Services;

/// <summary>Hours and points the Dutch way ("12", "1,5", "-12") with the register's unit ("12 uren", "1 punt"), for pages, PDFs and exports.</summary>
public static class HoursText
{
    /// <summary>"12", "1,5", "0,25", "-12" (no trailing zeros, decimal comma).</summary>
    public static string Number(decimal hours) => hours.ToString("0.##", DutchFormat.Culture);

    /// <summary>"uren"/"punten", or "uur"/"punt" for exactly one; localise at the caller.</summary>
    public static string Unit(RegisterUnit unit, decimal hours = 0) => (unit, Math.Abs(hours) == 1m) switch
    {
        (RegisterUnit.Punten, true) => "punt",
        (RegisterUnit.Punten, false) => "punten",
        (_, true) => "uur",
        _ => "uren",
    };

    /// <summary>"Uren" or "Punten": a column heading.</summary>
    public static string UnitHeading(RegisterUnit unit) => unit == RegisterUnit.Punten ? "Punten" : "Uren";

    /// <summary>"12 uren", "1,5 uren", "1 punt", "-12 uren".</summary>
    public static string WithUnit(decimal hours, RegisterUnit unit) => $"{Number(hours)} {Unit(unit, hours)}";

    /// <summary>Reads "1,5" (or "1.5") as entered in a form; null when it is no number.</summary>
    public static decimal? Parse(string? text)
    {
        var value = (text ?? "").Trim().Replace(" ", "", StringComparison.Ordinal);
        if (value.Length == 0)
        {
            return null;
        }
        // One decimal separator: a comma (Dutch) or a point; no thousands separators.
        value = value.Replace(',', '.');
        return decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours)
            ? hours
            : null;
    }
}
