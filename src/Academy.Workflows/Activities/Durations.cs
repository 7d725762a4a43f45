using System.Globalization;
using System.Text.RegularExpressions;

namespace Academy.Workflows.Activities;

/// <summary>Reads durations the way workflow authors write them: "2d", "-2d", "3h", "30m", "1w", or a TimeSpan ("-2.00:00:00", "02:00:00").</summary>
public static partial class Durations
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            return false;
        }
        if (ShortForm().Match(value) is { Success: true } match)
        {
            var amount = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
            duration = match.Groups["unit"].Value switch
            {
                "w" => TimeSpan.FromDays(7 * amount),
                "d" => TimeSpan.FromDays(amount),
                "h" => TimeSpan.FromHours(amount),
                "m" => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromSeconds(amount),
            };
            if (match.Groups["sign"].Value == "-")
            {
                duration = -duration;
            }
            return true;
        }
        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out duration);
    }

    [GeneratedRegex(@"^(?<sign>[+-]?)\s*(?<n>\d+(\.\d+)?)\s*(?<unit>[wdhms])$")]
    private static partial Regex ShortForm();
}
