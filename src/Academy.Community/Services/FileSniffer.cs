using System.IO.Compression;
using Academy.Community.Models;

namespace Academy.Community.Services;

/// <summary>What an upload is, by its content and its name together.</summary>
public sealed record SniffedFile(FileKind Kind, string MediaType, string Extension);

/// <summary>
/// Recognises the files the community accepts from their first bytes (and, for Office and OpenDocument files, from
/// the entries of the ZIP container), and checks that the name's extension says the same: an .exe renamed to .pdf,
/// an SVG or HTML page renamed to .png, or a ZIP renamed to .docx is refused. Legacy binary Office files (.doc, .xls)
/// are not accepted: they can carry macros and cannot be recognised as safely.
/// </summary>
public static class FileSniffer
{
    private static readonly Dictionary<string, (FileKind Kind, string MediaType)> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = (FileKind.Pdf, "application/pdf"),
        [".docx"] = (FileKind.Word, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        [".xlsx"] = (FileKind.Excel, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        [".pptx"] = (FileKind.PowerPoint, "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
        [".odt"] = (FileKind.OpenDocument, "application/vnd.oasis.opendocument.text"),
        [".ods"] = (FileKind.OpenDocument, "application/vnd.oasis.opendocument.spreadsheet"),
        [".odp"] = (FileKind.OpenDocument, "application/vnd.oasis.opendocument.presentation"),
        [".jpg"] = (FileKind.Image, "image/jpeg"),
        [".jpeg"] = (FileKind.Image, "image/jpeg"),
        [".png"] = (FileKind.Image, "image/png"),
        [".webp"] = (FileKind.Image, "image/webp"),
    };

    /// <summary>For the file input's <c>accept</c> attribute.</summary>
    public static readonly string Accept = string.Join(',', Extensions.Keys);

    public const string NotAllowed = "Dit soort bestand kun je hier niet delen. Kies een PDF, een Office- of OpenDocument-bestand (zoals .docx, .xlsx, .pptx of .odt) of een afbeelding (.jpg, .png of .webp).";
    public const string NotWhatItSays = "Dit bestand is niet wat de naam zegt: de inhoud past niet bij '{0}'. Sla het opnieuw op in het juiste formaat en probeer het nog eens.";
    public const string NoMarkup = "SVG- en HTML-bestanden kun je niet delen, ook niet als afbeelding. Sla een afbeelding op als .png of .jpg.";

    /// <summary>The kind of the upload, or a Dutch message why it is refused.</summary>
    public static (SniffedFile? File, string? Error) Sniff(string fileName, Stream content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is ".svg" or ".svgz" or ".html" or ".htm" or ".xhtml" or ".xml")
        {
            return (null, NoMarkup);
        }
        if (!Extensions.TryGetValue(extension, out var expected))
        {
            return (null, NotAllowed);
        }
        Span<byte> head = stackalloc byte[16];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        content.Position = 0;
        var matches = expected.Kind switch
        {
            FileKind.Pdf => head.StartsWith("%PDF-"u8),
            FileKind.Image => ImageMatches(extension, head),
            FileKind.OpenDocument => head.StartsWith("PK\x03\x04"u8) && OpenDocumentMatches(content, expected.MediaType),
            _ => head.StartsWith("PK\x03\x04"u8) && OfficeMatches(content, expected.Kind),
        };
        content.Position = 0;
        return matches
            ? (new SniffedFile(expected.Kind, expected.MediaType, extension), null)
            : (null, string.Format(System.Globalization.CultureInfo.InvariantCulture, NotWhatItSays, extension));
    }

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];

    private static bool ImageMatches(string extension, ReadOnlySpan<byte> head) => extension switch
    {
        ".png" => head.StartsWith(PngSignature.AsSpan()),
        ".webp" => head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8),
        _ => head.StartsWith(JpegSignature.AsSpan()),
    };

    /// <summary>An Office Open XML package: [Content_Types].xml and the folder of its kind (word/, xl/, ppt/).</summary>
    private static bool OfficeMatches(Stream content, FileKind kind)
    {
        var folder = kind switch { FileKind.Word => "word/", FileKind.Excel => "xl/", _ => "ppt/" };
        return WithZip(content, zip =>
            zip.GetEntry("[Content_Types].xml") is not null
            && zip.Entries.Any(e => e.FullName.StartsWith(folder, StringComparison.Ordinal)));
    }

    /// <summary>An OpenDocument file: its "mimetype" entry names the type its extension promises.</summary>
    private static bool OpenDocumentMatches(Stream content, string mediaType) => WithZip(content, zip =>
    {
        if (zip.GetEntry("mimetype") is not { Length: > 0 and < 200 } entry)
        {
            return false;
        }
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd().Trim() == mediaType;
    });

    /// <summary>Reads only the ZIP's directory (and the tiny mimetype entry), so a ZIP bomb is never unpacked.</summary>
    private static bool WithZip(Stream content, Func<ZipArchive, bool> check)
    {
        try
        {
            content.Position = 0;
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return check(zip);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            return false;
        }
    }
}
