using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Academy.Core.Recipes;

/// <summary>
/// Resolves the value expressions of a recipe before it runs: "[date:+4w di 09:30]" (a weekday N weeks
/// after the setup week, or before it with "-2w", Amsterdam time, written as UTC) and "[file:content/x.md]" (a file's text).
/// </summary>
public static partial class RecipeExpressions
{
    private static readonly string[] Weekdays = ["ma", "di", "wo", "do", "vr", "za", "zo"];

    public static void Resolve(JsonNode root, DateOnly setupDate, string contentRoot, string file)
    {
        foreach (var value in Walk(root).ToList())
        {
            if (!value.TryGetValue<string>(out var text) || text.Length < 7 || text[0] != '[' || text[^1] != ']')
            {
                continue;
            }
            string? replacement = null;
            if (DateExpression().Match(text) is { Success: true } date)
            {
                replacement = ResolveDate(date, setupDate, file, value);
            }
            else if (text.StartsWith("[file:", StringComparison.Ordinal))
            {
                replacement = ResolveFile(text[6..^1].Trim(), contentRoot, file, value);
            }
            else if (text.StartsWith("[date:", StringComparison.Ordinal))
            {
                throw new RecipeException(file, null, value.GetPath(), $"Ongeldige datumexpressie '{text}'; verwacht bijvoorbeeld [date:+4w di 09:30].");
            }
            if (replacement is not null)
            {
                value.ReplaceWith(JsonValue.Create(replacement));
            }
        }
    }

    public static DateTime WeekdayAfter(DateOnly setupDate, int weeks, int weekdayIndex, TimeOnly time)
    {
        var monday = setupDate.AddDays(-(((int)setupDate.DayOfWeek + 6) % 7));
        var day = monday.AddDays(weeks * 7 + weekdayIndex);
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(local, AmsterdamTime.Zone);
    }

    private static string ResolveDate(Match match, DateOnly setupDate, string file, JsonValue node)
    {
        var weeks = int.Parse(match.Groups["weeks"].Value, CultureInfo.InvariantCulture) * (match.Groups["sign"].Value == "-" ? -1 : 1);
        var weekday = Array.IndexOf(Weekdays, match.Groups["day"].Value);
        if (!TimeOnly.TryParseExact(match.Groups["time"].Value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            throw new RecipeException(file, null, node.GetPath(), $"Ongeldige tijd '{match.Groups["time"].Value}'.");
        }
        return WeekdayAfter(setupDate, weeks, weekday, time).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    private static string ResolveFile(string relative, string contentRoot, string file, JsonValue node)
    {
        var root = Path.GetFullPath(contentRoot);
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(root, StringComparison.Ordinal))
        {
            throw new RecipeException(file, null, node.GetPath(), $"Het bestand '{relative}' ligt buiten de map van de recepten.");
        }
        if (!File.Exists(full))
        {
            throw new RecipeException(file, null, node.GetPath(), $"Het bestand '{relative}' bestaat niet.");
        }
        return File.ReadAllText(full);
    }

    private static IEnumerable<JsonValue> Walk(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Walk(p.Value)),
        JsonArray array => array.SelectMany(Walk),
        JsonValue value => [value],
        _ => [],
    };

    [GeneratedRegex(@"^\[date:\s*(?<sign>[+-])(?<weeks>\d{1,3})w\s+(?<day>ma|di|wo|do|vr|za|zo)\s+(?<time>\d{2}:\d{2})\s*\]$")]
    private static partial Regex DateExpression();
}

public static class AmsterdamTime
{
    public static readonly TimeZoneInfo Zone = Find();

    public static DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToLocal(clock.GetUtcNow().UtcDateTime));

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (TimeZoneNotFoundException)
        {
            // Without tzdata, fall back to the Dutch rules (CET/CEST, EU switch dates).
            var start = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday);
            var end = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday);
            var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1), start, end);
            return TimeZoneInfo.CreateCustomTimeZone("Europe/Amsterdam", TimeSpan.FromHours(1), "Amsterdam", "CET", "CEST", [rule]);
        }
    }
}
