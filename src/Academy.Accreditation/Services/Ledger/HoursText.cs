using System.Globalization;
using Academy.Core.Contracts;
using Academy.Core.Text;

namespace Academy.Accreditation.Services.Ledger;

/// <summary>Hours shown Dutch style with the register's unit: "12 uren", "1,5 punten", "-12 uren".</summary>
public static class HoursText
{
    public static string Number(decimal hours) =>
        hours.ToString(hours == decimal.Truncate(hours) ? "0" : "0.##", DutchFormat.Culture);

    public static string Unit(RegisterUnit unit) => unit == RegisterUnit.Punten ? "punten" : "uren";

    public static string Format(decimal hours, RegisterUnit unit) => $"{Number(hours)} {Unit(unit)}";

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
