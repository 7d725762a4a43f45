using System.Globalization;
using Academy.Accreditation.Models;
using Academy.Core.Text;

namespace Academy.Accreditation.Services.MyHours;

/// <summary>
/// How a ledger line reads for the professional, on the page and in the PDF alike.
/// <paramref name="localize"/> is the caller's localizer (format, arguments) so the text stays translatable.
/// </summary>
public static class LedgerEntryText
{
    /// <summary>"Toegekend", "Correctie: {reason}", "Handmatig toegevoegd: {reason}".</summary>
    public static string Kind(LedgerEntryRecord entry, Func<string, object[], string> localize) => (entry.Kind, string.IsNullOrWhiteSpace(entry.Reason)) switch
    {
        (LedgerEntryKind.Award, _) => localize("Toegekend", []),
        (LedgerEntryKind.Reversal, false) => localize("Correctie: {0}", [entry.Reason!]),
        (LedgerEntryKind.Reversal, true) => localize("Correctie", []),
        (LedgerEntryKind.Manual, false) => localize("Handmatig toegevoegd: {0}", [entry.Reason!]),
        (LedgerEntryKind.Manual, true) => localize("Handmatig toegevoegd", []),
        _ => entry.Kind.ToString(),
    };

    /// <summary>"9 mrt 2027".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", DutchFormat.Culture).Replace(".", "", StringComparison.Ordinal);

    /// <summary>"2027-03-09", for the datetime attribute.</summary>
    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
