using System.Globalization;
using Academy.Core.Data;
using Academy.Core.Hosting;
using Academy.Core.Recipes;

namespace Academy.Core.Text;

/// <summary>Dutch, Europe/Amsterdam formatting of dates, times and amounts for public pages and feeds.</summary>
public static class DutchFormat
{
    public static System.Globalization.CultureInfo Culture => AcademyHost.Dutch;

    private static DateTime Local(DateTime utc) => AmsterdamTime.ToLocal(UtcDates.AsUtc(utc));

    /// <summary>"dinsdag 9 maart 2027".</summary>
    public static string Date(DateTime utc) => Local(utc).ToString("dddd d MMMM yyyy", AcademyHost.Dutch);

    /// <summary>"di 9 mrt 2027".</summary>
    public static string ShortDate(DateTime utc) => Local(utc).ToString("ddd d MMM yyyy", AcademyHost.Dutch).Replace(".", "", StringComparison.Ordinal);

    /// <summary>"09:00".</summary>
    public static string Time(DateTime utc) => Local(utc).ToString("HH:mm", AcademyHost.Dutch);

    /// <summary>The local date as "yyyy-MM-dd" (for the datetime attribute of time elements).</summary>
    public static string IsoLocalDate(DateTime utc) => Local(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The local time with offset, e.g. "2027-03-09T09:00+01:00".</summary>
    public static string IsoLocal(DateTime utc) =>
        // Through DateTimeOffset, so the repeated hour of the autumn clock change gets the right offset.
        TimeZoneInfo.ConvertTime(new DateTimeOffset(UtcDates.AsUtc(utc)), AmsterdamTime.Zone)
            .ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 in UTC with Z, to the second.</summary>
    public static string IsoUtc(DateTime utc) => UtcDates.AsUtc(utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static bool SameLocalDay(DateTime startUtc, DateTime endUtc) => Local(startUtc).Date == Local(endUtc).Date;

    /// <summary>"95" or "1.250" or "95,50" (without the euro sign).</summary>
    public static string Euros(decimal amount) =>
        amount == decimal.Truncate(amount) ? amount.ToString("N0", AcademyHost.Dutch) : amount.ToString("N2", AcademyHost.Dutch);

    /// <summary>
    /// The one way a moment is shown on a page (the shared partial <c>_Time</c> writes this): Amsterdam time for people,
    /// UTC in the datetime attribute. Pages that list many moments write it directly, without a partial per moment.
    /// </summary>
    public static Microsoft.AspNetCore.Html.IHtmlContent TimeElement(DateTime utc)
    {
        var encoder = System.Text.Encodings.Web.HtmlEncoder.Default;
        return new Microsoft.AspNetCore.Html.HtmlString(
            $"<time datetime=\"{encoder.Encode(IsoUtc(utc))}\">{encoder.Encode(ShortDate(utc))} {encoder.Encode(Time(utc))}</time>");
    }
}
