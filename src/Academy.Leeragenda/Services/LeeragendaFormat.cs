using System.Globalization;
using Academy.Core.Hosting;
using Academy.Core.Recipes;
using Academy.Leeragenda.Models;

namespace Academy.Leeragenda.Services;

/// <summary>Dutch, Europe/Amsterdam formatting of dates, times and amounts for the public pages.</summary>
public static class LeeragendaFormat
{
    private static DateTime Local(DateTime utc) => AmsterdamTime.ToLocal(CatalogueQuery.Utc(utc));

    /// <summary>"dinsdag 9 maart 2027".</summary>
    public static string Date(DateTime utc) => Local(utc).ToString("dddd d MMMM yyyy", AcademyHost.Dutch);

    /// <summary>"di 9 mrt 2027".</summary>
    public static string ShortDate(DateTime utc) => Local(utc).ToString("ddd d MMM yyyy", AcademyHost.Dutch).Replace(".", "", StringComparison.Ordinal);

    /// <summary>"09:00".</summary>
    public static string Time(DateTime utc) => Local(utc).ToString("HH:mm", AcademyHost.Dutch);

    /// <summary>The local date as "yyyy-MM-dd" (for the datetime attribute of time elements).</summary>
    public static string IsoLocalDate(DateTime utc) => Local(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The local time with offset, e.g. "2027-03-09T09:00+01:00".</summary>
    public static string IsoLocal(DateTime utc)
    {
        var local = Local(utc);
        var offset = AmsterdamTime.Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);
    }

    /// <summary>ISO 8601 in UTC with Z, to the second.</summary>
    public static string IsoUtc(DateTime utc) => CatalogueQuery.Utc(utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static bool SameLocalDay(DateTime startUtc, DateTime endUtc) => Local(startUtc).Date == Local(endUtc).Date;

    /// <summary>"95" or "1.250" or "95,50" (without the euro sign).</summary>
    public static string Euros(decimal amount) =>
        amount == decimal.Truncate(amount) ? amount.ToString("N0", AcademyHost.Dutch) : amount.ToString("N2", AcademyHost.Dutch);

    /// <summary>Form value to its Dutch label key ("Fysiek", "Online", "Hybride").</summary>
    public static string FormLabel(string? form) => form?.ToLowerInvariant() switch
    {
        "online" => "Online",
        "hybride" => "Hybride",
        _ => "Fysiek",
    };

    public static string FormLabel(OfferingForm form) => FormLabel(form.ToString());

    /// <summary>Where a session is: its location and place; null for an online-only session (show "Online").</summary>
    public static string? Where(Session session)
    {
        if (EditionView.IsOnlineOnly(session))
        {
            return null;
        }
        var parts = new[] { session.Location, session.Place }
            .Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        // Skip the place when the location already names it ("HAN, campus Arnhem" + "Arnhem").
        if (parts.Count == 2 && parts[0].Contains(parts[1], StringComparison.OrdinalIgnoreCase))
        {
            parts.RemoveAt(1);
        }
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }
}
