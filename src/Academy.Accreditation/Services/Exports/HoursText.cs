using Academy.Core.Contracts;
using Academy.Core.Text;

namespace Academy.Accreditation.Services.Exports;

/// <summary>Hours and points the Dutch way ("12", "1,5") with the register's unit, for pages and exports alike.</summary>
public static class HoursText
{
    public static string Number(decimal hours) => hours.ToString("0.##", DutchFormat.Culture);

    /// <summary>"uren" or "punten" (lower case, as in "12 uren"); localise at the caller.</summary>
    public static string Unit(RegisterUnit unit) => unit == RegisterUnit.Punten ? "punten" : "uren";

    /// <summary>"Uren" or "Punten": a column heading.</summary>
    public static string UnitHeading(RegisterUnit unit) => unit == RegisterUnit.Punten ? "Punten" : "Uren";

    public static string WithUnit(decimal hours, RegisterUnit unit) => $"{Number(hours)} {Unit(unit)}";
}
