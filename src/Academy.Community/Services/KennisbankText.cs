using System.Globalization;
using Academy.Community.Models;

namespace Academy.Community.Services;

/// <summary>The Dutch words for files and articles, one place for every page.</summary>
public static class KennisbankText
{
    public static string Kind(FileKind kind) => kind switch
    {
        FileKind.Pdf => "PDF",
        FileKind.Word => "Word-document",
        FileKind.Excel => "Excel-werkblad",
        FileKind.PowerPoint => "PowerPoint-presentatie",
        FileKind.OpenDocument => "OpenDocument-bestand",
        _ => "Afbeelding",
    };

    /// <summary>"840 kB", "2,4 MB".</summary>
    public static string Size(long bytes) => bytes < 1024 * 1024
        ? Math.Max(1, (int)Math.Round(bytes / 1024.0)).ToString(CultureInfo.InvariantCulture) + " kB"
        : (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.GetCultureInfo("nl-NL")) + " MB";

    /// <summary>Who may read an article or file, short, for lists.</summary>
    public static string Readers(AccessLevel access) => access switch
    {
        AccessLevel.Public => "openbaar",
        AccessLevel.Professionals => "voor professionals",
        _ => "alleen leden",
    };
}
