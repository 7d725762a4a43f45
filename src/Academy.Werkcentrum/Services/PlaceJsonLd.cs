using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Werkcentrum.Models;

namespace Academy.Werkcentrum.Services;

/// <summary>
/// schema.org Place with OpeningHoursSpecification for an inlooppunt, as a JSON-LD data block. The default encoder
/// escapes &lt; &gt; &amp; as \u003C…, so no text can end the script element; a data block is not executed, so the site's
/// Content-Security-Policy (script-src 'self') does not apply to it.
/// </summary>
public static class PlaceJsonLd
{
    private static readonly string[] SchemaDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Default };

    public static string Write(WalkInPointView point, string url, DateOnly today)
    {
        var part = point.Part;
        var specs = new JsonArray();
        for (var i = 0; i < OpeningHours.DayKeys.Count; i++)
        {
            foreach (var period in OpeningHours.Periods(part.OpeningHours.GetValueOrDefault(OpeningHours.DayKeys[i])))
            {
                specs.Add(Spec(period.Opens, period.Closes, SchemaDays[i], null));
            }
        }
        foreach (var day in OpeningHours.ExceptionsAhead(part, today))
        {
            // schema.org: a closed day is a specification with opens = closes = 00:00 for that date.
            var periods = day.IsClosed ? [new TimeRange(TimeOnly.MinValue, TimeOnly.MinValue)] : day.Periods;
            foreach (var period in periods)
            {
                specs.Add(Spec(period.Opens, period.Closes, null, day.Date));
            }
        }
        var place = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Place",
            ["name"] = point.Title,
            ["url"] = url,
            ["address"] = new JsonObject
            {
                ["@type"] = "PostalAddress",
                ["streetAddress"] = part.Address,
                ["postalCode"] = part.Postcode,
                ["addressLocality"] = part.Place,
                ["addressCountry"] = "NL",
            },
            ["openingHoursSpecification"] = specs,
        };
        if (!string.IsNullOrWhiteSpace(part.Phone))
        {
            place["telephone"] = part.Phone;
        }
        if (!string.IsNullOrWhiteSpace(part.AccessibilityNotes))
        {
            place["description"] = part.AccessibilityNotes;
        }
        return place.ToJsonString(Options);
    }

    private static JsonObject Spec(TimeOnly opens, TimeOnly closes, string? day, DateOnly? date)
    {
        var spec = new JsonObject { ["@type"] = "OpeningHoursSpecification" };
        if (day is not null)
        {
            spec["dayOfWeek"] = "https://schema.org/" + day;
        }
        if (date is { } d)
        {
            spec["validFrom"] = d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            spec["validThrough"] = d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }
        spec["opens"] = opens.ToString("HH\\:mm", System.Globalization.CultureInfo.InvariantCulture);
        spec["closes"] = closes.ToString("HH\\:mm", System.Globalization.CultureInfo.InvariantCulture);
        return spec;
    }
}
