using Academy.Tests.Platform;
using Academy.Werkcentrum.Models;
using Academy.Werkcentrum.Services;

namespace Academy.Tests.Werkcentrum;

/// <summary>"Nu open" and "vandaag" of an inlooppunt in Europe/Amsterdam, with a hand-set clock.</summary>
public sealed class OpeningHoursTests
{
    private static readonly TimeZoneInfo Amsterdam = Academy.Core.Recipes.AmsterdamTime.Zone;

    /// <summary>A moment given as Amsterdam wall-clock time.</summary>
    private static ManualClock At(int year, int month, int day, int hour, int minute) =>
        new(new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified), Amsterdam), TimeSpan.Zero));

    private static ManualClock AtUtc(int year, int month, int day, int hour, int minute) =>
        new(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero));

    private static WalkInPointPart OnlyOn(string day, params string[] periods) =>
        new() { Place = "Arnhem", OpeningHours = new() { [day] = [.. periods] } };

    public static TheoryData<int> Weekdays => new() { 0, 1, 2, 3, 4, 5, 6 };

    [Theory]
    [MemberData(nameof(Weekdays))]
    public void Every_weekday_is_open_in_its_own_periods_and_closed_the_next_day(int index)
    {
        // 4 January 2027 is a Monday; index 0 = maandag … 6 = zondag.
        var date = new DateOnly(2027, 1, 4).AddDays(index);
        var part = OnlyOn(OpeningHours.DayKeys[index], "13:00-17:00", "09:00-12:00");

        var before = OpeningHours.Status(part, At(date.Year, date.Month, date.Day, 8, 15));
        Assert.Equal(OpenState.OpensLaterToday, before.State);
        Assert.Equal("Vandaag open van 09:00 tot 12:00 en van 13:00 tot 17:00", before.Text);

        var morning = OpeningHours.Status(part, At(date.Year, date.Month, date.Day, 9, 0));
        Assert.Equal(OpenState.OpenNow, morning.State);
        Assert.Equal("Nu open tot 12:00", morning.Text);

        var lunch = OpeningHours.Status(part, At(date.Year, date.Month, date.Day, 12, 0));
        Assert.Equal(OpenState.OpensLaterToday, lunch.State);
        Assert.Equal("Vandaag open van 13:00 tot 17:00", lunch.Text);

        var afternoon = OpeningHours.Status(part, At(date.Year, date.Month, date.Day, 16, 59));
        Assert.Equal("Nu open tot 17:00", afternoon.Text);

        var evening = OpeningHours.Status(part, At(date.Year, date.Month, date.Day, 17, 0));
        Assert.Equal(OpenState.ClosedForTheDay, evening.State);
        Assert.Equal("Nu gesloten (vandaag open van 09:00 tot 12:00 en van 13:00 tot 17:00)", evening.Text);

        var next = date.AddDays(1);
        var nextDay = OpeningHours.Status(part, At(next.Year, next.Month, next.Day, 10, 0));
        Assert.Equal(OpenState.ClosedToday, nextDay.State);
        Assert.Equal("Vandaag gesloten", nextDay.Text);
        Assert.Equal(next, nextDay.Today.Date);
    }

    [Fact]
    public void After_the_switch_to_summer_time_in_March_the_same_utc_moment_is_an_hour_later()
    {
        var part = OnlyOn("ma", "09:00-12:30");

        // Monday 22 March 2027 (CET, UTC+1): 07:30 UTC is 08:30, not yet open.
        Assert.Equal("Vandaag open van 09:00 tot 12:30", OpeningHours.Status(part, AtUtc(2027, 3, 22, 7, 30)).Text);
        // Monday 29 March 2027, the day after the last Sunday of March (CEST, UTC+2): 07:30 UTC is 09:30, open.
        Assert.Equal("Nu open tot 12:30", OpeningHours.Status(part, AtUtc(2027, 3, 29, 7, 30)).Text);
        // And it closes at 12:30 local, 10:30 UTC.
        Assert.Equal(OpenState.ClosedForTheDay, OpeningHours.Status(part, AtUtc(2027, 3, 29, 10, 30)).State);
    }

    [Fact]
    public void On_the_night_of_the_March_switch_the_wall_clock_jumps_from_two_to_three()
    {
        var part = OnlyOn("zo", "03:00-05:00");

        // Sunday 28 March 2027: 00:59 UTC is 01:59 CET; 01:00 UTC is 03:00 CEST (02:xx does not exist).
        Assert.Equal(OpenState.OpensLaterToday, OpeningHours.Status(part, AtUtc(2027, 3, 28, 0, 59)).State);
        Assert.Equal("Nu open tot 05:00", OpeningHours.Status(part, AtUtc(2027, 3, 28, 1, 0)).Text);
    }

    [Fact]
    public void After_the_switch_to_winter_time_in_October_the_same_utc_moment_is_an_hour_earlier()
    {
        var part = OnlyOn("ma", "09:00-12:30");

        // Monday 19 October 2026 (CEST): 07:30 UTC is 09:30, open.
        Assert.Equal("Nu open tot 12:30", OpeningHours.Status(part, AtUtc(2026, 10, 19, 7, 30)).Text);
        // Monday 26 October 2026, the day after the last Sunday of October (CET): 07:30 UTC is 08:30, not yet open.
        Assert.Equal(OpenState.OpensLaterToday, OpeningHours.Status(part, AtUtc(2026, 10, 26, 7, 30)).State);
        Assert.Equal("Nu open tot 12:30", OpeningHours.Status(part, AtUtc(2026, 10, 26, 8, 0)).Text);
    }

    [Fact]
    public void Late_saturday_evening_in_utc_is_already_sunday_in_Amsterdam()
    {
        var part = new WalkInPointPart { OpeningHours = new() { ["za"] = ["09:00-23:59"], ["zo"] = ["00:00-02:00"] } };

        // Saturday 24 October 2026 22:30 UTC is Sunday 00:30 CEST.
        var status = OpeningHours.Status(part, AtUtc(2026, 10, 24, 22, 30));

        Assert.Equal(new DateOnly(2026, 10, 25), status.Today.Date);
        Assert.Equal("Nu open tot 02:00", status.Text);
    }

    [Fact]
    public void A_holiday_exception_closes_a_day_that_is_normally_open_and_says_why()
    {
        var part = OnlyOn("vr", "09:00-12:30");
        part.Exceptions.Add(new OpeningException { Date = "2026-12-25", Note = "Eerste Kerstdag" });

        var christmas = OpeningHours.Status(part, At(2026, 12, 25, 10, 0));
        Assert.Equal(OpenState.ClosedToday, christmas.State);
        Assert.True(christmas.Today.IsException);
        Assert.Equal("Vandaag gesloten (Eerste Kerstdag)", christmas.Text);

        // The Friday after is a normal Friday again.
        Assert.Equal("Nu open tot 12:30", OpeningHours.Status(part, At(2027, 1, 1 + 7, 10, 0)).Text);
    }

    [Fact]
    public void An_exception_with_other_hours_replaces_the_weekday_hours()
    {
        var part = OnlyOn("do", "09:00-12:30", "13:30-16:30");
        part.Exceptions.Add(new OpeningException { Date = "2026-12-24", Hours = ["09:00-12:00"], Note = "Kerstavond" });

        Assert.Equal("Nu open tot 12:00", OpeningHours.Status(part, At(2026, 12, 24, 11, 0)).Text);
        var afternoon = OpeningHours.Status(part, At(2026, 12, 24, 14, 0));
        Assert.Equal(OpenState.ClosedForTheDay, afternoon.State);
        Assert.Equal("Nu gesloten (vandaag open van 09:00 tot 12:00)", afternoon.Text);
    }

    [Fact]
    public void A_closure_on_a_normal_weekday_closes_it_and_shows_among_the_exceptions_ahead()
    {
        var part = OnlyOn("di", "09:00-16:00");
        part.Exceptions.Add(new OpeningException { Date = "2027-02-09", Note = "Studiedag" });
        part.Exceptions.Add(new OpeningException { Date = "2026-01-06", Note = "Voorbij" });

        var clock = At(2027, 2, 9, 10, 0);
        Assert.Equal("Vandaag gesloten (Studiedag)", OpeningHours.Status(part, clock).Text);

        var ahead = OpeningHours.ExceptionsAhead(part, new DateOnly(2027, 2, 1));
        Assert.Equal([new DateOnly(2027, 2, 9)], ahead.Select(d => d.Date));
        Assert.True(ahead[0].IsClosed);
    }

    [Theory]
    [InlineData("09:00-12:30", "09:00-12:30")]
    [InlineData("9:00 - 12:30", "09:00-12:30")]
    [InlineData("09.00-12.30", "09:00-12:30")]
    [InlineData("12:30-09:00", null)]
    [InlineData("negen tot twaalf", null)]
    [InlineData("25:00-26:00", null)]
    public void Periods_are_read_in_the_usual_Dutch_notations(string text, string? expected) =>
        Assert.Equal(expected, TimeRange.Parse(text)?.ToString());

    [Theory]
    [InlineData("2026-12-25; gesloten; Eerste Kerstdag", "2026-12-25", "", "Eerste Kerstdag")]
    [InlineData("2026-12-24; 13:00-15:00, 09:00-12:00; Kerstavond", "2026-12-24", "09:00-12:00|13:00-15:00", "Kerstavond")]
    [InlineData("2027-01-02; gesloten", "2027-01-02", "", null)]
    public void Exception_lines_of_the_editor_are_parsed(string line, string date, string hours, string? note)
    {
        var exception = Academy.Werkcentrum.Editors.WalkInPointPartDriver.ParseException(line);

        Assert.NotNull(exception);
        Assert.Equal(date, exception.Date);
        Assert.Equal(hours, string.Join('|', exception.Hours));
        Assert.Equal(note, exception.Note);
    }

    [Theory]
    [InlineData("25-12-2026; gesloten")]
    [InlineData("2026-12-25")]
    [InlineData("2026-12-25; soms")]
    public void Exception_lines_that_do_not_fit_are_refused(string line) =>
        Assert.Null(Academy.Werkcentrum.Editors.WalkInPointPartDriver.ParseException(line));
}
