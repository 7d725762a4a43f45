using Academy.Core.Hosting;
using Academy.Core.Recipes;

namespace Academy.Pages.Services;

/// <summary>Dates on public pages: Dutch, in Europe/Amsterdam time.</summary>
public static class DutchDates
{
    public static string Date(DateTime utc) => AmsterdamTime.ToLocal(utc).ToString("dddd d MMMM yyyy", AcademyHost.Dutch);

    public static string Time(DateTime utc) => AmsterdamTime.ToLocal(utc).ToString("HH:mm", AcademyHost.Dutch);

    public static string IsoLocal(DateTime utc)
    {
        var local = AmsterdamTime.ToLocal(utc);
        return new DateTimeOffset(local, AmsterdamTime.Zone.GetUtcOffset(local)).ToString("yyyy-MM-dd'T'HH:mmzzz", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static bool SameDay(DateTime startUtc, DateTime endUtc) => AmsterdamTime.ToLocal(startUtc).Date == AmsterdamTime.ToLocal(endUtc).Date;

    public static string Euros(decimal amount) =>
        amount == decimal.Truncate(amount) ? amount.ToString("N0", AcademyHost.Dutch) : amount.ToString("N2", AcademyHost.Dutch);

    public static string FormLabel(string? form) => form?.ToLowerInvariant() switch
    {
        "online" => "Online",
        "hybride" => "Hybride",
        _ => "Fysiek",
    };
}

