using Academy.Accreditation.Models;
using Academy.Accreditation.Services.MyHours;

namespace Academy.Tests.Accreditation.MyHours;

/// <summary>Periods: calendar years, and multi-year cycles counted from the register's first cycle year (also backwards).</summary>
public sealed class RegisterPeriodsTests
{
    private static readonly RegisterRecord CalendarYears = new() { Id = "ri", CycleYears = 1 };
    private static readonly RegisterRecord FiveYears = new() { Id = "rp", CycleYears = 5, CycleStartYear = 2022 };

    [Theory]
    [InlineData(2026, 1, 1)]
    [InlineData(2026, 12, 31)]
    [InlineData(2026, 6, 15)]
    public void A_calendar_year_register_counts_per_year(int year, int month, int day)
    {
        var period = RegisterPeriods.For(CalendarYears, new DateOnly(year, month, day));

        Assert.Equal(new RegisterPeriod(2026, 2026), period);
        Assert.Equal("2026", period.Label);
        Assert.Equal(new DateOnly(2026, 1, 1), period.Start);
        Assert.Equal(new DateOnly(2026, 12, 31), period.End);
    }

    [Theory]
    [InlineData(2022, 1, 1, 2022, 2026)]
    [InlineData(2024, 7, 1, 2022, 2026)]
    [InlineData(2026, 12, 31, 2022, 2026)]
    [InlineData(2027, 1, 1, 2027, 2031)]
    [InlineData(2031, 12, 31, 2027, 2031)]
    [InlineData(2032, 1, 1, 2032, 2036)]
    [InlineData(2021, 12, 31, 2017, 2021)]
    [InlineData(2017, 1, 1, 2017, 2021)]
    [InlineData(2016, 12, 31, 2012, 2016)]
    public void A_five_year_cycle_runs_from_its_start_year_with_exact_boundaries(int year, int month, int day, int first, int last)
    {
        var period = RegisterPeriods.For(FiveYears, new DateOnly(year, month, day));

        Assert.Equal(new RegisterPeriod(first, last), period);
        Assert.Equal($"{first}–{last}", period.Label);
        Assert.True(period.Contains(new DateOnly(year, month, day)));
    }

    [Fact]
    public void The_last_day_of_a_cycle_and_the_first_of_the_next_fall_in_different_periods()
    {
        var last = RegisterPeriods.For(FiveYears, new DateOnly(2026, 12, 31));
        var next = RegisterPeriods.For(FiveYears, new DateOnly(2027, 1, 1));

        Assert.NotEqual(last, next);
        Assert.False(last.Contains(new DateOnly(2027, 1, 1)));
        Assert.False(next.Contains(new DateOnly(2026, 12, 31)));
        Assert.Equal("2022–2026", RegisterPeriods.Label(FiveYears, new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void A_multi_year_length_without_a_start_year_falls_back_to_calendar_years() =>
        Assert.Equal("2025", RegisterPeriods.ForYear(3, null, 2025).Label);
}
