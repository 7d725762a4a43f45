using Academy.Accreditation.Models;

namespace Academy.Accreditation.Services.MyHours;

/// <summary>A register's accreditation period: a calendar year ("2026") or a multi-year cycle ("2022–2026").</summary>
public sealed record RegisterPeriod(int FirstYear, int LastYear)
{
    public DateOnly Start => new(FirstYear, 1, 1);

    public DateOnly End => new(LastYear, 12, 31);

    public string Label => FirstYear == LastYear ? FirstYear.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{FirstYear}–{LastYear}";

    public bool Contains(DateOnly date) => date.Year >= FirstYear && date.Year <= LastYear;

    public bool Contains(int year) => year >= FirstYear && year <= LastYear;
}

/// <summary>Which period of a register a day counts for. Cycles repeat every CycleYears from CycleStartYear, also backwards.</summary>
public static class RegisterPeriods
{
    public static RegisterPeriod ForYear(int cycleYears, int? cycleStartYear, int year)
    {
        if (cycleYears <= 1 || cycleStartYear is not { } start)
        {
            return new RegisterPeriod(year, year);
        }
        // Floor division, so years before the first configured cycle fall in the cycle before it.
        var first = start + (int)Math.Floor((year - start) / (double)cycleYears) * cycleYears;
        return new RegisterPeriod(first, first + cycleYears - 1);
    }

    public static RegisterPeriod ForYear(RegisterRecord register, int year) => ForYear(register.CycleYears, register.CycleStartYear, year);

    public static RegisterPeriod For(RegisterRecord register, DateOnly activityDate) => ForYear(register, activityDate.Year);

    /// <summary>The period's label, e.g. "2026" or "2022–2026".</summary>
    public static string Label(RegisterRecord register, DateOnly activityDate) => For(register, activityDate).Label;
}
