using System.Globalization;
using Academy.Core.Recipes;
using Academy.Werkcentrum.Models;

namespace Academy.Werkcentrum.Services;

/// <summary>One opening period on a day, wall-clock time in Amsterdam ("09:00-12:30").</summary>
public sealed record TimeRange(TimeOnly Opens, TimeOnly Closes)
{
    public bool Contains(TimeOnly time) => time >= Opens && time < Closes;

    public override string ToString() => $"{Opens:HH\\:mm}-{Closes:HH\\:mm}";

    /// <summary>"09:00-12:30" (also "9:00 - 12:30" and "09.00-12.30"); null when it is no valid period.</summary>
    public static TimeRange? Parse(string? text)
    {
        var parts = (text ?? "").Replace('.', ':').Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && TimeOnly.TryParseExact(parts[0], ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var opens)
            && TimeOnly.TryParseExact(parts[1], ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var closes)
            && closes > opens)
        {
            return new TimeRange(opens, closes);
        }
        return null;
    }
}

/// <summary>The hours of one date: the weekday's, or an exception's (then <see cref="Note"/> says why).</summary>
public sealed record DayHours(DateOnly Date, IReadOnlyList<TimeRange> Periods, bool IsException, string? Note)
{
    public bool IsClosed => Periods.Count == 0;
}

public enum OpenState
{
    /// <summary>Open at this moment.</summary>
    OpenNow,
    /// <summary>Closed now, opens again later today.</summary>
    OpensLaterToday,
    /// <summary>Was open today, closed for the rest of the day.</summary>
    ClosedForTheDay,
    /// <summary>Not open at all today.</summary>
    ClosedToday,
}

/// <summary>Where an inlooppunt stands now: open or not, and today's hours.</summary>
public sealed record OpeningStatus(OpenState State, DayHours Today, TimeRange? Current)
{
    /// <summary>The short line of the list: "Nu open tot 12:30", "Vandaag open van 13:30 tot 17:00", "Vandaag gesloten".</summary>
    public string Text => State switch
    {
        OpenState.OpenNow => $"Nu open tot {Current!.Closes:HH\\:mm}",
        OpenState.OpensLaterToday => "Vandaag open " + OpeningHours.Describe(Today.Periods),
        OpenState.ClosedForTheDay => "Nu gesloten (vandaag open " + OpeningHours.Describe(Today.Periods) + ")",
        _ => Today.Note is { Length: > 0 } note ? $"Vandaag gesloten ({note})" : "Vandaag gesloten",
    };

    public bool IsOpen => State == OpenState.OpenNow;
}

/// <summary>
/// Opening hours of an inlooppunt in Europe/Amsterdam: the weekly hours, exceptions on dates, and the status at a
/// moment. The moment comes from a <see cref="TimeProvider"/>, so tests can place it anywhere (also across the
/// summer-time change: the periods are wall-clock times, the moment is converted with the zone's rules).
/// </summary>
public static class OpeningHours
{
    /// <summary>Dutch weekday keys of <see cref="WalkInPointPart.OpeningHours"/>, Monday first.</summary>
    public static readonly IReadOnlyList<string> DayKeys = ["ma", "di", "wo", "do", "vr", "za", "zo"];

    public static readonly IReadOnlyList<string> DayNames = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];

    public static string DayKey(DayOfWeek day) => DayKeys[((int)day + 6) % 7];

    public static DayOfWeek DayOfWeekOf(string key) => (DayOfWeek)((DayKeys.ToList().IndexOf(key) + 1) % 7);

    /// <summary>The valid periods of a list of texts, in time order (invalid ones are left out; the editor refuses them).</summary>
    public static IReadOnlyList<TimeRange> Periods(IEnumerable<string>? texts) =>
        (texts ?? []).Select(TimeRange.Parse).OfType<TimeRange>().OrderBy(r => r.Opens).ToList();

    public static IReadOnlyList<TimeRange> Weekly(WalkInPointPart part, DayOfWeek day) =>
        Periods(part.OpeningHours.GetValueOrDefault(DayKey(day)));

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static DayHours For(WalkInPointPart part, DateOnly date)
    {
        var exception = part.Exceptions.LastOrDefault(e => ParseDate(e.Date) == date);
        return exception is not null
            ? new DayHours(date, Periods(exception.Hours), true, exception.Note)
            : new DayHours(date, Weekly(part, date.DayOfWeek), false, null);
    }

    public static OpeningStatus StatusAt(WalkInPointPart part, DateTimeOffset now)
    {
        var local = AmsterdamTime.ToLocal(now.UtcDateTime);
        var today = For(part, DateOnly.FromDateTime(local));
        var time = TimeOnly.FromDateTime(local);
        if (today.Periods.FirstOrDefault(p => p.Contains(time)) is { } current)
        {
            return new OpeningStatus(OpenState.OpenNow, today, current);
        }
        if (today.IsClosed)
        {
            return new OpeningStatus(OpenState.ClosedToday, today, null);
        }
        var later = today.Periods.Where(p => p.Opens > time).ToList();
        return later.Count > 0
            ? new OpeningStatus(OpenState.OpensLaterToday, today with { Periods = later }, null)
            : new OpeningStatus(OpenState.ClosedForTheDay, today, null);
    }

    public static OpeningStatus Status(WalkInPointPart part, TimeProvider clock) => StatusAt(part, clock.GetUtcNow());

    /// <summary>The exceptions from today on, in date order.</summary>
    public static IReadOnlyList<DayHours> ExceptionsAhead(WalkInPointPart part, DateOnly today, int max = 12) =>
        part.Exceptions.Select(e => ParseDate(e.Date)).OfType<DateOnly>().Where(d => d >= today).Distinct().Order()
            .Take(max).Select(d => For(part, d)).ToList();

    /// <summary>"van 09:00 tot 12:30 en van 13:30 tot 17:00".</summary>
    public static string Describe(IReadOnlyList<TimeRange> periods) =>
        string.Join(" en ", periods.Select(p => $"van {p.Opens:HH\\:mm} tot {p.Closes:HH\\:mm}"));
}
