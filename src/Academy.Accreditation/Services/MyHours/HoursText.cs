using Academy.Core.Contracts;
using Academy.Core.Text;

namespace Academy.Accreditation.Services.MyHours;

/// <summary>Hours and points the Dutch way: "12", "1,5", "-12", with the register's unit ("12 uren", "1 punt").</summary>
public static class HoursText
{
    /// <summary>"12", "1,5", "0,25", "-12" (no trailing zeros, decimal comma).</summary>
    public static string Number(decimal hours) => hours.ToString("0.##", DutchFormat.Culture);

    /// <summary>"uren"/"punten", or "uur"/"punt" for exactly one.</summary>
    public static string Unit(RegisterUnit unit, decimal hours = 0) => (unit, Math.Abs(hours) == 1m) switch
    {
        (RegisterUnit.Punten, true) => "punt",
        (RegisterUnit.Punten, false) => "punten",
        (_, true) => "uur",
        _ => "uren",
    };

    /// <summary>"12 uren", "1,5 uren", "1 punt".</summary>
    public static string WithUnit(decimal hours, RegisterUnit unit) => $"{Number(hours)} {Unit(unit, hours)}";
}
